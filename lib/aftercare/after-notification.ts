import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { identifications } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";

/** The steps of issue 27 points 2–4 follow the family being told in person, never precede it. */
export const AFTER_NOTIFICATION_STATUSES: readonly string[] = ["family_notified", "remains_returned"];

/** Locks the identification and refuses unless the family has been told in person. */
export async function lockInformedIdentification(tx: Transaction, identificationId: string, messageKey: string) {
  const [identification] = await tx.select().from(identifications).where(eq(identifications.id, identificationId)).for("update");
  if (!identification) throw new ActionRefusal("notFound", "Actions.notFound");
  if (!AFTER_NOTIFICATION_STATUSES.includes(identification.status)) throw new ActionRefusal("refused", messageKey);
  return identification;
}
