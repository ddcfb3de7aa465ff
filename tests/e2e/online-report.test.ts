import type { Browser, Page } from "playwright-core";
import type { TestContext } from "vitest";
import { describe, expect, test } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { FASTEST_FILL_SECONDS } from "@/lib/online-reports/form-token";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage, PHONE } from "./support/open-page";
import { screenshotPath } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();
const words = arabic.OnlineReport;

/** A phone page with scripts on or off, closed when the test ends (photographed if it failed). */
async function phonePage(context: TestContext, current: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const browserContext = await current.newContext({ viewport: PHONE, javaScriptEnabled });
  browserContext.setDefaultTimeout(20_000);
  const page = await browserContext.newPage();
  context.onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") await page.screenshot({ path: screenshotPath(task.name, "failure"), fullPage: true });
    await browserContext.close();
  });
  return page;
}

/**
 * Waits until the form is old enough to be taken: FASTEST_FILL_SECONDS after it was drawn, which the
 * server did before `shownAt` (the page had loaded). The typing done since counts towards the wait.
 */
async function untilOldEnoughToSend(page: Page, shownAt: number): Promise<void> {
  await page.waitForTimeout(Math.max(0, shownAt + FASTEST_FILL_SECONDS * 1000 - Date.now()));
}

const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** What one family types; the family name is unique to the run, so a leak of it can be searched for. */
function aReport(tag: string) {
  return {
    reporterName: `خديجة ${tag} المبلغة`,
    reporterRelationship: "الأخت",
    reporterPhone: `+44 7700 ${String(900000 + Math.floor(Math.random() * 99999))}`,
    reporterResidence: "مانشستر، المملكة المتحدة",
    givenName: "مصطفى",
    fatherName: "عمر",
    familyName: `السرتاوي${tag}`,
    birthYear: "1991",
    lastSeenPlace: "ترهونة",
  };
}

async function fill(page: Page, report: ReturnType<typeof aReport>): Promise<void> {
  for (const [name, value] of Object.entries(report)) await page.locator(`#report-${name}`).fill(value);
  await page.locator("#report-sex").selectOption("male");
}

/** The status check on the report page, in Arabic: the reference from the receipt and the phone given. */
async function checkStatus(page: Page, reference: string, phone: string): Promise<void> {
  await page.goto(server.current.url("/ar/report"));
  await page.locator("#status-reference").fill(reference);
  await page.locator("#status-phone").fill(phone);
  await page.getByTestId("status-submit").click();
  await page.getByTestId("status-answer").waitFor();
}

describe("a relative reports a missing person online (issue 26)", () => {
  test("without JavaScript, on a 360 px phone, in Arabic: an error in Arabic, then the receipt; a registrar then accepts it as a new family", async (context) => {
    const tag = String(Date.now()).slice(-6);
    const report = aReport(tag);
    const page = await phonePage(context, browser.current, false);
    await page.goto(server.current.url("/ar"));
    await page.getByTestId("report-link").click();
    await page.waitForURL((url) => url.pathname === "/ar/report");
    const shownAt = Date.now();
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await expect.poll(() => fitsTheScreen(page)).toBe(true);
    await fill(page, report);
    await untilOldEnoughToSend(page, shownAt);
    // Consent (a) left unticked: the page comes back from the server with the reason, in Arabic, and keeps what was typed.
    await page.getByTestId("report-submit").click();
    await page.getByTestId("error-consentSearch").waitFor();
    await expect.poll(() => page.getByTestId("error-consentSearch").innerText()).toBe(words.consentSearchRequired);
    await expect.poll(() => page.locator("#report-familyName").inputValue()).toBe(report.familyName);
    await page.getByTestId("consent-search").check();
    await page.getByTestId("consent-partners").check();
    await page.getByTestId("report-submit").click();
    await page.getByTestId("report-receipt").waitFor();
    const reference = (await page.getByTestId("report-reference").innerText()).trim();
    expect(reference).toMatch(/^TRH-R-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect.poll(() => page.getByTestId("report-receipt").innerText()).toContain(words.receivedAccessCode);
    await expect.poll(() => fitsTheScreen(page)).toBe(true);

    // No public answer carries what the family typed.
    for (const path of ["/ar", "/en", "/ar/report", "/en/report", "/api/public/summary", "/api/public/sites.geojson", "/api/public/sites.csv"]) {
      const body = await (await fetch(server.current.url(path))).text();
      for (const value of [report.reporterName, report.familyName, report.reporterPhone, reference]) expect(body, `${path} shows ${value}`).not.toContain(value);
    }

    const staff = await openSignedInPage(context, browser.current, server.current, "registrar");
    await staff.goto(server.current.url("/ar/staff/online-reports"));
    await staff.getByRole("link", { name: reference }).click();
    await staff.getByTestId("online-report").waitFor();
    await expect.poll(() => staff.getByTestId("online-report").innerText()).toContain(report.reporterName);
    await expect.poll(() => staff.getByTestId("consent-partners").innerText()).toContain("OR-CONSENT-2026-1");
    await staff.getByTestId("accept-mode-newFamily").check();
    await staff.getByTestId("accept-report").click();
    await staff.getByTestId("accepted-person").waitFor();
    await staff.getByTestId("accepted-person").click();
    await staff.getByTestId("person-name").waitFor();
    await expect.poll(() => staff.getByTestId("person-name").innerText()).toContain(report.familyName);
    await expect.poll(() => staff.getByTestId("person-consents").innerText()).toContain("OR-CONSENT-2026-1");

    // The reporter, still without JavaScript, learns on the report page that it was accepted: sent
    // to the office, with no family reference, code or personal data on the page.
    await checkStatus(page, reference, report.reporterPhone);
    await expect.poll(() => page.getByTestId("status-answer").getAttribute("data-answer")).toBe("accepted");
    await expect.poll(() => page.getByTestId("status-answer").innerText()).toContain(words.statusCheck.answers.accepted);
    // The answer carries the office's contact card inside its own box: it still fits the phone.
    await page.getByTestId("status-office-contact").waitFor();
    await expect.poll(() => fitsTheScreen(page)).toBe(true);
    // What the page shows (its catalogue of messages names the family reference's format, TRH-F-0000).
    const answered = await page.locator("body").innerText();
    for (const value of [report.reporterName, report.familyName, report.reporterPhone]) expect(answered, `the status answer shows ${value}`).not.toContain(value);
    expect(answered).not.toMatch(/TRH-F-\d/);
    // The wrong phone gets the same answer as a reference that does not exist.
    await checkStatus(page, reference, "+44 7700 000000");
    await expect.poll(() => page.getByTestId("status-answer").getAttribute("data-answer")).toBe("unknown");
  });

  test("with JavaScript, in English: the receipt appears in place", async (context) => {
    const page = await phonePage(context, browser.current, true);
    await page.goto(server.current.url("/en/report"));
    const shownAt = Date.now();
    await fill(page, aReport(`${String(Date.now()).slice(-5)}9`));
    await page.getByTestId("consent-search").check();
    await untilOldEnoughToSend(page, shownAt);
    await page.getByTestId("report-submit").click();
    await page.getByTestId("report-receipt").waitFor();
    await expect.poll(() => page.getByTestId("report-reference").innerText()).toMatch(/^TRH-R-/);
    expect(new URL(page.url()).pathname).toBe("/en/report");
  });
});
