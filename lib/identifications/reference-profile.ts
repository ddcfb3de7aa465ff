import "server-only";
import { and, eq, exists, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, referenceDonors, strProfiles } from "@/db/schema";

/**
 * Whether DNA can stand behind an identification of this person: a live reference sample from a
 * relative registered as his reference, which the laboratory reports profiled and whose calls are
 * stored. Without one, a ratio cited for him was not computed from anything on record.
 */
export async function hasAnalysedReferenceProfile(db: Executor, missingPersonId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: dnaSamples.id })
    .from(dnaSamples)
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(donorRelationships, eq(donorRelationships.donorId, referenceDonors.id))
    .where(
      and(
        eq(donorRelationships.missingPersonId, missingPersonId),
        eq(dnaSamples.kind, "reference"),
        eq(dnaSamples.labStatus, "profiled"),
        isNull(dnaSamples.voidedAt),
        isNull(dnaSamples.consentWithdrawnOn),
        isNull(referenceDonors.voidedAt),
        exists(db.select({ id: strProfiles.id }).from(strProfiles).where(eq(strProfiles.sampleId, dnaSamples.id))),
      ),
    )
    .limit(1);
  return found !== undefined;
}
