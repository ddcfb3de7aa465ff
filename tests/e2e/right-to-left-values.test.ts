import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import arabic from "@/lib/i18n/messages/ar";
import { bidiProblems, type BidiProblem } from "./support/bidi";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { DESKTOP, openAppPage, openSignedInPage } from "./support/open-page";
import { searchAsStaff } from "./support/staff-search";

const server = sharedAppServerForReaders();
const browser = browserForThisFile();
const [SEVEN_MISSING] = DEMO_FAMILY_ACCESS;
const RECORD_ADDRESS = "[0-9a-f-]{36}";

/** Waits for the page itself: the staff area shows a loading line (no heading) while it streams. */
async function pageShown(page: Page): Promise<void> {
  await page.locator("main :is(h1, h2)").first().waitFor();
}

/** The problems of the page now shown, each tagged with its address so the report says where. */
async function problemsOn(page: Page): Promise<Array<BidiProblem & { page: string }>> {
  await pageShown(page);
  const pathname = new URL(page.url()).pathname.replace(new RegExp(RECORD_ADDRESS, "g"), ":id");
  return (await bidiProblems(page)).map((problem) => ({ page: pathname, ...problem }));
}

/** Follows the first link in the main content whose address is `prefix` + a record's id. */
async function openFirstRecord(page: Page, prefix: string): Promise<void> {
  await pageShown(page);
  const link = page.locator(`main a[href^="/ar${prefix}"]`);
  const hrefs = await link.evaluateAll((links) => links.map((element) => element.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => new RegExp(`^/ar${prefix}${RECORD_ADDRESS}$`).test(candidate));
  if (href === undefined) throw new Error(`no link to ${prefix}… on ${page.url()} among ${hrefs.join(" ")}`);
  await page.goto(server.current.url(href));
}

/** One line per distinct problem, so that a failure reads as a list of places to fix. */
function summary(problems: Array<BidiProblem & { page: string }>): string[] {
  return [...new Set(problems.map((problem) => `${problem.page} ${problem.kind} "${problem.text}": ${problem.problem} (${problem.context})`))];
}

async function visit(page: Page, pathname: string): Promise<Array<BidiProblem & { page: string }>> {
  await page.goto(server.current.url(pathname));
  return problemsOn(page);
}

async function signedIn(context: TestContext, username: string): Promise<Page> {
  return openSignedInPage(context, browser.current, server.current, username, { viewport: DESKTOP });
}

/** The first demo family's portal, signed in with its reference and access code. */
async function signedInFamily(context: TestContext): Promise<Page> {
  if (!SEVEN_MISSING) throw new Error("no demo family");
  const page = await openAppPage(context, browser.current, server.current, "/ar/family", DESKTOP);
  const form = page.getByTestId("family-sign-in-form");
  await form.getByLabel(arabic.FamilyPortal.referenceLabel).fill(SEVEN_MISSING.reference);
  await form.getByLabel(arabic.FamilyPortal.codeLabel).fill(SEVEN_MISSING.code);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("family-heading").waitFor();
  return page;
}

describe("codes, dates, addresses, phones and likelihood ratios on Arabic pages", () => {
  test("the administrator's pages isolate every value left to right and never break a code", async (context) => {
    const page = await signedIn(context, "admin");
    const problems = [];
    problems.push(...(await visit(page, "/ar/staff/families")));
    await page.goto(server.current.url(`/ar/staff/families?q=${SEVEN_MISSING?.reference ?? "TRH-F-0018"}`));
    await openFirstRecord(page, "/staff/families/");
    problems.push(...(await problemsOn(page)));
    const familyPage = page.url();
    await openFirstRecord(page, "/staff/persons/");
    problems.push(...(await problemsOn(page)));
    await page.goto(familyPage);
    await openFirstRecord(page, "/staff/samples/");
    problems.push(...(await problemsOn(page)));
    await page.goto(`${page.url()}/receipt`);
    problems.push(...(await problemsOn(page)));
    problems.push(...(await visit(page, "/ar/staff/remains")));
    await openFirstRecord(page, "/staff/remains/");
    problems.push(...(await problemsOn(page)));
    problems.push(...(await visit(page, "/ar/staff/reports")));
    await openFirstRecord(page, "/staff/reports/");
    problems.push(...(await problemsOn(page)));
    problems.push(...(await visit(page, "/ar/staff/identifications")));
    await openFirstRecord(page, "/staff/identifications/");
    problems.push(...(await problemsOn(page)));
    problems.push(...(await visit(page, "/ar/staff/audit")));
    for (const pathname of ["/ar/staff", "/ar/staff/sites", "/ar/staff/persons/duplicates", "/ar/staff/users"]) {
      problems.push(...(await visit(page, pathname)));
    }
    await searchAsStaff(page, server.current, "TRH-MP-00018");
    problems.push(...(await problemsOn(page)));
    await page.goto(server.current.url("/ar/staff/sites"));
    await openFirstRecord(page, "/staff/sites/");
    problems.push(...(await problemsOn(page)));
    expect(summary(problems)).toEqual([]);
  });

  test("the audit viewer finds a person's entries by case number and names actions and record types in Arabic", async (context) => {
    const page = await signedIn(context, "admin");
    // Searching reads the person's record, which the audit log names by its id.
    await searchAsStaff(page, server.current, "TRH-MP-00018");
    await page.goto(server.current.url("/ar/staff/audit?entityId=TRH-MP-00018"));
    const rows = page.locator('[data-testid="audit-table"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(() => rows.first().locator("td").nth(2).innerText()).toContain(`${arabic.Audit.table.readOf.replace("{entity}", arabic.Audit.entities.missing_person)}`);
    await expect.poll(() => page.getByTestId("audit-entity").locator("option").allInnerTexts()).toContain(arabic.Audit.entities.missing_person);
  });

  test("a second examiner's kinship leads and confirmation dialog isolate every value", async (context) => {
    const page = await signedIn(context, "forensic2");
    const problems = [];
    for (const pathname of ["/ar/staff/kinship/leads", "/ar/staff/kinship", "/ar/staff/kinship/frequencies", "/ar/staff"]) {
      problems.push(...(await visit(page, pathname)));
    }
    await page.goto(server.current.url("/ar/staff/identifications"));
    await page.getByTestId("identification-status").first().waitFor();
    // A proposal by the first examiner: the second may confirm it, behind a confirmation dialog.
    const proposal = await page.locator("main tr").evaluateAll((rows, proposed) => {
      const row = rows.find((candidate) => candidate.querySelector('[data-testid="identification-status"]')?.textContent?.trim() === proposed);
      return row?.querySelector('a[href*="/staff/identifications/"]')?.getAttribute("href") ?? null;
    }, arabic.Identifications.statuses.proposed);
    if (proposal === null) throw new Error("no proposed identification in the demo data");
    await page.goto(server.current.url(proposal));
    problems.push(...(await problemsOn(page)));
    const dialog = page.locator("dialog[open]");
    const button = page.getByTestId("confirm-identification-form").getByRole("button", { name: arabic.Identifications.confirm });
    // A click before the form has hydrated only reloads the page: click until the dialog opens.
    await expect.poll(async () => {
      if ((await dialog.count()) === 0) await button.click();
      return dialog.count();
    }).toBe(1);
    problems.push(...(await problemsOn(page)));
    expect(summary(problems)).toEqual([]);
  });

  test("the family portal isolates the family's reference and case numbers", async (context) => {
    const page = await signedInFamily(context);
    expect(summary(await problemsOn(page))).toEqual([]);
  });

  test("the audit viewer shows a family's portal sign-in with the family's reference whole", async (context) => {
    await signedInFamily(context);
    // The sign-in's entry names its actor "family TRH-F-…", which the actor cell once let break at its dashes.
    const page = await signedIn(context, "admin");
    const reference = SEVEN_MISSING?.reference ?? "";
    await page.goto(server.current.url(`/ar/staff/audit?actor=${encodeURIComponent(`family ${reference}`)}`));
    await expect.poll(() => page.getByTestId("audit-table").innerText()).toContain(reference);
    expect(summary(await problemsOn(page))).toEqual([]);
  });
});
