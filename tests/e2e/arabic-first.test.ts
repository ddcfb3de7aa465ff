import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { getDocumentProxy, extractText } from "unpdf";
import { describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openSignedInPage } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** Issue 24 ("Arabic first, for real"), items 2, 5 and 8 as a registrar, an examiner and an administrator see them. */
const signedIn = (context: TestContext, username: string): Promise<Page> => openSignedInPage(context, browser.current, server.current, username, { timeoutMs: 30_000 });

async function openFamily(page: Page, reference: string): Promise<void> {
  await page.goto(server.current.url(`/ar/staff/families?q=${reference}`));
  await page.locator("main a", { hasText: reference }).first().click();
  await page.waitForURL(/\/ar\/staff\/families\/[0-9a-f-]{36}$/);
}

describe("Arabic first (issue 24)", () => {
  test("item 2: the audit viewer filters by a record type from the list and a case number, shows labels, words and linked records, and offers the export", async (context) => {
    const page = await signedIn(context, "admin");
    await page.goto(server.current.url("/ar/staff/audit"));
    await page.getByTestId("audit-entity").selectOption("missing_person");
    await page.locator('input[name="entityId"]').fill("TRH-MP-00018");
    await page.locator('[data-testid="audit-filters"] button[type="submit"]').click();
    await page.waitForURL(/entity=missing_person/);
    const rows = page.locator('[data-testid="audit-table"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // The record column names the person by case number and links to the record, not a UUID.
    const record = rows.first().locator("td").nth(4);
    await expect.poll(() => record.innerText()).toContain("TRH-MP-00018");
    expect(await record.locator("a[data-record-link]").getAttribute("href")).toMatch(/^\/ar\/staff\/persons\/[0-9a-f-]{36}$/);
    // Field labels in Arabic: no createdAt, caseNumber or status codes on the page's change lists.
    const changes = await page.getByTestId("audit-field-changes").allInnerTexts();
    expect(changes.join("\n")).not.toMatch(/\b(createdAt|caseNumber|givenName|missing_person)\b/);
    expect(changes.join("\n")).toContain(arabic.Audit.fields.caseNumber);
    await expect.poll(() => page.getByTestId("audit-export").locator("button").allInnerTexts()).toEqual([arabic.Audit.export.csv, arabic.Audit.export.xlsx]);
    const download = page.waitForEvent("download");
    await page.getByTestId("audit-export-csv").click();
    const csv = await (await download).createReadStream();
    let text = "";
    for await (const chunk of csv) text += String(chunk);
    expect(text).toContain("رقم القيد");
    expect(text).toContain("TRH-MP-00018");
    await keepScreenshot(page, context.task.name, "audit", { fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  });

  test("item 2: a site's history reads in words", async (context) => {
    const page = await signedIn(context, "forensic");
    await page.goto(server.current.url("/ar/staff/sites"));
    await page.locator('main a[href*="/staff/sites/"]').filter({ hasText: /TRH-GS/ }).first().click();
    const history = page.getByTestId("record-history");
    await history.waitFor();
    const text = await history.innerText();
    // The demo's sites were created by the seed: its entry is named, and its fields are labelled.
    expect(text).toContain(arabic.Audit.actions.demo.create);
    expect(text).toContain(arabic.Audit.fields.discoveredOn);
    expect(text).not.toMatch(/demo\.create|\bnameAr\b|\bdiscoveredOn\b|\bsurveyed\b|\bexhumed\b/);
  });

  test("item 2: a body's effect added in an edit is named in its history and in the audit viewer, and the entry's details are a table in words", async (context) => {
    // Words only: no JSON braces, no camelCase key (effects, waitingAddresses), no stored code.
    const inWords = (text: string) => {
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
      expect(text).not.toMatch(/\b(car_key|metal)\b/);
    };
    const description = "مفتاح سيارة للتجربة";
    const named = `${arabic.Audit.table.added}: ${description} (${arabic.Belongings.materials.metal})`;
    const examiner = await signedIn(context, "forensic");
    await examiner.goto(server.current.url("/ar/staff/remains"));
    await examiner.locator('main a[href*="/staff/remains/"]').filter({ hasText: /TRH-GS-\d+-B\d+/ }).first().click();
    await examiner.waitForURL(/\/ar\/staff\/remains\/[0-9a-f-]{36}$/);
    const recordPath = new URL(examiner.url()).pathname;
    const code = /TRH-GS-\d+-B\d+/.exec(await examiner.getByTestId("remains-heading").innerText())?.[0] ?? "";
    expect(code).not.toBe("");
    await examiner.getByTestId("edit-remains").click();
    await examiner.getByTestId("remains-form").waitFor();
    const index = await examiner.getByTestId("effect-row").count();
    await examiner.getByTestId("add-effect").click();
    await expect.poll(() => examiner.getByTestId("effect-row").count()).toBe(index + 1);
    await examiner.locator(`#effect-kind-${index}`).selectOption("car_key");
    await examiner.locator(`#effect-description-${index}`).fill(description);
    await examiner.locator(`#effect-material-${index}`).selectOption("metal");
    await examiner.getByTestId("remains-form").locator('button[type="submit"]').click();
    await examiner.waitForURL((url) => url.pathname === recordPath);

    // The body's history names the effect added, in words, and its details read as a table.
    const edit = examiner.getByTestId("record-history").locator("li", { hasText: arabic.Audit.actions.remains.update }).last();
    await expect.poll(() => edit.getByTestId("audit-field-changes").innerText()).toContain(named);
    inWords(await edit.getByTestId("audit-field-changes").innerText());
    await edit.getByTestId("audit-entry-details").locator("summary").first().click();
    const table = edit.getByTestId("audit-details-table");
    await expect.poll(() => table.innerText()).toContain(arabic.Audit.fields.effects);
    expect(await table.innerText()).toContain(`${description} (${arabic.Belongings.materials.metal})`);
    inWords(await table.innerText());
    // An examiner reads no stored JSON at all.
    expect(await edit.getByTestId("audit-technical-details").count()).toBe(0);
    await keepScreenshot(examiner, context.task.name, "history", { fullPage: true });

    // The administrator's audit viewer, filtered by the body's code, says the same.
    const admin = await signedIn(context, "admin");
    await admin.goto(server.current.url(`/ar/staff/audit?entity=remains&entityId=${code}&kind=change`));
    const row = admin.locator('[data-testid="audit-table"] tbody tr', { hasText: arabic.Audit.actions.remains.update }).first();
    await expect.poll(() => row.getByTestId("audit-field-changes").innerText()).toContain(named);
    await row.getByTestId("audit-entry-details").locator("summary").first().click();
    const viewerTable = row.getByTestId("audit-details-table");
    await expect.poll(() => viewerTable.innerText()).toContain(arabic.Audit.fields.effects);
    inWords(await row.getByTestId("audit-field-changes").innerText());
    inWords(await viewerTable.innerText());
    // The stored JSON is there for the administrator, one disclosure further, closed.
    const technical = row.getByTestId("audit-technical-details");
    expect(await technical.count()).toBe(1);
    expect(await technical.locator("pre").first().isVisible()).toBe(false);
    await keepScreenshot(admin, context.task.name, "audit", { fullPage: true });
    expect((await new AxeBuilder({ page: admin }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  });

  test("item 5: the receipt prints without the staff navigation or sign-out, with the letterhead, signatures and stamp", async (context) => {
    const page = await signedIn(context, "registrar");
    await openFamily(page, "TRH-F-0018");
    await page.getByTestId("receipt-link").first().click();
    await page.getByTestId("sample-receipt").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-staff-shell]").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: arabic.Auth.signOut }).isVisible()).toBe(false);
    expect(await page.getByTestId("print-receipt").isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId("letterhead").count()).toBe(2);
    await expect.poll(() => page.getByTestId("signature-lines").first().innerText()).toContain(arabic.Settings.print.stamp);
    await keepScreenshot(page, context.task.name, "receipt-print", { fullPage: true });
  });

  test("item 5: the access slip prints alone, with no blank page", async (context) => {
    const page = await signedIn(context, "registrar");
    await openFamily(page, "TRH-F-0018");
    await page.getByTestId("issue-access-code").click();
    // The family already has a code: replacing it is asked first.
    const confirm = page.locator("dialog[open] button").last();
    await confirm.waitFor();
    await confirm.click();
    await page.getByTestId("access-code-slip").waitFor();
    await page.emulateMedia({ media: "print" });
    await keepScreenshot(page, context.task.name, "slip-print", { fullPage: true });
    const pdf = await page.pdf({ format: "A4" });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    // Every printed page carries part of the slip: none is blank, and nothing else of the page prints.
    expect(text.length).toBeGreaterThan(0);
    expect(text.filter((pageText) => pageText.trim() === "")).toEqual([]);
    expect(text.join("\n")).not.toContain(arabic.Auth.signOut);
    // The PDF's Arabic comes back as shaped glyphs: the English slip's words are checked instead.
    expect(text.join("\n")).toContain(english.Settings.print.stamp);
  });

  test("item 8: dates are typed day/month/year in an Arabic page on an English browser, with a clear message; 'choose a file' in Arabic; the language switch keeps the query", async (context) => {
    const englishBrowser = await browser.current.newContext({ viewport: DESKTOP, locale: "en-US" });
    context.onTestFinished(() => englishBrowser.close());
    const page = await englishBrowser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(server.current.url("/ar/login"));
    await page.locator("#username").fill("forensic");
    await page.locator("#password").fill("demo-password");
    await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
    await page.goto(server.current.url("/ar/staff/remains/new"));
    await page.locator('main a[href*="/staff/remains/new?site="]').first().click();
    const date = page.locator("#recoveredOn");
    await date.waitFor();
    expect(await date.getAttribute("type")).toBe("text");
    expect(await date.getAttribute("placeholder")).toBe(arabic.Common.datePlaceholder);
    // The format is spoken with the field (its hint is in aria-describedby).
    const describedBy = (await date.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`#${describedBy.split(" ")[0]}`).innerText()).toBe(arabic.Common.dateHint);
    await expect.poll(() => date.isEnabled()).toBe(true);
    await date.fill("31/02/2024");
    // The body form checks on submit: a date that is not on the calendar is refused there, in Arabic.
    await page.locator('main form button[type="submit"]').first().click();
    await expect.poll(() => page.locator("#recoveredOn-error").innerText()).toBe(arabic.Forensic.dateFormat);
    expect(await date.getAttribute("aria-invalid")).toBe("true");
    await date.fill("21/03/2024");
    await expect.poll(() => page.locator("#recoveredOn-error").count()).toBe(0);
    await keepScreenshot(page, context.task.name, "date-field");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);

    await page.goto(server.current.url("/ar/staff/kinship"));
    await expect.poll(() => page.locator("[data-file-chooser]").first().innerText()).toContain(arabic.Common.chooseFile);
    expect(await page.locator("[data-file-chooser]").first().innerText()).toContain(arabic.Common.noFileChosen);

    await page.goto(server.current.url("/ar/staff/remains?sort=-code"));
    await page.getByTestId("language-switch").click();
    await page.waitForURL(/\/en\/staff\/remains\?sort=-code$/);
  });

  test("item 8: a body with an active identification says why no new one can be proposed, and where the active one is", async (context) => {
    const page = await signedIn(context, "forensic");
    await page.goto(server.current.url("/ar/staff/identifications"));
    await page.getByTestId("identification-status").first().waitFor();
    const active = await page.locator("main tr").evaluateAll((rows, proposed) => {
      const row = rows.find((candidate) => candidate.querySelector('[data-testid="identification-status"]')?.textContent?.trim() === proposed);
      return row?.querySelector('a[href*="/staff/identifications/"]')?.getAttribute("href") ?? null;
    }, arabic.Identifications.statuses.proposed);
    if (active === null) throw new Error("no proposed identification in the demo data");
    await page.goto(server.current.url(active));
    const remainsHref = await page.locator('main a[href*="/staff/remains/"]').first().getAttribute("href");
    if (!remainsHref) throw new Error("the identification links to no body");
    await page.goto(server.current.url(remainsHref));
    const held = page.getByTestId("propose-identification-held");
    await expect.poll(() => held.innerText()).toContain(arabic.Identifications.statuses.proposed);
    expect(await held.locator("a").getAttribute("href")).toBe(active);
    expect(await page.getByTestId("propose-identification-link").count()).toBe(0);
  });
});
