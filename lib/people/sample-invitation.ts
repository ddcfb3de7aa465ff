import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, families, missingPersons, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { defineRead } from "@/lib/auth/read-access";
import { personNameColumns } from "./person-columns";

/**
 * What the letter inviting a registered relative to give a reference sample says (issue #22,
 * point 6): who is invited, for which missing relatives, under which family reference. Nothing
 * about DNA: the letter travels by hand and by post.
 */
async function getSampleInvitationQuery(db: Executor, donorId: string) {
  if (!z.uuid().safeParse(donorId).success) return null;
  const [donor] = await db
    .select({
      donorId: referenceDonors.id,
      givenName: referenceDonors.givenName,
      fatherName: referenceDonors.fatherName,
      grandfatherName: referenceDonors.grandfatherName,
      familyName: referenceDonors.familyName,
      sex: referenceDonors.sex,
      familyId: families.id,
      familyReference: families.reference,
    })
    .from(referenceDonors)
    .innerJoin(families, eq(families.id, referenceDonors.familyId))
    .where(and(eq(referenceDonors.id, donorId), isNull(referenceDonors.voidedAt), isNull(families.voidedAt)));
  if (!donor) return null;
  const [relatives, samples] = await Promise.all([
    db
      .select({
        ...personNameColumns,
        sex: missingPersons.sex,
        relationship: donorRelationships.relationship,
      })
      .from(donorRelationships)
      .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
      .where(and(eq(donorRelationships.donorId, donorId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
      .orderBy(missingPersons.caseNumber),
    db
      .select({ collectedOn: dnaSamples.collectedOn })
      .from(dnaSamples)
      .where(and(eq(dnaSamples.donorId, donorId), isNull(dnaSamples.voidedAt)))
      .orderBy(desc(dnaSamples.collectedOn))
      .limit(1),
  ]);
  // A relative who has given a sample already is not invited again; the page says so instead.
  return { ...donor, relatives, sampledOn: samples[0]?.collectedOn ?? null };
}

export type SampleInvitation = NonNullable<Awaited<ReturnType<typeof getSampleInvitationQuery>>>;

export const getSampleInvitation = defineRead("personalData.export", getSampleInvitationQuery);

/** Printing puts personal data on paper that leaves the registry, so every print is in the audit log. */
export async function recordInvitationPrint({ input, tx, audit }: ActionContext<{ donorId: string }>): Promise<null> {
  // The action pipeline has already checked personalData.export for this session.
  const invitation = await getSampleInvitationQuery(tx, input.donorId);
  if (!invitation) throw new ActionRefusal("notFound", "Actions.notFound");
  if (invitation.sampledOn !== null) throw new ActionRefusal("refused", "People.invitation.alreadySampled");
  await audit({
    action: "personal data print",
    entity: "reference_donor",
    entityId: invitation.donorId,
    after: { document: "sample invitation letter", familyReference: invitation.familyReference, missingPersons: invitation.relatives.map((relative) => relative.caseNumber) },
  });
  return null;
}
