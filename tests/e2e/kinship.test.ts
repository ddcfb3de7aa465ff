import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();
const PASSWORD = "demo-password";

async function signedInPage(context: TestContext, username: string, locale: "ar" | "en"): Promise<Page> {
  const page = await openAppPage(context, browser.current, server.current, `/${locale}/login`, DESKTOP);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === `/${locale}/staff`);
  return page;
}

describe("DNA kinship screening", () => {
  test("a forensic examiner runs the screen on the demo data and can turn a lead into a proposal", async (context) => {
    const page = await signedInPage(context, "forensic", "en");
    await page.goto(server.current.url("/en/staff/kinship"));
    await page.getByTestId("synthetic-warning").waitFor({ state: "visible" });
    await expect.poll(() => page.getByTestId("profile-counts").innerText()).toMatch(/Profiles on file: \d+ bodies and \d+ reference samples/);
    await page.getByTestId("screen-settings").locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === "/en/staff/kinship/leads");
    await page.getByTestId("kinship-leads").waitFor({ state: "visible" });
    await expect.poll(() => page.getByTestId("lead-count").innerText()).toMatch(/Leads: [1-9]/);
    // A body already in an identification links to it and offers no second proposal.
    const confirmedBody = page.getByTestId("lead-row").filter({ hasText: "TRH-GS-03-B017" });
    await expect.poll(() => confirmedBody.count()).toBe(1);
    await expect.poll(() => confirmedBody.getByTestId("held-identification").first().getAttribute("href")).toMatch(/^\/en\/staff\/identifications\/[0-9a-f-]{36}$/);
    await expect.poll(() => confirmedBody.getByTestId("propose-from-lead").count()).toBe(0);
    const freeLead = page.getByTestId("lead-row").filter({ has: page.getByTestId("propose-from-lead") }).first();
    const proposal = await freeLead.getByTestId("propose-from-lead").first().getAttribute("href");
    expect(proposal).toMatch(/^\/en\/staff\/identifications\/new\?remains=[0-9a-f-]{36}&person=[0-9a-f-]{36}&lr=\d/);
    await keepScreenshot(page, context.task.name, undefined, { fullPage: true });
  });

  test("a threshold below a tenth of the comparisons is raised, and the leads page says so and why", async (context) => {
    const page = await signedInPage(context, "forensic", "en");
    // The demo's search is small enough for the default T: nothing is raised.
    await page.goto(server.current.url("/en/staff/kinship/leads"));
    await page.getByTestId("lead-count").waitFor({ state: "visible" });
    await expect.poll(() => page.getByTestId("dvi-threshold-raised").count()).toBe(0);
    await page.goto(server.current.url("/en/staff/kinship/leads?threshold=2"));
    const note = page.getByTestId("dvi-threshold-raised");
    await note.waitFor({ state: "visible" });
    const text = await note.innerText();
    const match = /T is raised from 2 to ([\d,]+) for this search: ([\d,]+) comparisons/.exec(text);
    expect(match, text).not.toBeNull();
    const [raised, comparisons] = [match?.[1], match?.[2]].map((figure) => Number((figure ?? "").replaceAll(",", "")));
    expect(raised).toBe(Math.ceil((comparisons ?? 0) / 10));
    // The rule the page states is the T the leads were found with.
    await expect.poll(() => page.getByText(`a likelihood ratio of at least T = ${match?.[1] ?? ""} and`).count()).toBe(1);
  });

  test("a laboratory file is imported with its bad rows listed by line, in Arabic", async (context) => {
    const page = await signedInPage(context, "forensic", "ar");
    await page.goto(server.current.url("/ar/staff/kinship"));
    // TRH-DNA-R-000003 was shipped and has no calls yet: its first typing needs no declaration.
    const csv = ["sample barcode,locus,allele 1,allele 2", "TRH-DNA-R-000003,TH01,9.3,", "TRH-DNA-R-999999,TH01,6,7", "TRH-DNA-R-000003,AMEL,X,Y"].join("\n");
    await page.locator("#profile-file").setInputFiles({ name: "lab.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("profile-import-form").locator('button[type="submit"]').click();
    const result = page.getByTestId("profile-import-result");
    await result.waitFor({ state: "visible" });
    await expect.poll(() => result.innerText()).toMatch(/رُفض صفان/); // two rows: the dual, not "2 صفاً" (issue 24)
    const rows = await page.getByTestId("row-errors").locator("tbody tr").allInnerTexts();
    expect(rows.map((row) => row.split("\t")[0]?.trim())).toEqual(["3", "4"]);

    // TRH-DNA-R-000001 is typed TH01 7/7: a file that changes it is refused until declared a re-typing.
    const retyping = ["sample barcode,locus,allele 1,allele 2", "TRH-DNA-R-000001,TH01,9.3,"].join("\n");
    await page.locator("#profile-file").setInputFiles({ name: "retyping.csv", mimeType: "text/csv", buffer: Buffer.from(retyping) });
    await page.getByTestId("profile-import-form").locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("profile-import-form").innerText()).toContain("الملف يغيّر أنماطاً مسجلة من قبل");
  });

  test("the Arabic kinship pages have no axe violation", async (context) => {
    const page = await signedInPage(context, "forensic", "ar");
    for (const pathname of ["/ar/staff/kinship", "/ar/staff/kinship/leads", "/ar/staff/kinship/frequencies"]) {
      await page.goto(server.current.url(pathname));
      await page.locator("main h1").waitFor({ state: "visible" });
      await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
      const results = await new AxeBuilder({ page }).analyze();
      const violations = results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
      expect(violations, pathname).toEqual([]);
    }
  });

  test("a registrar is refused the profiles, an administrator the frequency tables and the leads", async (context) => {
    const registrar = await signedInPage(context, "registrar", "ar");
    await registrar.goto(server.current.url("/ar/staff/kinship"));
    await registrar.waitForURL((url) => url.pathname === "/ar/staff/forbidden");
    const admin = await signedInPage(context, "admin", "en");
    await admin.goto(server.current.url("/en/staff/kinship/frequencies"));
    await admin.waitForURL((url) => url.pathname === "/en/staff/forbidden");
    await admin.goto(server.current.url("/en/staff/kinship/leads"));
    await admin.waitForURL((url) => url.pathname === "/en/staff/forbidden");
  });
});
