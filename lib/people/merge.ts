import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { donorRelationships, identifications, INACTIVE_IDENTIFICATION_STATUSES, missingPersons, policeReportPersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { syncPersonStatus } from "@/lib/identifications/person-status";
import type { MergeValues } from "./schemas";
import { auditSnapshot } from "@/lib/audit/snapshot";

async function lockActivePerson(tx: Transaction, id: string) {
  const [person] = await tx.select().from(missingPersons).where(eq(missingPersons.id, id)).for("update");
  if (!person) throw new ActionRefusal("notFound", "Actions.notFound");
  if (person.mergedIntoId !== null || person.voidedAt !== null) throw new ActionRefusal("refused", "People.mergedRecord");
  return person;
}

async function activeIdentificationCount(tx: Transaction, missingPersonId: string): Promise<number> {
  return tx.$count(
    identifications,
    and(eq(identifications.missingPersonId, missingPersonId), notInArray(identifications.status, [...INACTIVE_IDENTIFICATION_STATUSES])),
  );
}

/** Re-points the merged record's report links; a report naming both keeps its one link to the survivor. */
async function moveReportLinks(tx: Transaction, mergedId: string, survivorId: string): Promise<number> {
  const survivorReports = tx.select({ id: policeReportPersons.reportId }).from(policeReportPersons).where(eq(policeReportPersons.missingPersonId, survivorId));
  const moved = await tx
    .update(policeReportPersons)
    .set({ missingPersonId: survivorId })
    .where(and(eq(policeReportPersons.missingPersonId, mergedId), notInArray(policeReportPersons.reportId, survivorReports)))
    .returning();
  await tx.delete(policeReportPersons).where(eq(policeReportPersons.missingPersonId, mergedId));
  return moved.length;
}

/** The same for donors: a donor already related to the survivor keeps the survivor's stated relation. */
async function moveDonorRelationships(tx: Transaction, mergedId: string, survivorId: string): Promise<number> {
  const survivorDonors = tx.select({ id: donorRelationships.donorId }).from(donorRelationships).where(eq(donorRelationships.missingPersonId, survivorId));
  const moved = await tx
    .update(donorRelationships)
    .set({ missingPersonId: survivorId, version: sql`${donorRelationships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(donorRelationships.missingPersonId, mergedId), notInArray(donorRelationships.donorId, survivorDonors)))
    .returning();
  await tx.delete(donorRelationships).where(eq(donorRelationships.missingPersonId, mergedId));
  return moved.length;
}

/**
 * Folds a duplicate record into the surviving one: its reports, donors (and so their samples) and
 * identifications move over, it is marked merged and points at the survivor, and its case number
 * keeps resolving. Both records' full contents go into the audit entry.
 */
export async function mergeMissingPersons({ input, tx, audit }: ActionContext<MergeValues>): Promise<{ survivorId: string }> {
  const [survivor, merged] = [await lockActivePerson(tx, input.survivorId), await lockActivePerson(tx, input.mergedId)];
  const bothIdentified = (await activeIdentificationCount(tx, merged.id)) > 0 && (await activeIdentificationCount(tx, survivor.id)) > 0;
  if (bothIdentified) throw new ActionRefusal("refused", "People.mergeBothIdentified");
  const moved = {
    reports: await moveReportLinks(tx, merged.id, survivor.id),
    donorRelationships: await moveDonorRelationships(tx, merged.id, survivor.id),
    identifications: (await tx.update(identifications).set({ missingPersonId: survivor.id }).where(eq(identifications.missingPersonId, merged.id)).returning()).length,
  };
  // Records merged into the duplicate earlier now point straight at the survivor: one hop resolves any old case number.
  await tx.update(missingPersons).set({ mergedIntoId: survivor.id }).where(inArray(missingPersons.mergedIntoId, [merged.id]));
  const mergedAfter = await updateVersioned(tx, missingPersons, "missing_person", { id: merged.id, version: input.mergedVersion }, {
    mergedIntoId: survivor.id,
    status: "merged",
  });
  await updateVersioned(tx, missingPersons, "missing_person", { id: survivor.id, version: input.survivorVersion }, {
    familyId: survivor.familyId ?? merged.familyId,
  });
  // An identification that came over with the duplicate now speaks for the survivor's status too.
  const [active] = await tx
    .select({ status: identifications.status })
    .from(identifications)
    .where(and(eq(identifications.missingPersonId, survivor.id), notInArray(identifications.status, [...INACTIVE_IDENTIFICATION_STATUSES])));
  await syncPersonStatus(tx, survivor.id, active?.status ?? null);
  const [survivorAfter] = await tx.select().from(missingPersons).where(eq(missingPersons.id, survivor.id));
  await audit({
    action: "missingPerson.merge",
    entity: "missing_person",
    entityId: survivor.id,
    before: { survivor: auditSnapshot("missing_person", survivor), merged: auditSnapshot("missing_person", merged) },
    after: { survivor: survivorAfter && auditSnapshot("missing_person", survivorAfter), merged: auditSnapshot("missing_person", mergedAfter), moved },
  });
  return { survivorId: survivor.id };
}
