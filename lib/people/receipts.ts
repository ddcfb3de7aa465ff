import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, families, missingPersons, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { defineRead } from "@/lib/auth/read-access";

/** What the family takes home after giving a sample: no lab result, no STR profile, only the facts of collection. */
async function getSampleReceiptQuery(db: Executor, sampleId: string) {
  if (!z.uuid().safeParse(sampleId).success) return null;
  const [receipt] = await db
    .select({
      sampleId: dnaSamples.id,
      barcode: dnaSamples.barcode,
      collectedOn: dnaSamples.collectedOn,
      collectedByName: dnaSamples.collectedByName,
      consentScope: dnaSamples.consentScope,
      consentFormRef: dnaSamples.consentFormRef,
      donorId: referenceDonors.id,
      donorGivenName: referenceDonors.givenName,
      donorFatherName: referenceDonors.fatherName,
      donorGrandfatherName: referenceDonors.grandfatherName,
      donorFamilyName: referenceDonors.familyName,
      donorSex: referenceDonors.sex,
      familyReference: families.reference,
    })
    .from(dnaSamples)
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(families, eq(families.id, referenceDonors.familyId))
    .where(and(eq(dnaSamples.id, sampleId), isNull(dnaSamples.voidedAt)));
  if (!receipt) return null;
  const relatives = await db
    .select({
      missingPersonId: missingPersons.id,
      caseNumber: missingPersons.caseNumber,
      givenName: missingPersons.givenName,
      fatherName: missingPersons.fatherName,
      grandfatherName: missingPersons.grandfatherName,
      familyName: missingPersons.familyName,
      sex: missingPersons.sex,
      relationship: donorRelationships.relationship,
    })
    .from(donorRelationships)
    .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
    .where(eq(donorRelationships.donorId, receipt.donorId))
    .orderBy(missingPersons.caseNumber);
  return { ...receipt, relatives };
}

export type SampleReceipt = NonNullable<Awaited<ReturnType<typeof getSampleReceiptQuery>>>;

/** Printing puts personal data on paper that leaves the registry, so every print is in the audit log. */
export async function recordReceiptPrint({ input, tx, audit }: ActionContext<{ sampleId: string }>): Promise<null> {
  // The action pipeline has already checked personalData.export for this session.
  const receipt = await getSampleReceiptQuery(tx, input.sampleId);
  if (!receipt) throw new ActionRefusal("notFound", "Actions.notFound");
  await audit({
    action: "personal data print",
    entity: "dna_sample",
    entityId: receipt.sampleId,
    after: { document: "collection receipt", barcode: receipt.barcode, familyReference: receipt.familyReference },
  });
  return null;
}

export const getSampleReceipt = defineRead("personalData.export", getSampleReceiptQuery);
