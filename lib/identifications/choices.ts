import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { donorRelationships, missingPersons, referenceDonors, remains } from "@/db/schema";
import { personNameColumns } from "@/lib/people/person-columns";
import { defineRead } from "@/lib/auth/read-access";

/** The body a proposal starts from (?remains=<id>): its code fills the form, its estimate is compared. */
async function findRemainsChoiceQuery(db: Executor, remainsId: string | undefined) {
  if (!remainsId || !z.uuid().safeParse(remainsId).success) return null;
  const [row] = await db
    .select({ code: remains.code, estimatedSex: remains.estimatedSex, ageMin: remains.ageMin, ageMax: remains.ageMax })
    .from(remains)
    .where(and(eq(remains.id, remainsId), isNull(remains.voidedAt)));
  return row ?? null;
}

/** The person a proposal starts from (?person=<id>), as the picker shows a chosen person. */
async function findPersonChoiceQuery(db: Executor, missingPersonId: string | undefined) {
  if (!missingPersonId || !z.uuid().safeParse(missingPersonId).success) return null;
  const [row] = await db
    .select({
      ...personNameColumns,
      sex: missingPersons.sex,
      birthYear: missingPersons.birthYear,
      lastSeenOn: missingPersons.lastSeenOn,
    })
    .from(missingPersons)
    .where(and(eq(missingPersons.id, missingPersonId), isNull(missingPersons.voidedAt)));
  return row ?? null;
}

/** Family members who gave a reference for the person: the usual people remains are returned to. */
async function donorNamesForQuery(db: Executor, missingPersonId: string): Promise<string[]> {
  const rows = await db
    .select({ givenName: referenceDonors.givenName, fatherName: referenceDonors.fatherName, familyName: referenceDonors.familyName })
    .from(donorRelationships)
    .innerJoin(referenceDonors, eq(referenceDonors.id, donorRelationships.donorId))
    .where(and(eq(donorRelationships.missingPersonId, missingPersonId), isNull(referenceDonors.voidedAt)));
  return rows.map((row) => [row.givenName, row.fatherName, row.familyName].filter(Boolean).join(" "));
}

export const donorNamesFor = defineRead("people.read", donorNamesForQuery);
export const findPersonChoice = defineRead("identification.propose", findPersonChoiceQuery);
export const findRemainsChoice = defineRead("identification.propose", findRemainsChoiceQuery);
