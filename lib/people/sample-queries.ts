import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, families, referenceDonors } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** A reference sample with its donor and family, for its page and edit form (never a profile); a voided one is shown as such. */
async function getReferenceSampleQuery(db: Executor, sampleId: string) {
  if (!z.uuid().safeParse(sampleId).success) return null;
  const [row] = await db
    .select({
      id: dnaSamples.id,
      barcode: dnaSamples.barcode,
      collectedOn: dnaSamples.collectedOn,
      collectedByName: dnaSamples.collectedByName,
      labStatus: dnaSamples.labStatus,
      laboratory: dnaSamples.laboratory,
      shippedOn: dnaSamples.shippedOn,
      receivedOn: dnaSamples.receivedOn,
      profiledOn: dnaSamples.profiledOn,
      failedOn: dnaSamples.failedOn,
      failureReason: dnaSamples.failureReason,
      version: dnaSamples.version,
      consentGiven: dnaSamples.consentGiven,
      consentScope: dnaSamples.consentScope,
      consentFormRef: dnaSamples.consentFormRef,
      consentWithdrawnOn: dnaSamples.consentWithdrawnOn,
      consentWithdrawalWording: dnaSamples.consentWithdrawalWording,
      consentWithdrawalNote: dnaSamples.consentWithdrawalNote,
      voidedAt: dnaSamples.voidedAt,
      voidReason: dnaSamples.voidReason,
      donorId: referenceDonors.id,
      donorGivenName: referenceDonors.givenName,
      donorFatherName: referenceDonors.fatherName,
      donorFamilyName: referenceDonors.familyName,
      familyId: families.id,
      familyReference: families.reference,
    })
    .from(dnaSamples)
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(families, eq(families.id, referenceDonors.familyId))
    .where(and(eq(dnaSamples.id, sampleId), eq(dnaSamples.kind, "reference")));
  return row ?? null;
}

export const getReferenceSample = defineRead("people.read", getReferenceSampleQuery);
