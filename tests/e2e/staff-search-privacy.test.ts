import type { Page } from "playwright-core";
import postgres from "postgres";
import { beforeAll, describe, expect, test } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openSignedInPage } from "./support/open-page";

/**
 * Staff search keeps the names of the missing out of addresses (issue 29, point 7): the query goes
 * in a POST body, the results page is reached at an opaque address, and so neither the address bar,
 * the browser's history nor the server's request log ever holds the name.
 */
const server = appServerForThisFile({ database: "postgres", keepLog: true });
const browser = browserForThisFile();

let givenName = "";
let familyName = "";

beforeAll(async () => {
  const sql = postgres(server.current.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    const [person] = await sql<{ given_name: string; family_name: string }[]>`
      select given_name, family_name from missing_persons where voided_at is null and family_name <> '' order by case_number desc limit 1`;
    if (!person) throw new Error("the demo data has no missing person");
    givenName = person.given_name;
    familyName = person.family_name;
  } finally {
    await sql.end({ timeout: 5 });
  }
});

/** Every address in the tab's history (Chromium's own list, as the back button would walk it). */
async function historyAddresses(page: Page): Promise<string[]> {
  const devtools = await page.context().newCDPSession(page);
  const { entries } = (await devtools.send("Page.getNavigationHistory")) as { entries: { url: string }[] };
  await devtools.detach();
  return entries.map((entry) => entry.url);
}

function expectNoName(texts: string[]): void {
  for (const text of texts) {
    for (const part of [givenName, familyName, encodeURIComponent(givenName), encodeURIComponent(familyName)]) {
      expect(text).not.toContain(part);
    }
  }
}

describe("staff search by name", () => {
  test("finds the person, with the keyboard, while the address, the history and the request log never hold the name", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "registrar", { viewport: DESKTOP });
    await page.goto(server.current.url("/ar/staff/search"));
    const box = page.getByRole("searchbox", { name: "البحث عن شخص" });
    await box.fill(`${givenName} ${familyName}`);
    await Promise.all([page.waitForURL((url) => url.searchParams.has("s")), box.press("Enter")]);

    const first = page.getByTestId("search-result").first();
    await first.waitFor();
    await expect.poll(() => first.innerText()).toContain(familyName);
    // The box keeps what was typed, so the search can be refined.
    expect(await box.inputValue()).toBe(`${givenName} ${familyName}`);

    // Reloading shows the same results and posts nothing again.
    await page.reload();
    await page.getByTestId("search-result").first().waitFor();

    expectNoName([page.url(), ...(await historyAddresses(page))]);
    expect(new URL(page.url()).pathname).toBe("/ar/staff/search");
    // Request lines are written a few kilobytes at a time, each within a moment (server-log.mjs).
    const searchLogged = () => server.current.logLines().some((line) => line.includes('"event":"request"') && line.includes('"path":"/api/staff/search"'));
    await expect.poll(searchLogged).toBe(true);
    expectNoName(server.current.logLines());
  });

  test("works without JavaScript, in English", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "viewer", { viewport: DESKTOP });
    const noScript = await browser.current.newContext({ javaScriptEnabled: false, viewport: DESKTOP, storageState: await page.context().storageState() });
    context.onTestFinished(() => noScript.close());
    const plain = await noScript.newPage();
    await plain.goto(server.current.url("/en/staff/search"));
    await plain.getByRole("searchbox", { name: "Find a person" }).fill(familyName);
    await Promise.all([plain.waitForURL((url) => url.searchParams.has("s")), plain.getByRole("button", { name: "Search", exact: true }).click()]);
    await expect.poll(() => plain.getByTestId("search-result").first().innerText()).toContain(familyName);
    expect(new URL(plain.url()).pathname).toBe("/en/staff/search");
    expectNoName([plain.url(), ...(await historyAddresses(plain))]);

    // The sealed address is the searcher's own: another staff member opening it is told to search again.
    const other = await openSignedInPage(context, browser.current, server.current, "registrar", { viewport: DESKTOP });
    await other.goto(plain.url());
    await other.getByText("This search has expired or belongs to another account.").waitFor();
    expect(await other.getByTestId("search-result").count()).toBe(0);
  });
});
