import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";
import { searchAsStaff } from "./support/staff-search";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** Where a saved report lands: its own page, with the confirmation. */
const REPORT_SAVED_ADDRESS = /\/ar\/staff\/reports\/[0-9a-f-]{36}\?saved=1$/;

const registrarPage = (context: TestContext): Promise<Page> => openSignedInPage(context, browser.current, server.current);

/** The edit form fills its fields once it has hydrated; typing before that would be lost. */
async function openPersonEditForm(page: Page, editPath: string): Promise<void> {
  await page.goto(server.current.url(editPath));
  await expect.poll(() => page.locator("#givenName").inputValue()).not.toBe("");
}

/** A family name no demo person has, so the person registered with a report has no likely duplicate. */
function unusedFamilyName(): string {
  const letters = "بتثجحخدذرزسشصضطظ";
  return `ال${[...String(Date.now()).slice(-6)].map((digit) => letters[Number(digit)]).join("")}`;
}

async function registerReportWithNewPerson(page: Page, person: { givenName: string; familyName: string }): Promise<void> {
  await page.goto(server.current.url("/ar/staff/reports/new"));
  await page.locator("#reportNumber").fill(`E2E-NEW-${Date.now()}`);
  await page.locator("#reporterName").fill(`خالد ${person.familyName}`);
  await page.getByTestId("new-person-section").locator("summary").click();
  await page.locator("#new-person-givenName").fill(person.givenName);
  await page.locator("#new-person-fatherName").fill("عبد السلام");
  await page.locator("#new-person-familyName").fill(person.familyName);
  await page.locator("#new-person-birthYear").fill("1990");
}

