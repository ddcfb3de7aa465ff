import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { openAppPage, openSignedInPage, PHONE } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";
import { navigationPathnames } from "./support/staff-pages";

const server = sharedAppServerForReaders();
const browser = browserForThisFile();

/** How far the page reaches past the 360 px screen, sideways (0 when it fits). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The codes (TRH-GS-01, report numbers) in a table that take more than one line. */
function wrappedCodes(page: Page, tableSelector: string): Promise<string[]> {
  return page.locator(`${tableSelector} bdi[dir="ltr"]`).evaluateAll((codes) =>
    codes.filter((code) => code.getClientRects().length > 1 || code.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(code).fontSize)).map((code) => code.textContent ?? ""),
  );
}

/** Scrolls a table's box to its far end and says whether its first cell is still in view. */
function firstColumnStaysInView(page: Page, boxSelector: string): Promise<{ scrolled: boolean; firstCellVisible: boolean }> {
  return page.locator(boxSelector).first().evaluate((box) => {
    const before = box.scrollLeft;
    // In right-to-left the far end is at negative scrollLeft.
    box.scrollLeft = document.documentElement.dir === "rtl" ? -box.scrollWidth : box.scrollWidth;
    const cell = box.querySelector("tbody tr > :first-child");
    const boxRect = box.getBoundingClientRect();
    const cellRect = cell?.getBoundingClientRect();
    const firstCellVisible = cellRect !== undefined && cellRect.left >= boxRect.left - 1 && cellRect.right <= boxRect.right + 1;
    return { scrolled: box.scrollLeft !== before, firstCellVisible };
  });
}

async function axeViolations(page: Page): Promise<Array<{ rule: string; targets: string[] }>> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

describe("on a 360 px phone", () => {
  test("the public page's site table keeps each code on one line and the page does not scroll sideways", async (context) => {
    const page = await openAppPage(context, browser.current, server.current, "/ar", PHONE);
    const table = page.locator(".scroll-table table");
    await table.waitFor({ state: "visible" });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.locator(".scroll-table tbody tr").count()).toBeGreaterThan(0);
    expect(await wrappedCodes(page, ".scroll-table table")).toEqual([]);
    // A site's name reads on one line, never a word a line.
    const nameHeights = await page.locator(".scroll-table tbody th").evaluateAll((cells) => cells.map((cell) => cell.getClientRects()[0]?.height ?? 0));
    const lineHeight = await page.locator(".scroll-table tbody td").first().evaluate((cell) => parseFloat(getComputedStyle(cell).lineHeight) + parseFloat(getComputedStyle(cell).paddingTop) + parseFloat(getComputedStyle(cell).paddingBottom));
    for (const height of nameHeights) expect(height).toBeLessThanOrEqual(lineHeight + 1);
    await keepScreenshot(page, context.task.name, "phone", { fullPage: true });
    expect(await firstColumnStaysInView(page, ".scroll-table")).toEqual({ scrolled: true, firstCellVisible: true });
    await keepScreenshot(page, context.task.name, "scrolled", { fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the police reports list fits the screen, its table scrolls in its box with the report number in view", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "registrar", { viewport: PHONE });
    await page.goto(server.current.url("/ar/staff/reports"));
    await page.getByTestId("report-rows").locator("tr").first().waitFor({ state: "visible" });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wrappedCodes(page, ".scroll-table table")).toEqual([]);
    await keepScreenshot(page, context.task.name, "phone", { fullPage: true });
    expect(await firstColumnStaysInView(page, ".scroll-table")).toEqual({ scrolled: true, firstCellVisible: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const username of ["admin", "registrar", "forensic"]) {
    test(`no staff area that ${username} can open is wider than the screen`, async (context) => {
      const page = await openSignedInPage(context, browser.current, server.current, username, { viewport: PHONE });
      const overflowing: Array<{ pathname: string; overflow: number }> = [];
      for (const pathname of await navigationPathnames(page)) {
        await page.goto(server.current.url(pathname));
        await page.locator("main h1").first().waitFor({ state: "visible" });
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) {
          overflowing.push({ pathname, overflow });
          await keepScreenshot(page, context.task.name, pathname, { fullPage: true });
        }
      }
      expect(overflowing).toEqual([]);
    });
  }
});
