import "server-only";
import { inArray, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { families } from "@/db/schema";
import { hashPassword } from "@/lib/auth/argon2";
import { parseAccessCode } from "@/lib/family-portal/access-code";

/**
 * Families whose portal code is known, so the status portal can be tried: printed by the demo
 * command. TRH-F-0018 has seven missing, one identified and the family told in person;
 * TRH-F-0004's identification is confirmed but the family not yet told, so the portal only asks
 * them to contact the office. Invented data: these codes open nothing real.
 */
export const DEMO_FAMILY_ACCESS = [
  { reference: "TRH-F-0018", code: "HK7M-3PXA-T9WE" },
  { reference: "TRH-F-0004", code: "R4NC-8YEF-2JW6" },
] as const;

/** Fixed, so two seeds give the same rows apart from the salted hashes. */
const DEMO_CODES_ISSUED_AT = new Date("2024-09-15T10:00:00+02:00");

export interface DemoAccessHash {
  reference: string;
  hash: string;
}

/** Hashed before the seed's transaction opens: argon2id is deliberately slow. */
export function hashDemoAccessCodes(): Promise<DemoAccessHash[]> {
  return Promise.all(
    DEMO_FAMILY_ACCESS.map(async ({ reference, code }) => {
      const canonical = parseAccessCode(code);
      if (!canonical) throw new Error(`the demo code of ${reference} is not a valid access code`);
      return { reference, hash: await hashPassword(canonical) };
    }),
  );
}

export async function issueDemoAccessCodes(tx: Transaction, hashes: readonly DemoAccessHash[]): Promise<void> {
  for (const { reference, hash } of hashes) {
    await tx.update(families).set({ accessCodeHash: hash, accessCodeIssuedAt: DEMO_CODES_ISSUED_AT }).where(eq(families.reference, reference));
  }
  const issued = await tx.select({ reference: families.reference }).from(families).where(inArray(families.reference, hashes.map((entry) => entry.reference)));
  if (issued.length !== hashes.length) throw new Error("a demo family with a portal code is missing from the demo data");
}
