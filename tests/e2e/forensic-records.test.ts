import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();
const PASSWORD = "demo-password";
const RECORD_ADDRESS = /\/ar\/staff\/(sites|remains)\/[0-9a-f-]{36}\?saved=1$/;

async function signedInPage(context: TestContext, username: string): Promise<Page> {
  const page = await openAppPage(context, browser.current, server.current, "/ar/login", DESKTOP);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(PASSWORD);
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/ar/staff");
  return page;
}

async function createSiteByClickingTheMap(page: Page): Promise<string> {
  await page.goto(server.current.url("/ar/staff/sites/new"));
  // No tiles load on this machine: the outline and the click still work.
  await page.locator('[data-testid="location-map"].leaflet-container').waitFor({ state: "visible" });
  await page.getByTestId("location-map").click();
  await expect.poll(() => page.locator("#latitude").inputValue()).toMatch(/^32\.\d+/);
  await expect.poll(async () => Number(await page.locator("#longitude").inputValue())).toBeCloseTo(13.63, 1);
  await page.locator("#nameAr").fill("وادي الربط");
  await page.locator("#nameEn").fill("Wadi al-Rabt");
  await page.locator("#discoveredOn").fill("2020-06-05");
  await page.getByTestId("grave-site-form").locator('button[type="submit"]').click();
  await page.waitForURL(RECORD_ADDRESS);
  await page.getByTestId("saved-notice").waitFor({ state: "visible" });
  return new URL(page.url()).pathname;
}

async function addBodyWithTwoEffects(page: Page): Promise<string> {
  await page.getByTestId("add-remains").click();
  await page.waitForURL((url) => url.pathname === "/ar/staff/remains/new");
  await expect.poll(() => page.locator("#code").inputValue()).toMatch(/^TRH-GS-\d+-B001$/);
  await page.locator("#recoveredOn").fill("2020-07-01");
  await page.getByTestId("add-effect").click();
  await page.locator("#effect-kind-0").selectOption("car_key");
  await page.locator("#effect-description-0").fill("مفتاح سيارة تويوتا بحلقة حمراء");
  // Straight from the description to "add", the button held as long as a person holds it: no
  // message may vanish on this blur and pull the button from under the pointer.
  await page.getByTestId("add-effect").click({ delay: 150 });
  await expect.poll(() => page.getByTestId("effect-row").count()).toBe(2);
  // Nothing was submitted yet: the new, empty row is not already marked as missing its description.
  await expect.poll(() => page.locator("#effect-description-1").getAttribute("aria-invalid")).toBe("false");
  await page.locator("#effect-kind-1").selectOption("identity_document");
  await page.locator("#effect-description-1").fill("بطاقة هوية، الاسم مقروء جزئيًا");
  await page.getByTestId("remains-form").locator('button[type="submit"]').click();
  await page.waitForURL(RECORD_ADDRESS);
  await expect.poll(() => page.getByTestId("effects-list").locator("li").count()).toBe(2);
  return new URL(page.url()).pathname;
}

async function recordTransfer(page: Page): Promise<void> {
  const form = page.getByTestId("custody-form");
  await form.locator("#custody-action").selectOption("transferred");
  await form.locator("#custody-fromParty").fill("فريق ترهونة الميداني");
  await form.locator("#custody-toParty").fill("مشرحة طرابلس");
  await form.locator("#custody-place").fill("ترهونة");
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("custody-event").first().waitFor({ state: "visible" });
  await expect.poll(() => page.getByTestId("custody-timeline").innerText()).toContain("مشرحة طرابلس");
}

describe("forensic records", () => {
  test("a forensic user records a site, a body with its effects and a custody transfer; a registrar only reads them", async (context) => {
    const forensic = await signedInPage(context, "forensic");
    const sitePath = await createSiteByClickingTheMap(forensic);
    const remainsPath = await addBodyWithTwoEffects(forensic);
    await recordTransfer(forensic);
    await keepScreenshot(forensic, context.task.name, "forensic", { fullPage: true });

    const registrar = await signedInPage(context, "registrar");
    await registrar.goto(server.current.url(remainsPath));
    await registrar.getByTestId("remains-heading").waitFor({ state: "visible" });
    await expect.poll(() => registrar.getByTestId("effects-list").locator("li").count()).toBe(2);
    await expect.poll(() => registrar.getByTestId("custody-event").count()).toBe(1);
    await expect.poll(() => registrar.getByTestId("edit-remains").count()).toBe(0);
    await expect.poll(() => registrar.getByTestId("custody-form").count()).toBe(0);
    await registrar.goto(server.current.url(sitePath));
    await registrar.getByTestId("site-heading").waitFor({ state: "visible" });
    await expect.poll(() => registrar.getByTestId("site-remains").locator("li").count()).toBe(1);
    await expect.poll(() => registrar.getByTestId("edit-site").count()).toBe(0);
    await expect.poll(() => registrar.getByTestId("add-remains").count()).toBe(0);
    await registrar.goto(server.current.url("/ar/staff/sites/new"));
    await registrar.waitForURL((url) => url.pathname === "/ar/staff/forbidden");
    await keepScreenshot(registrar, context.task.name, "registrar", { fullPage: true });
  });

  test("the remains list pages forward and back, keeping its sort and filters in the address", async (context) => {
    const page = await signedInPage(context, "forensic");
    await page.goto(server.current.url("/ar/staff/remains?sort=-code&sex=male"));
    const codes = () => page.getByTestId("remains-table").locator("tbody a").allInnerTexts();
    const firstRows = await codes();
    await expect.poll(() => page.getByTestId("previous-page").count()).toBe(0);
    await page.getByTestId("next-page").click();
    await page.waitForURL((url) => url.searchParams.has("after") && url.searchParams.get("sort") === "-code" && url.searchParams.get("sex") === "male");
    // The address changes as the navigation starts; the rows follow once the new page has rendered.
    await expect.poll(codes).not.toEqual(firstRows);
    const secondRows = await codes();
    expect(secondRows.every((code) => firstRows.every((earlier) => code.localeCompare(earlier) < 0))).toBe(true);
    await page.getByTestId("previous-page").click();
    await page.waitForURL((url) => url.searchParams.has("before") && url.searchParams.get("sort") === "-code" && url.searchParams.get("sex") === "male");
    await expect.poll(codes).toEqual(firstRows);
    await keepScreenshot(page, context.task.name, "back-on-first-page", { fullPage: true });
  });
});
