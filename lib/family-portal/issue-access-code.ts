import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { hashPassword } from "@/lib/auth/argon2";
import { formatAccessCode, generateAccessCode } from "./access-code";
import type { IssueAccessCodeValues } from "./schemas";
import { endFamilySessions } from "./session";
import { liftReferenceThrottles } from "./sign-in-throttle";
import { defineRead } from "@/lib/auth/read-access";

export interface IssuedAccessCode {
  reference: string;
  /** XXXX-XXXX-XXXX: returned this once to be shown and printed, never stored or logged. */
  code: string;
  issuedAt: string;
}

/**
 * A new code for the family, kept only as an argon2id hash. It ends every session opened with the
 * previous code and lifts every wait on the family's reference (the family may be at the office
 * because it was kept waiting). The audit entry says that a code was (re)issued, never which.
 */
export async function issueAccessCode({ input, tx, audit }: ActionContext<IssueAccessCodeValues>): Promise<IssuedAccessCode> {
  const [family] = await tx
    .select({ id: families.id, reference: families.reference, issuedAt: families.accessCodeIssuedAt })
    .from(families)
    .where(and(eq(families.id, input.familyId), isNull(families.voidedAt)))
    .for("update");
  if (!family) throw new ActionRefusal("notFound", "Actions.notFound");
  const code = generateAccessCode();
  const issuedAt = new Date();
  await tx
    .update(families)
    .set({ accessCodeHash: await hashPassword(code), accessCodeIssuedAt: issuedAt, version: sql`${families.version} + 1`, updatedAt: issuedAt })
    .where(eq(families.id, family.id));
  await endFamilySessions(tx, family.id);
  const signInWaitsLifted = await liftReferenceThrottles(tx, family.reference);
  await audit({
    action: family.issuedAt ? "family.accessCodeReissue" : "family.accessCodeIssue",
    entity: "family",
    entityId: family.id,
    before: { reference: family.reference, accessCodeIssuedAt: family.issuedAt },
    after: { reference: family.reference, accessCodeIssuedAt: issuedAt, signInWaitsLifted },
  });
  return { reference: family.reference, code: formatAccessCode(code), issuedAt: issuedAt.toISOString() };
}

/** When the family's current code was issued (null: none yet), for the staff pages. */
export async function accessCodeIssuedAt(db: Executor, familyId: string): Promise<Date | null> {
  const [family] = await db.select({ issuedAt: families.accessCodeIssuedAt }).from(families).where(eq(families.id, familyId));
  return family?.issuedAt ?? null;
}

/** accessCodeIssuedAt for the staff pages, which only the roles that issue codes see. */
export const readAccessCodeIssuedAt = defineRead("familyAccessCode.issue", accessCodeIssuedAt);
