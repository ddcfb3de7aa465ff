import fs from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect, test, type TestContext } from "vitest";
import { lastColumnWorkbook, sharedStringBomb } from "../integration/support/hostile-spreadsheets";
import { openSignedInPage } from "./support/open-page";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();

const signedInAsRegistrar = (context: TestContext): Promise<Page> =>
  openSignedInPage(context, browser.current, server.current, "registrar", { timeoutMs: 30_000 });

test("a registrar uploads a CSV, sees the dry run with the bad row, imports, and finds the reports in the list", async (context) => {
  const page = await signedInAsRegistrar(context);

  const prefix = `XL-${Date.now()}`;
  const csv = [
    "رقم البلاغ,تاريخ البلاغ,اسم المبلغ,نوع البلاغ,الوقائع",
    `${prefix}-1,2020-06-01,سالم الترهوني,اختفاء,خرج ولم يعد`,
    `${prefix}-2,31/02/2020,سالم الترهوني,قتل,`,
    `${prefix}-3,2020-06-03,عائشة الفيتوري,قتل,`,
  ].join("\r\n");
  await page.goto(server.current.url("/ar/staff/import"));
  await page.locator("#import-file").setInputFiles({ name: "reports.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "افحص الملف" }).click();

  const report = page.getByTestId("import-report");
  await report.waitFor();
  await expect.poll(() => report.getByTestId("import-count-new").locator("dd").textContent()).toBe("2");
  await expect.poll(() => report.getByTestId("import-count-invalid").locator("dd").textContent()).toBe("1");
  const errorRows = await report.getByTestId("import-errors").locator("tbody tr").allTextContents();
  expect(errorRows).toEqual([expect.stringContaining("تاريخ البلاغ")]);
  expect(errorRows[0]?.startsWith("3")).toBe(true);
  // The records to be saved are previewed before anything is.
  const previewed = await report.getByTestId("import-preview").locator("tbody tr").allTextContents();
  expect(previewed).toEqual([expect.stringContaining(`${prefix}-1`), expect.stringContaining(`${prefix}-3`)]);
  await keepScreenshot(page, "spreadsheet import", "dry-run", { fullPage: true });

  await page.getByRole("button", { name: "استورد سجلين جديدين" }).click();
  await page.locator("dialog").getByRole("button", { name: "استورد" }).click();
  await page.getByText("انتهى الاستيراد").waitFor();

  await page.goto(server.current.url(`/ar/staff/reports?q=${prefix}`));
  const listed = await page.getByTestId("report-rows").locator("tr td:first-child").allTextContents();
  expect(listed.sort()).toEqual([`${prefix}-1`, `${prefix}-3`]);
});

/** Asks the server's health endpoint every 100 ms until `work` settles; returns the slowest answer. */
async function slowestHealthAnswer(url: string, work: Promise<unknown>): Promise<number> {
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  let slowest = 0;
  while (!settled) {
    const started = performance.now();
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return slowest;
}

test("hostile workbooks are read in a worker of the production server: the report or a clear refusal, health answering within 1 s", async (context) => {
  const page = await signedInAsRegistrar(context);
  const headers = ["رقم البلاغ", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "الوقائع"];
  const mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await page.goto(server.current.url("/ar/staff/import"));

  await page.locator("#import-file").setInputFiles({ name: "xfd.xlsx", mimeType, buffer: lastColumnWorkbook(headers, 2_000) });
  await page.getByRole("button", { name: "افحص الملف" }).click();
  const report = page.getByTestId("import-report");
  const lastColumn = await slowestHealthAnswer(server.current.url("/api/health"), report.waitFor({ timeout: 60_000 }));
  await expect.poll(() => report.getByTestId("import-count-invalid").locator("dd").textContent()).toBe("2000");
  await expect.poll(() => report.getByTestId("import-errors").locator("tbody tr").count()).toBe(1_000);
  await expect.poll(() => report.getByTestId("import-errors-not-listed").textContent()).toContain("خلايا أكثر من العناوين: 2000");

  const bomb = await sharedStringBomb(headers, 272);
  await page.locator("#import-file").setInputFiles({ name: "bomb.xlsx", mimeType, buffer: bomb });
  await page.getByRole("button", { name: "افحص الملف" }).click();
  // Next's route announcer is an alert too: the refusal is the one that says why.
  const refusal = page.getByRole("alert").filter({ hasText: "يتجاوز ملف Excel بعد فكّ ضغطه" });
  const zipBomb = await slowestHealthAnswer(server.current.url("/api/health"), refusal.waitFor({ timeout: 60_000 }));
  await expect.poll(() => refusal.textContent()).toContain("لم يُستورد شيء");
  await keepScreenshot(page, "spreadsheet import", "zip-bomb-refused", { fullPage: true });
  expect(Math.max(lastColumn, zipBomb)).toBeLessThan(1_000);
});

test("a registrar downloads list exports and a person's prosecution dossier; the public page links the open data", async (context) => {
  const page = await signedInAsRegistrar(context);
  // Exports and dossiers are started by a POST from the app's own forms, never by a link.
  await page.goto(server.current.url("/ar/staff/exports"));
  const download = page.waitForEvent("download");
  await page.getByTestId("export-lists").locator('form[action*="families?format=xlsx"] button').click();
  const xlsx = await download;
  expect(xlsx.suggestedFilename()).toMatch(/^tarhuna-families-.*\.xlsx$/);
  expect((await fs.readFile(await xlsx.path())).subarray(0, 2).toString()).toBe("PK");

  await page.goto(server.current.url("/ar/staff/persons/by-case/TRH-MP-00001"));
  const dossierAnswer = page.context().waitForEvent("response", (response) => response.url().includes("/api/staff/dossier/"));
  await page.getByTestId("dossier-link").click();
  const dossier = await dossierAnswer;
  expect(dossier.request().method()).toBe("POST");
  expect(dossier.status()).toBe(200);
  expect(dossier.headers()["content-type"]).toBe("application/pdf");

  await page.goto(server.current.url("/en"));
  const csvHref = await page.getByTestId("open-data-links").locator('a[href$="sites.csv"]').getAttribute("href");
  const csv = await page.request.get(server.current.url(csvHref ?? ""));
  expect((await csv.text()).split("\r\n")[1]).toMatch(/^#loc\+code,/);
});
