import { hashPassword } from "@/lib/auth/argon2";
import { DEMO_PASSWORD } from "./users";

/** Hashed once per seed and shared by the demo accounts: argon2id is deliberately slow. */
export function hashDemoPassword(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}
