import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = sharedAppServerForReaders();
const browser = browserForThisFile();
// A demo body identified by DNA: it has a profile.
const BODY_CODE = "TRH-GS-02-B011";

const signedInPage = (context: TestContext, username: string): Promise<Page> => openSignedInPage(context, browser.current, server.current, username);

async function openBody(page: Page): Promise<void> {
  await page.goto(server.current.url(`/ar/staff/remains?search=${BODY_CODE}`));
  await page.getByTestId("remains-table").getByRole("link", { name: BODY_CODE }).click();
  await page.waitForURL((url) => /\/ar\/staff\/remains\/[0-9a-f-]{36}$/.test(url.pathname));
}

/** Issue #22, point 5: a body's page says which other bodies its DNA may belong with, to forensic staff only. */
describe("other bodies on a body's page", () => {
  test("forensic staff see the comparison and what it rests on, in Arabic", async (context) => {
    const page = await signedInPage(context, "forensic");
    await openBody(page);
    const section = page.getByTestId("related-bodies");
    await expect.poll(() => section.count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => section.locator("h2").innerText()).toBe(arabic.Remains.relatedBodies.title);
    expect(await section.innerText()).toMatch(/θ = 0[.,٫]02/);
  });

  test("a registrar, who may not read DNA profiles, does not", async (context) => {
    const page = await signedInPage(context, "registrar");
    await openBody(page);
    await expect.poll(() => page.getByTestId("remains-heading").count()).toBe(1);
    expect(await page.getByTestId("related-bodies").count()).toBe(0);
  });
});