describe("correcting people records", () => {
  test("a registrar edits a person's last-seen place and sees it saved; a stale save in a second tab shows the conflict", async (context) => {
    const page = await registrarPage(context);
    await searchAsStaff(page, server.current, "TRH-MP-00012");
    await page.getByTestId("search-result").first().locator("a").first().click();
    await page.getByTestId("edit-person").click();
    await page.waitForURL((url) => url.pathname.endsWith("/edit"));
    const editPath = new URL(page.url()).pathname;
    const secondTab = await page.context().newPage();
    await openPersonEditForm(secondTab, editPath);
    await openPersonEditForm(page, editPath);

    const place = `سوق الخميس ${Date.now() % 1000}`;
    await page.locator("#lastSeenPlace").fill(place);
    await page.getByTestId("edit-missing-person-form").locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));
    await page.getByText(place).waitFor();

    await secondTab.locator("#lastSeenPlace").fill("مكان آخر");
    await secondTab.getByTestId("edit-missing-person-form").locator('button[type="submit"]').click();
    const conflict = secondTab.getByTestId("conflict-notice");
    await conflict.waitFor();
    await expect.poll(() => conflict.innerText()).toContain(place);
    await expect.poll(() => secondTab.getByRole("alert").first().innerText()).toBe(arabic.Actions.conflict);
  });

  test("the sample page shows its lab status and the receipt prints with the family reference", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/families"));
    const familyLinks = await page.getByTestId("family-rows").locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    let familyReference = "";
    for (const href of familyLinks.slice(0, 10)) {
      await page.goto(server.current.url(href));
      if ((await page.getByTestId("sample-link").count()) === 0) continue;
      familyReference = await page.getByTestId("family-reference").innerText();
      break;
    }
    expect(familyReference).toMatch(/^TRH-F-\d{4}$/);
    await page.getByTestId("sample-link").first().click();
    await page.getByTestId("sample-barcode").waitFor();
    expect(Object.values(arabic.People.labStatuses)).toContain(await page.getByTestId("lab-status").innerText());
    await page.addInitScript(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.getByTestId("receipt-link").click();
    await page.getByTestId("sample-receipt").waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId("receipt-family-reference").first().innerText()).toBe(familyReference);
    await page.getByTestId("print-receipt").click();
    await expect.poll(() => page.locator("body").getAttribute("data-printed")).toBe("yes");
  });

  test("a registrar registers a report with a person created on the spot; a second report links to that person instead of a duplicate", async (context) => {
    const page = await registrarPage(context);
    const person = { givenName: "زكرياء", familyName: unusedFamilyName() };
    await registerReportWithNewPerson(page, person);
    await page.getByTestId("add-new-person").click();
    await page.getByTestId("new-persons").getByText(person.givenName).waitFor();
    await page.locator('[data-testid="police-report-form"] button[type="submit"]').click();
    await page.waitForURL(REPORT_SAVED_ADDRESS);

    await searchAsStaff(page, server.current, `${person.givenName} ${person.familyName}`);
    const found = page.getByTestId("search-result").first();
    await found.waitFor();
    await expect.poll(() => found.innerText()).toContain(person.familyName);
    const caseNumber = (await found.innerText()).match(/TRH-MP-\d{5}/)?.[0] ?? "";
    expect(caseNumber).not.toBe("");

    // The same person, spelt another way, in a second report: the form offers the record on file.
    await registerReportWithNewPerson(page, { givenName: "زكريا", familyName: person.familyName });
    await page.getByTestId("add-new-person").click();
    await page.getByTestId("duplicate-candidates").waitFor();
    // Each candidate says which parts agree and what tells namesakes apart, and the advice fits a report.
    const candidate = page.getByTestId("duplicate-candidate").filter({ hasText: caseNumber });
    await expect.poll(() => candidate.getByTestId("duplicate-parts").innerText()).toContain(`${arabic.People.matchedParts.family} ${arabic.People.matchQuality.exact}`);
    await expect.poll(() => candidate.getByTestId("duplicate-details").innerText()).toContain(arabic.People.duplicateNoFamily);
    await expect.poll(() => page.getByTestId("duplicate-candidates").innerText()).toContain(arabic.People.duplicatesIntroReport);
    await page.getByTestId("link-existing").first().click();
    await expect.poll(() => page.getByTestId("chosen-persons").innerText()).toContain(caseNumber);
    await expect.poll(() => page.getByTestId("new-persons").count()).toBe(0);
    await keepScreenshot(page, context.task.name, "linked", { fullPage: true });
    await page.locator('[data-testid="police-report-form"] button[type="submit"]').click();
    await page.waitForURL(REPORT_SAVED_ADDRESS);
    await expect.poll(() => page.getByTestId("report-persons").innerText()).toContain(caseNumber);
  });

  test("a registrar opens a report from the list, corrects its narrative and the people it names, then voids it", async (context) => {
    const page = await registrarPage(context);
    const reportNumber = `E2E-FIX-${Date.now()}`;
    await page.goto(server.current.url("/ar/staff/reports/new"));
    await page.locator("#reportNumber").fill(reportNumber);
    await page.locator("#reporterName").fill("سالم إبراهيم");
    for (const caseNumber of ["TRH-MP-00021", "TRH-MP-00022"]) {
      await page.locator("#person-search").fill(caseNumber);
      await page.getByTestId("person-search-results").getByRole("button", { name: new RegExp(caseNumber) }).first().click();
    }
    await expect.poll(() => page.getByTestId("chosen-persons").locator("li").count()).toBe(2);
    await page.locator('[data-testid="police-report-form"] button[type="submit"]').click();
    // Saved: the new report itself, with a confirmation and both case numbers.
    await page.waitForURL(REPORT_SAVED_ADDRESS);
    await page.getByTestId("saved-notice").waitFor();
    await expect.poll(() => page.getByTestId("report-persons").innerText()).toMatch(/TRH-MP-00021[\s\S]*TRH-MP-00022/);

    await page.goto(server.current.url(`/ar/staff/reports?q=${reportNumber}`));
    await page.getByTestId("report-rows").getByRole("link", { name: reportNumber }).click();
    await page.getByTestId("edit-report").click();
    await expect.poll(() => page.locator("#reportNumber").inputValue()).toBe(reportNumber);
    await page.locator("#narrative").fill("اقتيد من بيته فجراً");
    await page.getByTestId("chosen-persons").locator("li", { hasText: "TRH-MP-00022" }).getByRole("button").click();
    await page.getByTestId("edit-report-form").locator('button[type="submit"]').click();
    await page.waitForURL(REPORT_SAVED_ADDRESS);
    await expect.poll(() => page.getByTestId("report-narrative").innerText()).toBe("اقتيد من بيته فجراً");
    await expect.poll(() => page.getByTestId("report-persons").innerText()).not.toContain("TRH-MP-00022");
    // The history names the action in words (issue 24, item 2), not by its code.
    await expect.poll(() => page.getByTestId("record-history").innerText()).toContain(arabic.Audit.actions.policeReport.update);

    await page.getByTestId("edit-report").click();
    await page.locator("#reason").fill("بلاغ مكرر أُدخل مرتين");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("void-record-form").locator('button[type="submit"]').click();
    await page.getByTestId("voided-notice").waitFor();
    await page.goto(server.current.url(new URL(page.url()).pathname.replace(/\/edit$/, "")));
    await page.getByTestId("voided-notice").waitFor();
    await expect.poll(() => page.getByTestId("edit-report").count()).toBe(0);
    await keepScreenshot(page, context.task.name, "voided", { fullPage: true });
  });

  test("a registrar's void of a missing person waits until a second staff member approves it on the approvals page", async (context) => {
    const reason = "سُجّل مرتين بالخطأ في مكتب البلدية";
    const registrar = await registrarPage(context);
    await registrar.goto(server.current.url("/ar/staff/persons/by-case/TRH-MP-00090"));
    await registrar.waitForURL((url) => /\/ar\/staff\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
    const personPath = new URL(registrar.url()).pathname;
    await registrar.goto(server.current.url(`${personPath}/edit`));
    await registrar.locator("#reason").fill(reason);
    registrar.once("dialog", (dialog) => void dialog.accept());
    await registrar.getByTestId("void-record-form").locator('button[type="submit"]').click();
    await expect.poll(() => registrar.getByTestId("void-record-form").innerText()).toContain(arabic.Actions.awaitingApproval);
    await registrar.goto(server.current.url(personPath));
    await registrar.getByTestId("edit-person").waitFor();

    // The requester sees the request but cannot decide it.
    await registrar.goto(server.current.url("/ar/staff/approvals"));
    const own = registrar.getByTestId("pending-approval").filter({ hasText: reason });
    await expect.poll(() => own.innerText()).toContain(arabic.Approvals.yourRequest);
    expect(await own.getByTestId("approve-request").count()).toBe(0);

    const admin = await openSignedInPage(context, browser.current, server.current, "admin");
    await admin.goto(server.current.url("/ar/staff/approvals"));
    const request = admin.getByTestId("pending-approval").filter({ hasText: reason });
    await expect.poll(() => request.innerText()).toContain(arabic.Approvals.actions.persons.void);
    admin.once("dialog", (dialog) => void dialog.accept());
    await request.getByTestId("approve-request").click();
    await expect.poll(() => admin.getByTestId("pending-approval").filter({ hasText: reason }).count()).toBe(0);
    await expect.poll(() => admin.getByTestId("decided-approval").first().innerText()).toContain(arabic.Approvals.status.approved);
    await keepScreenshot(admin, context.task.name, "approved", { fullPage: true });
    await admin.goto(server.current.url(personPath));
    await admin.getByTestId("person-name").waitFor();
    expect(await admin.getByTestId("edit-person").count()).toBe(0);
  });

  test("the families list pages forward and back, keeping its filter in the address", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/families"));
    const references = () => page.getByTestId("family-rows").locator("a").allInnerTexts();
    const firstRows = await references();
    await page.getByTestId("next-page").click();
    await page.waitForURL((url) => url.searchParams.has("after"));
    // The address changes as the navigation starts; the rows follow once the new page has rendered.
    await expect.poll(references).not.toEqual(firstRows);
    await page.getByTestId("previous-page").click();
    await page.waitForURL((url) => url.searchParams.has("before"));
    await expect.poll(references).toEqual(firstRows);

    await page.getByTestId("list-filter").locator('input[name="q"]').fill("TRH-F-00");
    await page.getByTestId("list-filter").locator('button[type="submit"]').click();
    // The filter text travels sealed (`s`), never as itself: it may be a contact's name.
    await page.waitForURL((url) => url.pathname === "/ar/staff/families" && url.searchParams.has("s"));
    expect(page.url()).not.toContain("TRH-F-00");
    await expect.poll(() => page.getByTestId("families-count").innerText()).toContain("99");
    await expect.poll(() => page.getByTestId("list-filter").locator('input[name="q"]').inputValue()).toBe("TRH-F-00");
    const sealed = new URL(page.url()).searchParams.get("s");
    await page.getByTestId("next-page").click();
    await page.waitForURL((url) => url.searchParams.has("after") && url.searchParams.get("s") === sealed);
    await expect.poll(() => page.getByTestId("family-rows").locator("a").count()).toBe(49);
    await expect.poll(async () => (await references()).every((reference) => reference.startsWith("TRH-F-00"))).toBe(true);
  });

  test("a police-report filter by a reporter's name keeps the name out of the address, and opens for no one else", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/reports"));
    const reporter = (await page.getByTestId("report-rows").locator("tr").first().locator("td").nth(3).innerText()).trim();
    const filter = page.getByTestId("list-filter");
    await filter.locator('input[name="q"]').fill(reporter);
    await filter.locator('select[name="category"]').selectOption("disappearance");
    await filter.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === "/ar/staff/reports" && url.searchParams.has("s") && url.searchParams.get("category") === "disappearance");
    expect(decodeURIComponent(page.url())).not.toContain(reporter);
    await expect.poll(() => filter.locator('input[name="q"]').inputValue()).toBe(reporter);
    // The same address in another staff member's browser: the filter does not open for them.
    const other = await openSignedInPage(context, browser.current, server.current, "viewer");
    await other.goto(page.url());
    await other.getByTestId("list-filter-expired").waitFor();
    await expect.poll(() => other.getByTestId("list-filter").locator('input[name="q"]').inputValue()).toBe("");
  });
});
