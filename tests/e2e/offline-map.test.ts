import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { sharedAppServerForReaders, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage, openSignedInPage } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

// Opens the public map and the grave-site form without saving it: the run's shared server.
const server = sharedAppServerForReaders();
const browser = browserForThisFile();

/** As in Tarhuna on a bad day: nothing but the registry answers; every other host is cut off. */
async function cutOffEverythingButTheRegistry(context: BrowserContext, registryUrl: string): Promise<string[]> {
  const registryHost = new URL(registryUrl).host;
  const refused: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.host === registryHost || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    refused.push(url.origin);
    return route.abort("internetdisconnected");
  });
  return refused;
}

/**
 * What the basemap's canvas tiles in a map show, counted pixel by pixel: land (its warm grey),
 * and dark strokes (the town names and their dots). Nothing else draws on those canvases.
 */
function basemapPixels(page: Page, mapTestId: string): Promise<{ tiles: number; land: number; ink: number }> {
  return page.getByTestId(mapTestId).evaluate((map) => {
    const counts = { tiles: 0, land: 0, ink: 0 };
    for (const canvas of Array.from(map.querySelectorAll<HTMLCanvasElement>(".leaflet-basemap-pane canvas.leaflet-tile"))) {
      const context = canvas.getContext("2d");
      if (!context || canvas.width === 0) continue;
      counts.tiles += 1;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let index = 0; index < data.length; index += 4) {
        const [red = 0, green = 0, blue = 0, alpha = 0] = [data[index], data[index + 1], data[index + 2], data[index + 3]];
        // Transparent where the basemap draws nothing.
        if (alpha < 200) continue;
        if (Math.abs(red - 0xf5) < 4 && Math.abs(green - 0xf0) < 4 && Math.abs(blue - 0xe6) < 4) counts.land += 1;
        if (red < 0x60 && green < 0x60 && blue < 0x60) counts.ink += 1;
      }
    }
    return counts;
  });
}

/** Whether the offline notice covers the map's attribution, which the data's licence asks to keep in view. */
async function noticeCoversAttribution(page: Page, notice: Locator, mapTestId: string): Promise<boolean> {
  const [noticeBox, attributionBox] = await Promise.all([notice.boundingBox(), page.getByTestId(mapTestId).locator(".leaflet-control-attribution").boundingBox()]);
  if (!noticeBox || !attributionBox) throw new Error("the notice or the attribution is not shown");
  const apart =
    noticeBox.x + noticeBox.width <= attributionBox.x || attributionBox.x + attributionBox.width <= noticeBox.x ||
    noticeBox.y + noticeBox.height <= attributionBox.y || attributionBox.y + attributionBox.height <= noticeBox.y;
  return !apart;
}

async function axeViolations(page: Page): Promise<Array<{ rule: string; targets: string[] }>> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

describe("maps without internet", () => {
  test("the public map shows the offline basemap's land and towns with every other host cut off", async (context) => {
    let refused: string[] = [];
    const page = await openAppPage(context, browser.current, server.current, "/ar", DESKTOP, async (page) => {
      refused = await cutOffEverythingButTheRegistry(page.context(), server.current.url("/"));
    });
    const map = page.locator('[data-testid="site-map"][data-basemap="loaded"]');
    await map.scrollIntoViewIfNeeded();
    await map.waitFor({ state: "attached", timeout: 30_000 });
    await expect.poll(async () => (await basemapPixels(page, "site-map")).ink, { timeout: 15_000 }).toBeGreaterThan(50);
    const pixels = await basemapPixels(page, "site-map");
    expect(pixels.tiles).toBeGreaterThan(0);
    expect(pixels.land).toBeGreaterThan(1000);
    // The tile server was asked and refused: the basemap is what shows.
    expect(refused.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".leaflet-control-attribution").innerText()).toContain("GeoNames");
    expect(await page.locator(".leaflet-control-attribution svg").count(), "Leaflet's flag is gone").toBe(0);
    expect(await noticeCoversAttribution(page, page.getByTestId("map-tiles-unavailable"), "site-map")).toBe(false);
    await keepScreenshot(page.getByTestId("site-map"), context.task.name, "map");
  });

  test("the grave-site form's map shows towns and coast offline, and a click still places the point", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "forensic");
    const refused = await cutOffEverythingButTheRegistry(page.context(), server.current.url("/"));
    await page.goto(server.current.url("/ar/staff/sites/new"));
    await page.locator('[data-testid="location-map"][data-basemap="loaded"]').waitFor({ state: "attached", timeout: 30_000 });
    await expect.poll(async () => (await basemapPixels(page, "location-map")).ink, { timeout: 15_000 }).toBeGreaterThan(50);
    expect((await basemapPixels(page, "location-map")).land).toBeGreaterThan(1000);
    const notice = page.getByRole("status").filter({ hasText: "لا اتصال بخادم الخرائط" });
    await notice.waitFor({ state: "visible" });
    expect(await noticeCoversAttribution(page, notice, "location-map")).toBe(false);
    expect(refused.length).toBeGreaterThan(0);
    await page.getByTestId("location-map").click();
    await expect.poll(() => page.locator("#latitude").inputValue()).toMatch(/^32\.\d+/);
    await keepScreenshot(page.getByTestId("location-map"), context.task.name, "map");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("'use my position' fills the coordinates from the device's GPS and says how accurate they are", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "forensic");
    await page.context().grantPermissions(["geolocation"], { origin: server.current.url("/") });
    await page.context().setGeolocation({ latitude: 32.44187, longitude: 13.65412, accuracy: 12 });
    await page.goto(server.current.url("/ar/staff/sites/new"));
    await page.getByTestId("use-my-position").click();
    await expect.poll(() => page.locator("#latitude").inputValue()).toBe("32.44187");
    expect(await page.locator("#longitude").inputValue()).toBe("13.65412");
    await expect.poll(() => page.getByTestId("position-status").innerText()).toContain("12");
    expect(await page.getByTestId("position-status").innerText()).toContain("بدقة");
    await keepScreenshot(page, context.task.name, "form", { fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  test("'use my position' says so in words when the browser refuses the position", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "forensic");
    await page.context().clearPermissions();
    await page.goto(server.current.url("/ar/staff/sites/new"));
    await page.getByTestId("use-my-position").click();
    await expect.poll(() => page.getByTestId("position-status").innerText(), { timeout: 15_000 }).toContain("لم يُسمح للمتصفح");
    expect(await page.locator("#latitude").inputValue()).toBe("");
    await keepScreenshot(page.getByTestId("position-status"), context.task.name, "status");
  });
});
