import { describe, expect, it } from "vitest";
import { readImportForm } from "@/lib/import/import-form";

function commitForm(readOptions: unknown, conflictChoices?: unknown): Request {
  const form = new FormData();
  form.set("file", new File(["رقم البلاغ,تاريخ البلاغ\r\nX-1,2020-06-01"], "reports.csv"));
  form.set("kind", "policeReports");
  form.set("mode", "commit");
  form.set("mapping", JSON.stringify(["reportNumber", "filedOn"]));
  form.set("readOptions", JSON.stringify(readOptions));
  if (conflictChoices !== undefined) form.set("conflictChoices", JSON.stringify(conflictChoices));
  return new Request("http://registry.test/api/staff/import", { method: "POST", body: form });
}

describe("the import request form", () => {
  it("takes the date order the user confirmed for the one date column a police register has", async () => {
    const read = await readImportForm(commitForm({ sheets: [""], headerRows: { "": 1 }, hiddenRows: "skip", dateOrders: { filedOn: "monthFirst" } }));
    expect("request" in read && read.request.readOptions?.dateOrders).toEqual({ filedOn: "monthFirst" });
  });

  it("refuses a date order for a field that is not a date", async () => {
    const read = await readImportForm(commitForm({ sheets: [""], headerRows: null, hiddenRows: "skip", dateOrders: { narrative: "dayFirst" } }));
    expect("response" in read && read.response.status).toBe(400);
  });

  it("takes a person of the file linked to one person on file, and refuses a link that names no record id", async () => {
    const id = "0b5d7c8e-2f4a-4c1e-9a7b-3d2e1f0a9b8c";
    const linked = await readImportForm(commitForm({ sheets: null, headerRows: null, hiddenRows: "skip" }, { "name:x|": `link:${id}`, "name:y|": "create" }));
    expect("request" in linked && linked.request.conflictChoices).toEqual({ "name:x|": `link:${id}`, "name:y|": "create" });
    const refused = await readImportForm(commitForm({ sheets: null, headerRows: null, hiddenRows: "skip" }, { "name:x|": "link:TRH-MP-00001" }));
    expect("response" in refused && refused.response.status).toBe(400);
  });
});
