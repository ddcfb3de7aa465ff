import { issueFamilyAccessCode } from "@/app/[locale]/staff/families/[familyId]/actions";
import type { Database } from "@/db/client";
import { families } from "@/db/schema";
import { uniqueSuffix } from "./factories";

/** Issues a family's portal code through the staff action (the test must have signed in a registrar). */
export async function issueCode(familyId: string): Promise<string> {
  const result = await issueFamilyAccessCode({ familyId });
  if (!result.ok) throw new Error(`issuing was refused: ${JSON.stringify(result)}`);
  return result.data.code;
}

/** A new family with a portal access code. */
export async function familyWithCode(db: Database) {
  const [family] = await db.insert(families).values({ reference: `TST-F-${uniqueSuffix().toUpperCase()}`, contactName: "جهة اتصال" }).returning();
  if (!family) throw new Error("no family");
  return { family, code: await issueCode(family.id) };
}
