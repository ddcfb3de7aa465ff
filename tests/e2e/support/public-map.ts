import type { Page } from "playwright-core";

/** Scrolls to the map as a reader would: Leaflet is only fetched once its box nears the screen. */
export async function showSiteMap(page: Page): Promise<void> {
  await page.getByTestId("site-map-box").scrollIntoViewIfNeeded();
}

/** Waits for Leaflet to draw the sites, then counts them: single markers plus the sites inside each cluster. */
export async function countSitesOnMap(page: Page): Promise<number> {
  await showSiteMap(page);
  const map = page.getByTestId("site-map");
  await map.locator(".leaflet-marker-icon").first().waitFor({ state: "visible" });
  const singles = await map.locator("[data-site-code]").count();
  const clustered = await map
    .locator("[data-site-count]")
    .evaluateAll((badges) => badges.map((badge) => Number((badge as HTMLElement).dataset.siteCount)));
  return singles + clustered.reduce((sum, count) => sum + count, 0);
}

/** The outline of Libya that Leaflet draws beneath the tiles, in its own pane. */
export function libyaOutline(page: Page) {
  return page.getByTestId("site-map").locator(".leaflet-outline-pane path");
}

/** The img-src directive of the Content-Security-Policy the page at `url` is served with. */
export async function imageSourcesOf(url: string): Promise<string> {
  const response = await fetch(url);
  const policy = response.headers.get("content-security-policy") ?? "";
  return policy.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("img-src")) ?? "";
}
