import "./support/mock-action-request";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { POST as exportList } from "@/app/api/staff/export/[list]/route";
import { GET as sitesCsv } from "@/app/api/public/sites.csv/route";
import { GET as sitesGeoJson } from "@/app/api/public/sites.geojson/route";
import { auditLog, families, graveSites, missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import { authoriseRead, ReadRefused } from "@/lib/auth/read-access";
import { exportRows } from "@/lib/export/lists";
import { parseSheet } from "@/lib/import/parse-file";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, uniqueSuffix } from "./support/factories";
import { createStaffSession } from "./support/staff-users";
import { sessionOf } from "./support/read-access";

const backends = await testBackends();
const PHONE = "+218 92 555 0142";
const AREA = "حي الشهداء";

describeOnEachBackend(backends, "list exports and open data", (database) => {
  const db = () => database().db;
  let reference = "";
  let caseNumber = "";

  beforeAll(async () => {
    reference = `TRH-F-${uniqueSuffix()}`;
    const [family] = await db().insert(families).values({ reference, contactName: "=HYPERLINK(\"http://x\")", phone: PHONE, area: AREA }).returning();
    caseNumber = `TRH-MP-${uniqueSuffix()}`.toUpperCase();
    await db().insert(missingPersons).values({ caseNumber, familyId: family?.id, givenName: "مصطفى", fatherName: "إبراهيم", nameSearch: "مصطفي ابراهيم", sex: "male", birthYear: 1988 });
    await createRemains(db());
    // Open data lists only the sites staff have published.
    // eslint-disable-next-line drizzle/enforce-update-with-where -- every site of this test's database, on purpose
    await db().update(graveSites).set({ isPublic: true });
  });

  beforeEach(() => {
    actionRequest.db = db();
  });

  const download = (list: string, format = "csv", language?: "ar" | "en") =>
    exportList(new Request(`http://localhost/api/staff/export/${list}?format=${format}${language ? `&lang=${language}` : ""}`, { method: "POST" }), {
      params: Promise.resolve({ list }),
    });

  const csvRows = async (response: Response) => Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, "").trim()).data;

  it("gives a registrar the families with phone and area, neutralises formulas, and audits the download", async () => {
    actionRequest.session = await createStaffSession(db(), "registrar");
    const response = await download("families");
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]).toContain("الهاتف / Phone");
    expect(rows.find((row) => row[0] === reference)).toEqual([reference, "'=HYPERLINK(\"http://x\")", PHONE, AREA, "1"]);
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, "export.families"), eq(auditLog.actorId, actionRequest.session.userId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toMatchObject({ format: "csv", contactDetails: true });
  });

  it("gives the rows to no session that may not export, even when called past the route (a viewer)", async () => {
    const batches: (string | number | null)[][] = [];
    const rowsFor = async (role: "viewer" | "registrar") => {
      for await (const batch of exportRows(authoriseRead(sessionOf(role), "personalData.export"), db(), "families")) batches.push(...batch);
    };
    await expect(rowsFor("viewer")).rejects.toBeInstanceOf(ReadRefused);
    expect(batches).toEqual([]);
    await rowsFor("registrar");
    expect(JSON.stringify(batches)).toContain(PHONE);
  });

  it("refuses a viewer (no personal-data export) and a signed-out visitor", async () => {
    actionRequest.session = await createStaffSession(db(), "viewer");
    expect((await download("missingPersons")).status).toBe(403);
    actionRequest.session = null;
    expect((await download("missingPersons")).status).toBe(401);
  });

  it("exports missing persons as XLSX that the importer reads back as already present", async () => {
    actionRequest.session = await createStaffSession(db(), "forensic");
    const response = await download("missingPersons", "xlsx");
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const outcome = await parseSheet(bytes, "missingPersons", null);
    if (!("parsed" in outcome)) throw new Error(`mapping problem ${JSON.stringify(outcome.problem)}`);
    const exported = outcome.parsed.validRows.find((row) => row.key === caseNumber);
    expect(exported?.values).toMatchObject({ givenName: "مصطفى", fatherName: "إبراهيم", sex: "male", birthYear: 1988, familyReference: reference.toUpperCase() });
  });

  it("writes codes as words of the export's language: ذكر and مفقود in Arabic, Male and Missing in English", async () => {
    actionRequest.session = await createStaffSession(db(), "registrar");
    const arabic = (await csvRows(await download("missingPersons", "csv", "ar"))).find((row) => row[0] === caseNumber);
    expect(arabic?.[6]).toBe("ذكر");
    expect(arabic?.[10]).toBe("مفقود");
    const english = (await csvRows(await download("missingPersons", "csv", "en"))).find((row) => row[0] === caseNumber);
    expect(english?.[6]).toBe("Male");
    expect(english?.[10]).toBe("Missing");
  });

  it("sets the XLSX sheet right to left for Arabic, left to right for English", async () => {
    actionRequest.session = await createStaffSession(db(), "registrar");
    const sheetView = async (language: "ar" | "en") => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await download("families", "xlsx", language)).arrayBuffer());
      return workbook.worksheets[0]?.views[0];
    };
    expect(await sheetView("ar")).toMatchObject({ rightToLeft: true });
    expect((await sheetView("en"))?.rightToLeft ?? false).toBe(false);
  });

  it("exports every column of a police report, with the case numbers of both linked persons", async () => {
    const reportNumber = `TST-R-${uniqueSuffix()}`;
    const [report] = await db()
      .insert(policeReports)
      .values({ reportNumber, filedOn: "2020-06-14", reporterName: "سالم علي", reporterRelationship: "أخ", category: "disappearance", narrative: "اقتيد من بيته ليلاً" })
      .returning();
    const second = await createMissingPerson(db());
    const [first] = await db().select().from(missingPersons).where(eq(missingPersons.caseNumber, caseNumber));
    if (!report || !first) throw new Error("seed failed");
    await db().insert(policeReportPersons).values([{ reportId: report.id, missingPersonId: first.id }, { reportId: report.id, missingPersonId: second.id }]);
    actionRequest.session = await createStaffSession(db(), "registrar");
    const text = (await (await download("policeReports")).text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    expect(header).toEqual(["رقم البلاغ / Report number", "مركز الشرطة / Police station", "تاريخ البلاغ / Filed on", "اسم المبلغ / Reporter name",
      "صلة المبلغ / Reporter relationship", "نوع البلاغ / Category", "الوقائع / Narrative", "أرقام الحالات / Case numbers"]);
    expect(rows.find((row) => row[0] === reportNumber)).toEqual([
      report.reportNumber, report.station, report.filedOn, report.reporterName, report.reporterRelationship, "اختفاء", report.narrative,
      [first.caseNumber, second.caseNumber].sort().join("; "),
    ]);
  });

  it("publishes the grave sites as HXL-tagged CSV with the same figures as the GeoJSON", async () => {
    const csv = await sitesCsv(new Request("http://localhost/api/public/sites.csv"));
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, hashtags, ...rows] = Papa.parse<string[]>((await csv.text()).trim()).data;
    expect(header).toEqual(["code", "name_ar", "name_en", "status", "latitude", "longitude", "bodies_recovered", "identified"]);
    expect(hashtags).toEqual(["#loc+code", "#loc+name+i_ar", "#loc+name+i_en", "#status", "#geo+lat", "#geo+lon", "#affected+killed+recovered", "#affected+killed+identified"]);
    const geojson = (await (await sitesGeoJson(new Request("http://localhost/api/public/sites.geojson"))).json()) as {
      features: { geometry: { coordinates: [number, number] }; properties: Record<string, string | number> }[];
    };
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(
      geojson.features.map(({ geometry, properties }) => [
        properties.code, properties.nameAr, properties.nameEn, properties.status,
        String(geometry.coordinates[1]), String(geometry.coordinates[0]), String(properties.bodiesRecovered), String(properties.identified),
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain("مصطفى");
  });
});
