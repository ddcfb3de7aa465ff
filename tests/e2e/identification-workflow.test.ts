import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage } from "./support/open-page";
import { getPublicSummary } from "./support/public-api";
import { digitsOf } from "./support/public-page";

const server = appServerForThisFile();
const browser = browserForThisFile();
const PASSWORD = "demo-password";
const texts = arabic.Identifications;
const aftercare = arabic.Aftercare;
// An unidentified demo body and a missing man whose age and sex fit it (male, 21–37; born 1988, last seen 2019).
const BODY_CODE = "TRH-GS-01-B002";
const CASE_NUMBER = "TRH-MP-00001";
const IDENTIFICATION_ADDRESS = /\/ar\/staff\/identifications\/[0-9a-f-]{36}$/;

async function signedInPage(context: TestContext, username: string): Promise<Page> {
  const page = await openAppPage(context, browser.current, server.current, "/ar/login", DESKTOP);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/ar/staff");
  return page;
}

async function identifiedOnPublicPage(context: TestContext): Promise<string> {
  const page = await openAppPage(context, browser.current, server.current, "/ar", DESKTOP);
  return digitsOf(await page.getByTestId("figure-identified").getByTestId("figure-value").innerText());
}

/** Clicks until the dialog opens: a click before the form has hydrated only reloads the page. */
async function openDialogWith(page: Page, button: Locator): Promise<Locator> {
  const dialog = page.locator("dialog[open]");
  await expect.poll(async () => {
    if ((await dialog.count()) === 0) await button.click();
    return dialog.count();
  }).toBe(1);
  return dialog;
}

async function choosePerson(page: Page): Promise<void> {
  const search = page.locator("#person-search");
  const firstResult = page.getByTestId("person-search-results").getByRole("button").first();
  // Typing before the form has hydrated finds nothing: type again until the search answers.
  await expect.poll(async () => {
    await search.fill("");
    await search.fill(CASE_NUMBER);
    await firstResult.waitFor({ state: "visible", timeout: 3_000 }).catch(() => undefined);
    return firstResult.count();
  }).toBeGreaterThan(0);
  await firstResult.click();
  await expect.poll(() => page.getByTestId("chosen-person").innerText()).toContain(CASE_NUMBER);
}

async function proposeAsExaminerA(context: TestContext): Promise<string> {
  const page = await signedInPage(context, "forensic");
  await page.goto(server.current.url("/ar/staff/identifications/new"));
  await choosePerson(page);
  const form = page.getByTestId("propose-identification-form");
  await form.locator("#remainsCode").fill(BODY_CODE);
  await form.locator('input[type="checkbox"][value="dna"]').check();
  // Typed with the decimal comma of the Arabic page: read as 2.4 × 10⁹ and shown back before saving.
  await form.locator("#likelihoodRatio").fill("2,4e9");
  await expect.poll(() => form.getByTestId("likelihood-ratio-read-back").innerText()).toContain("2.4 × 10⁹");
  await form.locator("#evidenceSummary").fill("تطابق الحمض النووي لعينة الرفات مع العينة المرجعية للأم.");
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(IDENTIFICATION_ADDRESS);
  await expect.poll(() => page.getByTestId("identification-status").innerText()).toBe(texts.statuses.proposed);
  await expect.poll(() => page.getByTestId("likelihood-ratio").innerText()).toBe("2.4 × 10⁹");
  // The proposer is told another examiner must confirm, and is offered no confirmation at all.
  await page.getByTestId("own-proposal-note").waitFor({ state: "visible" });
  await expect.poll(() => page.getByTestId("confirm-identification-form").count()).toBe(0);
  return new URL(page.url()).pathname;
}

async function confirmAsExaminerB(context: TestContext, address: string): Promise<void> {
  const page = await signedInPage(context, "forensic2");
  // The proposal waits in examiner B's queue on the dashboard, with a link to it.
  const queue = page.getByTestId("queue-awaitingConfirmation");
  await queue.getByRole("link", { name: new RegExp(BODY_CODE) }).click();
  await page.waitForURL((url) => url.pathname === address);
  const dialog = await openDialogWith(page, page.getByTestId("confirm-identification-form").getByRole("button", { name: texts.confirm }));
  await dialog.getByRole("button", { name: texts.confirm }).click();
  await expect.poll(() => page.getByTestId("identification-status").innerText()).toBe(texts.statuses.confirmed);
}

