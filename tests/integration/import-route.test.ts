import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/staff/import/route";
import { GET as templateRoute } from "@/app/api/staff/import/template/route";
import type { ImportEvent } from "@/lib/import/run-import";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { uniqueSuffix } from "./support/factories";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

function upload(text: string, mode: "dryRun" | "commit"): Request {
  const form = new FormData();
  form.set("file", new File([text], "reports.csv", { type: "text/csv" }));
  form.set("kind", "policeReports");
  form.set("mode", mode);
  return new Request("http://localhost/api/staff/import", { method: "POST", body: form });
}

async function events(response: Response): Promise<ImportEvent[]> {
  return (await response.text())
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ImportEvent);
}

describeOnEachBackend(backends, "import route", (database) => {
  beforeEach(() => {
    actionRequest.db = database().db;
  });

  it("lets only administrators and registrars import, and answers a dry run as NDJSON with the counts", async () => {
    const csv = `Report number,Filed on,Reporter name,Category\nRT-${uniqueSuffix()},2020-01-02,سالم,قتل\n`;
    actionRequest.session = null;
    expect((await importRoute(upload(csv, "dryRun"))).status).toBe(401);
    for (const role of ["forensic", "viewer"] as const) {
      actionRequest.session = await createStaffSession(database().db, role);
      expect((await importRoute(upload(csv, "commit"))).status).toBe(403);
      expect((await templateRoute(new Request("http://localhost/api/staff/import/template?kind=policeReports"))).status).toBe(403);
    }
    actionRequest.session = await createStaffSession(database().db, "registrar");
    const response = await importRoute(upload(csv, "dryRun"));
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect((await events(response)).at(-1)).toMatchObject({ type: "result", mode: "dryRun", counts: { rows: 1, new: 1, invalid: 0 } });
  });

  it("refuses a file that is not a spreadsheet with a message key, importing nothing", async () => {
    actionRequest.session = await createStaffSession(database().db, "admin");
    const response = await importRoute(upload("%PDF-1.7\u0000\u0001binary", "commit"));
    expect(await events(response)).toEqual([{ type: "fileError", key: "notSpreadsheet", values: {} }]);
  });

  it("serves the XLSX template to a registrar", async () => {
    actionRequest.session = await createStaffSession(database().db, "registrar");
    const response = await templateRoute(new Request("http://localhost/api/staff/import/template?kind=missingPersons&format=xlsx"));
    expect(response.headers.get("content-disposition")).toContain("tarhuna-missingPersons-template.xlsx");
    expect(new Uint8Array(await response.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});
