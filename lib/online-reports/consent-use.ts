import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataConsents, onlineReports } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import type { ConsentLevel } from "./values";

/**
 * What a withdrawn (or never given) consent stops, for a person whose record was made from an
 * online report (docs/CONSENT.md, "What a withdrawal stops"). Such a person's record is the
 * report's data: it is used for a purpose only while a consent of that level holds for the person,
 * the report's own or one given later at the office. A person on file that a report was merely
 * linked to keeps the office's footing: the report added consents, not data.
 */
export function reportDataWithheld(level: ConsentLevel, personId: SQL): SQL {
  return sql`(exists (select 1 from online_reports r where r.missing_person_id = ${personId} and r.created_person)
    and not exists (select 1 from data_consents c where c.missing_person_id = ${personId} and c.level = ${level} and c.withdrawn_on is null))`;
}

/** The levels whose use is withheld for one person (none for a person not made from an online report). */
async function withheldLevelsQuery(db: Executor, missingPersonId: string): Promise<Set<ConsentLevel>> {
  const [fromReport] = await db
    .select({ id: onlineReports.id })
    .from(onlineReports)
    .where(and(eq(onlineReports.missingPersonId, missingPersonId), eq(onlineReports.createdPerson, true)))
    .limit(1);
  if (!fromReport) return new Set();
  const live = await db
    .select({ level: dataConsents.level })
    .from(dataConsents)
    .where(and(eq(dataConsents.missingPersonId, missingPersonId), isNull(dataConsents.withdrawnOn)));
  const holding = new Set(live.map((row) => row.level));
  return new Set((["search", "partners", "prosecution"] as const).filter((level) => !holding.has(level)));
}
/** For the person page: what the registry may no longer do with the person's data, and why. */
export const withheldUsesOfPerson = defineRead("people.read", withheldLevelsQuery);
