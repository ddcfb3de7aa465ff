import { hash, type Algorithm } from "@node-rs/argon2";
import { DEMO_PASSWORD } from "./users";

/**
 * The package declares Algorithm as an ambient const enum, which isolatedModules may not read, so
 * its value is written out: 2 is Argon2id in @node-rs/argon2's typings.
 */
const ARGON2ID: Algorithm = 2;

/** Hashed once per seed and shared by the five accounts: argon2id is deliberately slow. */
export function hashDemoPassword(): Promise<string> {
  return hash(DEMO_PASSWORD, { algorithm: ARGON2ID });
}
