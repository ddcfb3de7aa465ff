import AxeBuilder from "@axe-core/playwright";
import { describe, expect, test } from "vitest";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { DESKTOP, openAppPage, openSignedInPage, PHONE } from "./support/open-page";
import { countSitesOnMap } from "./support/public-map";

const server = sharedAppServerForReaders();
const browser = browserForThisFile();

const PUBLIC_PAGES = [
  { pathname: "/ar", hasMap: true },
  { pathname: "/en", hasMap: true },
  { pathname: "/ar/login", hasMap: false },
  { pathname: "/en/login", hasMap: false },
  // The online report form and its status check (issue 26).
  { pathname: "/ar/report", hasMap: false },
  { pathname: "/en/report", hasMap: false },
];

describe("accessibility (axe)", () => {
  for (const { pathname, hasMap } of PUBLIC_PAGES) {
    for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
      test(`${pathname} on a ${device} has no axe violation`, async (context) => {
        const page = await openAppPage(context, browser.current, server.current, pathname, viewport);
        // The map is drawn on the client: check it too, once it is there.
        if (hasMap) await countSitesOnMap(page);
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          targets: violation.nodes.map((node) => node.target.join(" ")),
        }));
        expect(violations).toEqual([]);
      });
    }
  }

  for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    test(`the staff navigation on a ${device}, its menu open on a phone, has no axe violation`, async (context) => {
      const page = await openSignedInPage(context, browser.current, server.current, "admin", { viewport });
      if (device === "phone") {
        await page.getByTestId("staff-navigation-toggle").click();
        await expect.poll(() => page.getByTestId("staff-navigation-toggle").getAttribute("aria-expanded")).toBe("true");
      }
      const results = await new AxeBuilder({ page }).include('[data-testid="staff-navigation"]').analyze();
      expect(results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
    });
  }
});
