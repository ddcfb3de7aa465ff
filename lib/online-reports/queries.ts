import "server-only";
import { personNameColumns } from "@/lib/people/person-columns";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, missingPersons, onlineReports, policeReportPersons, policeReports, users } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import { findDuplicateCandidates, type DuplicateCandidate } from "@/lib/people/duplicates";

export interface QueuedReport {
  id: string;
  reference: string;
  status: string;
  submittedAt: Date;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  birthYear: number | null;
}

const queueColumns = {
  id: onlineReports.id,
  reference: onlineReports.reference,
  status: onlineReports.status,
  submittedAt: onlineReports.submittedAt,
  givenName: onlineReports.givenName,
  fatherName: onlineReports.fatherName,
  grandfatherName: onlineReports.grandfatherName,
  familyName: onlineReports.familyName,
  birthYear: onlineReports.birthYear,
};

/** Reports waiting for a registrar, oldest first, and the latest decided ones. */
async function triageQueueQuery(db: Executor): Promise<{ waiting: QueuedReport[]; decided: QueuedReport[] }> {
  const [waiting, decided] = await Promise.all([
    db.select(queueColumns).from(onlineReports).where(eq(onlineReports.status, "submitted")).orderBy(asc(onlineReports.submittedAt)).limit(200),
    db.select(queueColumns).from(onlineReports).where(ne(onlineReports.status, "submitted")).orderBy(desc(onlineReports.decidedAt)).limit(20),
  ]);
  return { waiting, decided };
}
export const getTriageQueue = defineRead("people.write", triageQueueQuery);

/** How many reports wait, for the dashboard's link to the queue. */
async function waitingCountQuery(db: Executor): Promise<number> {
  return db.$count(onlineReports, eq(onlineReports.status, "submitted"));
}
export const countWaitingReports = defineRead("people.write", waitingCountQuery);

export interface PoliceNumberMatch {
  id: string;
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  station: string;
  reportNumber: string;
}

/** People on file named in a police report with the number the reporter gave, at any station. */
async function peopleByPoliceNumber(db: Executor, reportNumber: string): Promise<PoliceNumberMatch[]> {
  if (reportNumber.trim() === "") return [];
  return db
    .select({
      ...personNameColumns,
      station: policeReports.station,
      reportNumber: policeReports.reportNumber,
    })
    .from(policeReports)
    .innerJoin(policeReportPersons, eq(policeReportPersons.reportId, policeReports.id))
    .innerJoin(missingPersons, eq(missingPersons.id, policeReportPersons.missingPersonId))
    .where(
      and(
        sql`lower(${policeReports.reportNumber}) = lower(${reportNumber.trim()})`,
        isNull(policeReports.voidedAt),
        isNull(missingPersons.voidedAt),
        isNull(missingPersons.mergedIntoId),
      ),
    )
    .orderBy(asc(missingPersons.caseNumber))
    .limit(20);
}

export type OnlineReportDetail = typeof onlineReports.$inferSelect & {
  decidedByName: string | null;
  personCaseNumber: string | null;
  familyReference: string | null;
};

async function onlineReportQuery(db: Executor, reportId: string) {
  const [report] = await db
    .select({
      report: onlineReports,
      decidedByName: users.displayName,
      personCaseNumber: missingPersons.caseNumber,
      familyReference: families.reference,
    })
    .from(onlineReports)
    .leftJoin(users, eq(users.id, onlineReports.decidedBy))
    .leftJoin(missingPersons, eq(missingPersons.id, onlineReports.missingPersonId))
    .leftJoin(families, eq(families.id, onlineReports.familyId))
    .where(eq(onlineReports.id, reportId));
  if (!report) return null;
  const detail: OnlineReportDetail = { ...report.report, decidedByName: report.decidedByName, personCaseNumber: report.personCaseNumber, familyReference: report.familyReference };
  const [duplicates, policeMatches] =
    detail.status === "submitted"
      ? await Promise.all([
          findDuplicateCandidates(db, { ...detail, nameLatin: "", birthYear: detail.birthYear }),
          peopleByPoliceNumber(db, detail.policeReportNumber),
        ])
      : [[] as DuplicateCandidate[], [] as PoliceNumberMatch[]];
  return { report: detail, duplicates, policeMatches };
}
/** One report with the likely duplicates on file: the name search of the person form, and the police report number. */
export const getOnlineReport = defineRead("people.write", onlineReportQuery);
