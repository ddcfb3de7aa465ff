import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import { personNameColumns } from "@/lib/people/person-columns";
import { defineRead } from "@/lib/auth/read-access";

/** The audit entity of a police report: its history is read back under this name. */
export const POLICE_REPORT_ENTITY = "police_report";

/** A report as its page shows it; the reporter's search form is the database's own and left out. */
export const policeReportColumns = {
  id: policeReports.id,
  station: policeReports.station,
  reportNumber: policeReports.reportNumber,
  filedOn: policeReports.filedOn,
  reporterName: policeReports.reporterName,
  reporterRelationship: policeReports.reporterRelationship,
  category: policeReports.category,
  narrative: policeReports.narrative,
  importId: policeReports.importId,
  version: policeReports.version,
  createdAt: policeReports.createdAt,
  updatedAt: policeReports.updatedAt,
  voidedAt: policeReports.voidedAt,
  voidedBy: policeReports.voidedBy,
  voidReason: policeReports.voidReason,
};

/** The people a report names, by case number; a merged or voided record is still listed, marked. */
export function linkedPersons(db: Executor, reportId: string) {
  return db
    .select({ ...personNameColumns, mergedIntoId: missingPersons.mergedIntoId, voidedAt: missingPersons.voidedAt })
    .from(policeReportPersons)
    .innerJoin(missingPersons, eq(missingPersons.id, policeReportPersons.missingPersonId))
    .where(eq(policeReportPersons.reportId, reportId))
    .orderBy(asc(missingPersons.caseNumber));
}

/** A police report, voided or not (a voided one stays readable), with the people it names; null when there is none. */
async function getPoliceReportDetailsQuery(db: Executor, reportId: string) {
  if (!z.uuid().safeParse(reportId).success) return null;
  const [report] = await db.select(policeReportColumns).from(policeReports).where(eq(policeReports.id, reportId));
  if (!report) return null;
  return { ...report, persons: await linkedPersons(db, report.id) };
}

export type PoliceReportDetails = NonNullable<Awaited<ReturnType<typeof getPoliceReportDetailsQuery>>>;

export const getPoliceReportDetails = defineRead("people.read", getPoliceReportDetailsQuery);
