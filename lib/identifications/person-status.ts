import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { missingPersons } from "@/db/schema";
import { personStatusFor, type IdentificationStatus } from "./state-machine";

/** Statuses the identification workflow owns; found alive and merged records are left alone. */
const DERIVED_STATUSES = ["missing", "identified", "remains_returned"] as const;

/**
 * Sets missing_persons.status to what the person's active identification implies, in the step's
 * own transaction, so the person and the identification can never contradict each other. The
 * version moves on: an edit form opened before the step cannot write the old status back.
 * Returns the change, or null when there was none.
 */
export async function syncPersonStatus(tx: Transaction, missingPersonId: string, activeStatus: IdentificationStatus | null) {
  const status = personStatusFor(activeStatus);
  const [before] = await tx
    .select({ status: missingPersons.status })
    .from(missingPersons)
    .where(eq(missingPersons.id, missingPersonId));
  if (!before) return null;
  const derived = (DERIVED_STATUSES as readonly string[]).includes(before.status);
  if (!derived || before.status === status) return null;
  await tx
    .update(missingPersons)
    .set({ status, version: sql`${missingPersons.version} + 1`, updatedAt: new Date() })
    .where(eq(missingPersons.id, missingPersonId));
  return { before: before.status, after: status };
}
