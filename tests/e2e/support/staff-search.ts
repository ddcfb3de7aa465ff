import type { Page } from "playwright-core";
import type { AppServer } from "./app-server";

/**
 * Searches as a staff member does: the search page's box, posted (app/api/staff/search). The query
 * is never in an address any more, so a test cannot simply open /staff/search?q=…; the page is
 * left on the results, at /staff/search?s=TOKEN.
 */
export async function searchAsStaff(page: Page, server: AppServer, query: string, locale: "ar" | "en" = "ar"): Promise<void> {
  await page.goto(server.url(`/${locale}/staff/search`));
  const box = page.getByTestId("staff-search");
  await box.locator("#staff-search-q").fill(query);
  await Promise.all([page.waitForURL((url) => url.pathname === `/${locale}/staff/search` && url.searchParams.has("s")), box.locator('button[type="submit"]').click()]);
}
