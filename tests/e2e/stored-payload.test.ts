import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";
import { searchAsStaff } from "./support/staff-search";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** Markup that runs script if any page puts the saved text into the DOM as HTML. */
const MARKUP = "<img src=x onerror=window.__xss=1><script>window.__xss=1</script>";
/** A right-to-left override: shown as a character, it must not reverse the text around it. */
const OVERRIDE = "\u202Eسوق الخميس\u202C";

const registrarPage = (context: TestContext): Promise<Page> => openSignedInPage(context, browser.current, server.current);

/** The form fills its fields once it has hydrated; typing before that would be lost. */
async function openEditForm(page: Page, field: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.endsWith("/edit"));
  await expect.poll(() => page.locator(field).inputValue()).not.toBe("");
}

async function expectShownLiterally(page: Page, texts: string[]): Promise<void> {
  for (const text of texts) await expect.poll(() => page.locator("main").innerText()).toContain(text);
  await expect.poll(() => page.locator("main img[src='x']").count()).toBe(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
}

describe("markup saved in a record is shown as text, never run", () => {
  test("a family contact and a missing person's place, circumstances and Latin name holding script", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").locator("a").first().click();
    await page.getByTestId("edit-family").click();
    await openEditForm(page, "#contactName");
    await page.locator("#contactName").fill(`${MARKUP} ${OVERRIDE}`);
    await page.locator("#area").fill(MARKUP);
    await page.getByTestId("edit-family-form").locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));
    await page.getByText(MARKUP).first().waitFor();
    await expectShownLiterally(page, [`${MARKUP} ${OVERRIDE}`, MARKUP]);
    const familyPath = new URL(page.url()).pathname;

    await page.getByTestId("family-members").locator("a").first().click();
    await page.getByTestId("edit-person").click();
    await openEditForm(page, "#givenName");
    await page.locator("#lastSeenPlace").fill(`${OVERRIDE} ${MARKUP}`);
    await page.locator("#circumstances").fill(`${MARKUP}\n${OVERRIDE}`);
    await page.locator("#nameLatin").fill(MARKUP);
    await page.getByTestId("edit-missing-person-form").locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));
    await page.getByText(MARKUP).first().waitFor();
    await expectShownLiterally(page, [`${OVERRIDE} ${MARKUP}`, MARKUP, OVERRIDE]);
    const caseNumber = (await page.locator("main h1").innerText()).match(/TRH-MP-\d{5}/)?.[0];
    expect(caseNumber).toBeDefined();

    await searchAsStaff(page, server.current, caseNumber ?? "");
    await page.getByTestId("search-result").first().waitFor();
    await expectShownLiterally(page, [MARKUP]);

    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").waitFor();
    await expectShownLiterally(page, [`${MARKUP} ${OVERRIDE}`]);
    await page.goto(server.current.url(familyPath));
    await expectShownLiterally(page, [`${MARKUP} ${OVERRIDE}`]);
  });
});
