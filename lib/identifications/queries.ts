import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { identifications, missingPersons, remains, users } from "@/db/schema";
import type { IdentificationStatus } from "./state-machine";
import { personNameColumns } from "@/lib/people/person-columns";
import { defineRead } from "@/lib/auth/read-access";

const proposer = alias(users, "proposer");
const confirmer = alias(users, "confirmer");
const notifier = alias(users, "notifier");

/** An identification with the body's code, the person's case number and name, newest first. */
function summaries(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: identifications.id,
      status: identifications.status,
      basis: identifications.basis,
      proposedAt: identifications.proposedAt,
      confirmedAt: identifications.confirmedAt,
      notifiedOn: identifications.notifiedOn,
      remainsId: remains.id,
      remainsCode: remains.code,
      missingPersonId: missingPersons.id,
      caseNumber: missingPersons.caseNumber,
      givenName: missingPersons.givenName,
      fatherName: missingPersons.fatherName,
      grandfatherName: missingPersons.grandfatherName,
      familyName: missingPersons.familyName,
    })
    .from(identifications)
    .innerJoin(remains, eq(remains.id, identifications.remainsId))
    .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
    .where(where)
    .orderBy(desc(identifications.proposedAt), desc(identifications.id))
    .limit(limit);
}

export type IdentificationSummary = Awaited<ReturnType<typeof summaries>>[number];

function listIdentificationsQuery(db: Executor, status: IdentificationStatus | null, limit = 200) {
  return summaries(db, status ? eq(identifications.status, status) : undefined, limit);
}

/** Every identification ever made of this body, rejected and retracted ones included. */
function identificationsOfRemainsQuery(db: Executor, remainsId: string) {
  return summaries(db, eq(identifications.remainsId, remainsId), 100);
}

function identificationsOfPersonQuery(db: Executor, missingPersonId: string) {
  return summaries(db, eq(identifications.missingPersonId, missingPersonId), 100);
}

/** One identification with both sides as the reviewer compares them, and who did each step. */
async function getIdentificationQuery(db: Executor, identificationId: string) {
  if (!z.uuid().safeParse(identificationId).success) return null;
  const [row] = await db
    .select({
      identification: identifications,
      body: { id: remains.id, code: remains.code, estimatedSex: remains.estimatedSex, ageMin: remains.ageMin, ageMax: remains.ageMax },
      person: {
        ...personNameColumns,
        sex: missingPersons.sex,
        birthYear: missingPersons.birthYear,
        lastSeenOn: missingPersons.lastSeenOn,
        status: missingPersons.status,
      },
      proposedByName: proposer.displayName,
      confirmedByName: confirmer.displayName,
      notifiedByName: notifier.displayName,
    })
    .from(identifications)
    .innerJoin(remains, eq(remains.id, identifications.remainsId))
    .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
    .innerJoin(proposer, eq(proposer.id, identifications.proposedBy))
    .leftJoin(confirmer, eq(confirmer.id, identifications.confirmedBy))
    .leftJoin(notifier, eq(notifier.id, identifications.notifiedBy))
    .where(eq(identifications.id, identificationId));
  return row ?? null;
}

export type IdentificationDetails = NonNullable<Awaited<ReturnType<typeof getIdentificationQuery>>>;

export const getIdentification = defineRead("people.read", getIdentificationQuery);
export const identificationsOfPerson = defineRead("people.read", identificationsOfPersonQuery);
export const identificationsOfRemains = defineRead("people.read", identificationsOfRemainsQuery);
export const listIdentifications = defineRead("people.read", listIdentificationsQuery);
