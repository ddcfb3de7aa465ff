import type { Page, Request } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** What a response must never show: a stack frame, a file path of the server, a module folder. */
const INTERNALS = /\bat [\w$.<>]+ \(|\/(work|tmp|home|app|usr)\/|node_modules|\.next(-builds\/[\w-]+)?\/server|webpack-internal|Error: /;
const MEGABYTE = 1024 * 1024;
const HEADER = "sample barcode,locus,allele 1,allele 2";

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** A laboratory file of about `bytes` (every row names a sample the registry does not hold). */
function profileFile(bytes: number): Buffer {
  const row = "NO-SUCH-SAMPLE,TH01,6,7\n";
  return Buffer.from(`${HEADER}\n${row.repeat(Math.floor((bytes - HEADER.length - 1) / row.length))}`);
}

/** Imports a laboratory file through the kinship page's form; the server-action request it sent. */
async function importProfiles(page: Page, file: Buffer): Promise<Request> {
  await page.goto(server.current.url("/en/staff/kinship"));
  await page.locator("#profile-file").setInputFiles({ name: "lab.csv", mimeType: "text/csv", buffer: file });
  // The file is read into the form by the browser; the submit button sends it once it is there.
  await expect.poll(() => page.locator('[data-testid="profile-import-form"] input[name="csv"]').evaluate((input: HTMLInputElement) => input.value.length)).toBeGreaterThan(file.length - 100);
  const sent = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await page.getByTestId("profile-import-form").locator('button[type="submit"]').click();
  return sent;
}

/** The captured action's headers with the session, for sending another body to the same action. */
async function actionHeaders(page: Page, action: Request): Promise<Record<string, string>> {
  const headers = Object.entries(action.headers()).filter(([name]) => name !== "content-length" && name !== "host");
  return { ...Object.fromEntries(headers), cookie: await cookieHeader(page) };
}

const forensicPage = (context: TestContext) => openSignedInPage(context, browser.current, server.current, "forensic", { timeoutMs: 90_000 });

describe("request bodies", () => {
  test("the kinship page imports the 5 MB laboratory file it promises", async (context) => {
    const page = await forensicPage(context);
    const file = profileFile(4_990_000);
    expect(file.length).toBeGreaterThan(4.75 * MEGABYTE);
    await importProfiles(page, file);
    const result = page.getByTestId("profile-import-result");
    await result.waitFor({ state: "visible" });
    const rows = (file.toString().match(/\n/g)?.length ?? 0) - 1;
    // The examiner's account reads English, where counts are grouped ("207,915").
    await expect.poll(() => result.innerText()).toContain(`${new Intl.NumberFormat("en").format(rows)} rows refused`);
  });

  test("a 2 MB POST to a server action or a form route is refused with 413 before it is read; a large spreadsheet import is still accepted", async (context) => {
    const page = await forensicPage(context);
    const action = await importProfiles(page, profileFile(2_000));
    const twoMegabytes = JSON.stringify([{ csv: "x".repeat(2 * MEGABYTE) }]);
    const toAction = await fetch(server.current.url("/en/staff"), { method: "POST", headers: await actionHeaders(page, action), body: twoMegabytes });
    expect(toAction.status).toBe(413);
    expect(await toAction.text()).not.toMatch(INTERNALS);

    const toPortal = await fetch(server.current.url("/ar/family/sign-in"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reference: "TRH-F-0001", code: "x".repeat(2 * MEGABYTE) }),
      redirect: "manual",
    });
    expect(toPortal.status).toBe(413);

    const registrar = await openSignedInPage(context, browser.current, server.current, "registrar");
    const csv = ["رقم البلاغ,تاريخ البلاغ,اسم المبلغ,نوع البلاغ,الوقائع", ...Array.from({ length: 600 }, (_, row) => `BIG-${row},2020-06-01,سالم الترهوني,اختفاء,${"خرج ولم يعد ".repeat(250)}`)].join("\r\n");
    const form = new FormData();
    form.append("kind", "policeReports");
    form.append("mode", "dryRun");
    form.append("file", new Blob([csv], { type: "text/csv" }), "reports.csv");
    const imported = await fetch(server.current.url("/api/staff/import"), { method: "POST", headers: { cookie: await cookieHeader(registrar) }, body: form });
    expect(Buffer.byteLength(csv)).toBeGreaterThan(3 * MEGABYTE);
    expect(imported.status).toBe(200);
    expect(await imported.text()).toContain('"type":"result"');
  });

  test("a 100,000-deep nested action argument gets a clean 400, not a 500, and the server answers on", async (context) => {
    const page = await forensicPage(context);
    const action = await importProfiles(page, profileFile(2_000));
    const deep = `[{"csv":${"[".repeat(100_000)}${"]".repeat(100_000)}}]`;
    const response = await fetch(action.url(), { method: "POST", headers: await actionHeaders(page, action), body: deep });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(INTERNALS);
    const health = await fetch(server.current.url("/api/health"));
    expect(health.status).toBe(200);
  });
});
