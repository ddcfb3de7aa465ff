import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataConsents, missingPersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { defineRead } from "@/lib/auth/read-access";
import type { RecordConsentValues, WithdrawDataConsentValues } from "./schemas";
import type { ConsentLevel } from "./values";

/**
 * Whether a live consent of `level` holds for the missing_persons row of the outer query: given,
 * online or at the office, and not withdrawn. The partner export asks this one condition. Spelt out:
 * in a one-table select drizzle writes ${missingPersons.id} as a bare "id", which inside the
 * subquery would name the consent's own id.
 */
export function consentHolds(level: ConsentLevel): SQL {
  return sql`exists (select 1 from data_consents c where c.missing_person_id = missing_persons.id and c.level = ${level} and c.withdrawn_on is null)`;
}

/** Consent given at the office on a signed form, for a person on file, one row per level. */
export async function recordOfficeConsent({ input, tx, session, audit }: ActionContext<RecordConsentValues>): Promise<{ consentIds: string[] }> {
  const [person] = await tx
    .select({ id: missingPersons.id })
    .from(missingPersons)
    .where(and(eq(missingPersons.id, input.missingPersonId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)));
  if (!person) throw new ActionRefusal("notFound", "Actions.notFound");
  const rows = await tx
    .insert(dataConsents)
    .values(
      [...new Set(input.levels)].map((level) => ({
        missingPersonId: person.id,
        level,
        source: "office",
        wordingVersion: input.wordingVersion,
        givenOn: input.givenOn,
        givenBy: input.givenBy,
        recordedBy: session.userId,
      })),
    )
    .returning({ id: dataConsents.id, level: dataConsents.level });
  await audit({
    action: "consent.record",
    entity: "missing_person",
    entityId: person.id,
    after: { consents: rows, wordingVersion: input.wordingVersion, givenOn: input.givenOn, givenBy: input.givenBy },
  });
  return { consentIds: rows.map((row) => row.id) };
}

/**
 * A consent withdrawn through the office: recorded with the date and the signed form's version,
 * never deleted. From then on the data is used only as the consents still holding allow (a
 * withdrawn "partners" consent takes the person out of the partner export at once).
 */
export async function withdrawDataConsent({ input, tx, session, audit }: ActionContext<WithdrawDataConsentValues>): Promise<{ consentId: string }> {
  const [before] = await tx.select().from(dataConsents).where(eq(dataConsents.id, input.consentId)).for("update");
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.withdrawnOn !== null) throw new ActionRefusal("refused", "OnlineReport.consentAlreadyWithdrawn");
  if (input.withdrawnOn < before.givenOn) throw new ActionRefusal("invalid", "Actions.invalid", { withdrawnOn: "OnlineReport.withdrawalBeforeConsent" });
  await updateVersioned(tx, dataConsents, "data_consent", { id: before.id, version: input.version }, {
    withdrawnOn: input.withdrawnOn,
    withdrawalWording: input.wordingVersion,
    withdrawalNote: input.note,
    withdrawalRecordedBy: session.userId,
  });
  await audit({
    action: "consent.withdraw",
    entity: "data_consent",
    entityId: before.id,
    before: { level: before.level, withdrawnOn: null, version: before.version },
    after: { level: before.level, missingPersonId: before.missingPersonId, onlineReportId: before.onlineReportId, withdrawnOn: input.withdrawnOn, wordingVersion: input.wordingVersion, note: input.note },
  });
  return { consentId: before.id };
}

export interface ConsentRecord {
  id: string;
  level: ConsentLevel;
  source: string;
  wordingVersion: string;
  givenOn: string;
  givenBy: string;
  withdrawnOn: string | null;
  withdrawalWording: string;
  /** The online report the consent was given on; null for one given at the office. */
  onlineReportId: string | null;
  version: number;
}

const consentColumns = {
  id: dataConsents.id,
  level: sql<ConsentLevel>`${dataConsents.level}`,
  source: dataConsents.source,
  wordingVersion: dataConsents.wordingVersion,
  givenOn: dataConsents.givenOn,
  givenBy: dataConsents.givenBy,
  withdrawnOn: dataConsents.withdrawnOn,
  withdrawalWording: dataConsents.withdrawalWording,
  onlineReportId: dataConsents.onlineReportId,
  version: dataConsents.version,
};

async function consentsOfPersonQuery(db: Executor, missingPersonId: string): Promise<ConsentRecord[]> {
  return db.select(consentColumns).from(dataConsents).where(eq(dataConsents.missingPersonId, missingPersonId)).orderBy(asc(dataConsents.givenOn), asc(dataConsents.level));
}
/** A person's consents, given and withdrawn, for the person page. */
export const consentsOfPerson = defineRead("people.read", consentsOfPersonQuery);

async function consentsOfReportQuery(db: Executor, onlineReportId: string): Promise<ConsentRecord[]> {
  return db.select(consentColumns).from(dataConsents).where(eq(dataConsents.onlineReportId, onlineReportId)).orderBy(asc(dataConsents.level));
}
export const consentsOfReport = defineRead("people.write", consentsOfReportQuery);