async function notifyAsRegistrar(context: TestContext, address: string): Promise<void> {
  const page = await signedInPage(context, "registrar");
  await page.goto(server.current.url(address));
  const form = page.getByTestId("notification-form");
  await expect.poll(() => page.getByTestId("confirm-identification-form").count()).toBe(0);
  const dialog = await openDialogWith(page, form.getByRole("button", { name: texts.recordNotification }));
  await dialog.getByRole("button", { name: texts.recordNotification }).click();
  await expect.poll(() => page.getByTestId("identification-status").innerText()).toBe(texts.statuses.family_notified);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  // The body's page now calls it identified, with the identification in its history.
  await page.getByRole("link", { name: BODY_CODE }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/ar/staff/remains/"));
  await expect.poll(() => page.getByTestId("body-status").innerText()).toContain(arabic.Identifications.bodyStatuses.identified);
  await expect.poll(() => page.getByTestId("record-identification-table").innerText()).toContain(texts.statuses.family_notified);
}

describe("the identification workflow in the browser", () => {
  test("examiner A proposes, examiner B confirms, the registrar records the notification, and the public count goes from 6 to 7", async (context) => {
    expect((await getPublicSummary(server.current)).identified).toBe(6);
    expect(await identifiedOnPublicPage(context)).toBe("6");

    const address = await proposeAsExaminerA(context);
    expect((await getPublicSummary(server.current)).identified).toBe(6);

    // Confirmed is not yet public: the family must hear it in person first.
    await confirmAsExaminerB(context, address);
    expect((await getPublicSummary(server.current)).identified).toBe(6);
    expect(await identifiedOnPublicPage(context)).toBe("6");

    await notifyAsRegistrar(context, address);
    expect((await getPublicSummary(server.current)).identified).toBe(7);
    expect(await identifiedOnPublicPage(context)).toBe("7");
  });

  test("the registrar records the meeting with the family and opens its summary for them in Arabic and English", async (context) => {
    const page = await signedInPage(context, "registrar");
    await page.goto(server.current.url("/ar/staff/identifications?status=family_notified"));
    await page.locator("table tbody tr a").first().click();
    await page.waitForURL((url) => IDENTIFICATION_ADDRESS.test(url.pathname));
    await page.getByText(texts.meetingAdd).click();
    const form = page.getByTestId("meeting-form");
    await page.locator("#place").fill("مكتب البلدية في ترهونة");
    await page.locator("#familyPresent").fill("الأم والأخ الأكبر");
    await page.locator("#explanation").fill("تطابق الحمض النووي مع عينة الأم");
    // Support accepted but never offered is refused in the browser, next to the box.
    await form.locator('input[name="supportAccepted"]').check();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.getByRole("alert").allInnerTexts()).toContain(texts.supportAcceptedNotOffered);
    await form.locator('input[name="supportOffered"]').check();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("meetings").innerText()).toContain("مكتب البلدية في ترهونة");
    await page.getByTestId("meeting-summary-link").first().click();
    await page.getByTestId("meeting-summary-ar").waitFor();
    await expect.poll(() => page.getByTestId("meeting-summary-ar").innerText()).toContain("تطابق الحمض النووي مع عينة الأم");
    await expect.poll(() => page.getByTestId("meeting-summary-en").innerText()).toContain("Family members present");
    expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations.map((violation) => violation.id))).toEqual([]);
  });

  test("the registrar hands the remains over, issues a letter whose code the lookup finds, and adds a follow-up the dashboard lists", async (context) => {
    const page = await signedInPage(context, "registrar");
    // Irreversible steps ask first; the registrar agrees.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(server.current.url("/ar/staff/identifications?status=family_notified"));
    await page.locator("table tbody tr a").first().click();
    await page.waitForURL((url) => IDENTIFICATION_ADDRESS.test(url.pathname));
    const address = new URL(page.url()).pathname;

    await page.getByTestId("handover-section").getByText(aftercare.handoverAdd).click();
    const handover = page.getByTestId("handover-form");
    await page.locator("#handoverPlace").fill("مشرحة ترهونة");
    await page.locator("#receivedBy").fill("سالم");
    await page.locator("#receivedByRelationship").fill("أخ");
    await handover.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("handover-record").innerText()).toContain("سالم");
    expect(await page.getByTestId("handover-form-link").getAttribute("href")).toMatch(/\/api\/staff\/handovers\/[0-9a-f-]{36}\/form$/);

    const letter = page.getByTestId("issue-document-form");
    await page.locator("#documentKind").selectOption("death_certificate_request");
    await page.locator("#documentAddressee").fill("مكتب السجل المدني");
    await letter.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("documents").innerText()).toContain(aftercare.kinds.death_certificate_request);
    const code = await page.getByTestId("document-code").first().innerText();
    const pdf = await page.request.get(server.current.url((await page.getByTestId("document-pdf-link").first().getAttribute("href")) ?? ""));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await page.locator("#followUpDescription").fill("إرسال تصريح الدفن إلى العائلة");
    await page.getByTestId("follow-up-form").locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("follow-ups").innerText()).toContain("إرسال تصريح الدفن إلى العائلة");
    expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations.map((violation) => violation.id))).toEqual([]);

    await page.goto(server.current.url(`/ar/staff/identifications/verify?code=${encodeURIComponent(code.toLowerCase())}`));
    await expect.poll(() => page.getByTestId("verify-found").innerText()).toContain(aftercare.kinds.death_certificate_request);
    await page.goto(server.current.url("/ar/staff"));
    await expect.poll(() => page.getByTestId("queue-followUps").innerText()).toContain("إرسال تصريح الدفن إلى العائلة");
    expect(address).toMatch(IDENTIFICATION_ADDRESS);
  });
});

