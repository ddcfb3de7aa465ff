import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, missingPersons, policeReports } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { familyListColumns } from "@/lib/people/family-list";
import type { Locale } from "@/lib/i18n/routing";
import type { ExportColumn } from "./columns";
import { exportWords } from "./words";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import { consentHolds } from "@/lib/online-reports/consents";

/**
 * partnerShare: the missing persons whose consent (b) holds, for ICMP and ICRC (issue 26); anyone
 * without it (never given, or withdrawn) is left out, however they were reported.
 */
export const EXPORT_LISTS = ["missingPersons", "policeReports", "families", "partnerShare"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const BATCH = 2_000;

const personColumns = {
  caseNumber: missingPersons.caseNumber,
  givenName: missingPersons.givenName,
  fatherName: missingPersons.fatherName,
  grandfatherName: missingPersons.grandfatherName,
  familyName: missingPersons.familyName,
  nameLatin: missingPersons.nameLatin,
  sex: missingPersons.sex,
  birthYear: missingPersons.birthYear,
  lastSeenOn: missingPersons.lastSeenOn,
  lastSeenPlace: missingPersons.lastSeenPlace,
  status: missingPersons.status,
  familyReference: families.reference,
};

const reportColumns = {
  station: policeReports.station,
  reportNumber: policeReports.reportNumber,
  filedOn: policeReports.filedOn,
  reporterName: policeReports.reporterName,
  reporterRelationship: policeReports.reporterRelationship,
  category: policeReports.category,
  // Spelt out: in a one-table select drizzle writes ${policeReports.id} as a bare "id", which
  // inside this subquery names the person's own id and matches no report.
  caseNumbers: sql<string>`coalesce((select string_agg(p.case_number, '; ' order by p.case_number)
    from police_report_persons l join missing_persons p on p.id = l.missing_person_id where l.report_id = police_reports.id), '')`,
  narrative: policeReports.narrative,
};

type PersonRow = { [Key in keyof typeof personColumns]: (typeof personColumns)[Key]["_"]["data"] | null };
type ReportRow = { caseNumbers: string } & { [Key in Exclude<keyof typeof reportColumns, "caseNumbers">]: (typeof reportColumns)[Key]["_"]["data"] };
type FamilyRow = Awaited<ReturnType<typeof familyBatch>>[number];

/** Header and value of each exported column; the same order as the import templates where both exist. */
export const PERSON_EXPORT: readonly ExportColumn<PersonRow>[] = [
  { headerAr: "رقم الحالة", headerEn: "Case number", value: (row) => row.caseNumber },
  { headerAr: "الاسم", headerEn: "Given name", value: (row) => row.givenName },
  { headerAr: "اسم الأب", headerEn: "Father's name", value: (row) => row.fatherName },
  { headerAr: "اسم الجد", headerEn: "Grandfather's name", value: (row) => row.grandfatherName },
  { headerAr: "اللقب", headerEn: "Family name", value: (row) => row.familyName },
  { headerAr: "الاسم بالحروف اللاتينية", headerEn: "Name in Latin letters", value: (row) => row.nameLatin },
  { headerAr: "الجنس", headerEn: "Sex", value: (row, words) => words.sex(row.sex) },
  { headerAr: "سنة الميلاد", headerEn: "Birth year", value: (row) => row.birthYear },
  { headerAr: "تاريخ آخر مشاهدة", headerEn: "Last seen on", value: (row) => row.lastSeenOn },
  { headerAr: "مكان آخر مشاهدة", headerEn: "Last seen place", value: (row) => row.lastSeenPlace },
  { headerAr: "الحالة", headerEn: "Status", value: (row, words) => words.personStatus(row.status) },
  { headerAr: "مرجع العائلة", headerEn: "Family reference", value: (row) => row.familyReference },
];

export const REPORT_EXPORT: readonly ExportColumn<ReportRow>[] = [
  { headerAr: "رقم البلاغ", headerEn: "Report number", value: (row) => row.reportNumber },
  { headerAr: "مركز الشرطة", headerEn: "Police station", value: (row) => row.station },
  { headerAr: "تاريخ البلاغ", headerEn: "Filed on", value: (row) => row.filedOn },
  { headerAr: "اسم المبلغ", headerEn: "Reporter name", value: (row) => row.reporterName },
  { headerAr: "صلة المبلغ", headerEn: "Reporter relationship", value: (row) => row.reporterRelationship },
  { headerAr: "نوع البلاغ", headerEn: "Category", value: (row, words) => words.reportCategory(row.category) },
  { headerAr: "الوقائع", headerEn: "Narrative", value: (row) => row.narrative },
  { headerAr: "أرقام الحالات", headerEn: "Case numbers", value: (row) => row.caseNumbers },
];

export const FAMILY_EXPORT: readonly ExportColumn<FamilyRow>[] = [
  { headerAr: "مرجع العائلة", headerEn: "Family reference", value: (row) => row.reference },
  { headerAr: "جهة الاتصال", headerEn: "Contact person", value: (row) => row.contactName },
  { headerAr: "الهاتف", headerEn: "Phone", value: (row) => row.phone },
  { headerAr: "المنطقة", headerEn: "Area", value: (row) => row.area },
  { headerAr: "عدد المفقودين", headerEn: "Missing persons", value: (row) => row.missingCount },
];

function personBatch(db: Executor, after: string | null, partnersOnly = false) {
  return db
    .select(personColumns)
    .from(missingPersons)
    .leftJoin(families, eq(families.id, missingPersons.familyId))
    .where(
      and(
        isNull(missingPersons.voidedAt),
        isNull(missingPersons.mergedIntoId),
        partnersOnly ? consentHolds("partners") : undefined,
        after === null ? undefined : gt(missingPersons.caseNumber, after),
      ),
    )
    .orderBy(asc(missingPersons.caseNumber))
    .limit(BATCH);
}

function reportBatch(db: Executor, after: { station: string; reportNumber: string } | null) {
  return db
    .select(reportColumns)
    .from(policeReports)
    .where(
      and(
        isNull(policeReports.voidedAt),
        after === null ? undefined : sql`(${policeReports.station}, ${policeReports.reportNumber}) > (${after.station}, ${after.reportNumber})`,
      ),
    )
    .orderBy(asc(policeReports.station), asc(policeReports.reportNumber))
    .limit(BATCH);
}

/** The families list's own columns, so phone and area are withheld exactly as on the page. */
function familyBatch(db: Executor, role: Role, after: string | null) {
  return db
    .select(familyListColumns(role))
    .from(families)
    .where(and(isNull(families.voidedAt), after === null ? undefined : gt(families.reference, after)))
    .orderBy(asc(families.reference))
    .limit(BATCH);
}

/** Every live record of a list as text rows, batch by batch (keyset), never the whole table in memory. */
export async function* exportRows(
  access: ReadAccess<"personalData.export">,
  db: Executor,
  list: ExportList,
  language: Locale = "ar",
): AsyncGenerator<(string | number | null)[][]> {
  assertReadAccess(access, "personalData.export");
  const words = exportWords(language);
  // Contact details follow the session's role, never a role the caller names.
  const role = access.session.role;
  if (list === "missingPersons" || list === "partnerShare") {
    const partnersOnly = list === "partnerShare";
    for (let batch = await personBatch(db, null, partnersOnly); batch.length > 0; batch = await personBatch(db, batch.at(-1)?.caseNumber ?? null, partnersOnly)) {
      yield batch.map((row) => PERSON_EXPORT.map((column) => column.value(row, words)));
      if (batch.length < BATCH) return;
    }
  } else if (list === "policeReports") {
    for (let batch = await reportBatch(db, null); batch.length > 0; batch = await reportBatch(db, batch.at(-1) ?? null)) {
      yield batch.map((row) => REPORT_EXPORT.map((column) => column.value(row, words)));
      if (batch.length < BATCH) return;
    }
  } else {
    for (let batch = await familyBatch(db, role, null); batch.length > 0; batch = await familyBatch(db, role, batch.at(-1)?.reference ?? null)) {
      yield batch.map((row) => FAMILY_EXPORT.map((column) => column.value(row, words)));
      if (batch.length < BATCH) return;
    }
  }
}

export function exportHeaders(list: ExportList): readonly ExportColumn<never>[] {
  return list === "missingPersons" || list === "partnerShare" ? PERSON_EXPORT : list === "policeReports" ? REPORT_EXPORT : FAMILY_EXPORT;
}
