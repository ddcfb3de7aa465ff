import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { STAFF_AREAS } from "@/components/staff/staff-areas";
import { can, type Role } from "@/lib/auth/permissions";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { keepScreenshot, screenshotPath } from "./support/screenshots";
import {
  ARABIC_AREA_HEADINGS,
  mainHeading,
  navigationPathnames,
  signInErrorMessage,
  submitSignInForm,
} from "./support/staff-pages";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const ARABIC_LABELS = { username: arabic.Auth.username, password: arabic.Auth.password };
const ENGLISH_LABELS = { username: english.Auth.username, password: english.Auth.password };
/** Demo accounts named after their role (forensic2 is a second forensic account, not needed here). */
const DEMO_ROLES: readonly Role[] = ["admin", "registrar", "forensic", "viewer"];

// Signs in and out and opens every staff area, changing no record: the run's shared server. Its four
// failed sign-ins on purpose stay far below what the throttle allows one address (shared-app-server.ts).
const server = sharedAppServerForReaders();
const browser = browserForThisFile();

/** A page in its own browser context (no cookie carries over), photographed if the test fails. */
async function openPage(testContext: TestContext, pathname: string): Promise<Page> {
  const browserContext = await browser.current.newContext({ viewport: DESKTOP });
  browserContext.setDefaultTimeout(15_000);
  const page = await browserContext.newPage();
  testContext.onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      await page.screenshot({ path: screenshotPath(task.name, "failure"), fullPage: true });
    }
    await browserContext.close();
  });
  await page.goto(server.current.url(pathname));
  return page;
}

function pathnameOf(page: Page): string {
  return new URL(page.url()).pathname;
}

async function expectToArriveAt(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  expect(pathnameOf(page)).toBe(pathname);
}

describe("staff sign-in", () => {
  for (const role of DEMO_ROLES) {
    test(`${role} signs in, sees and may open only the ${role}'s areas, and signs out`, async (context) => {
      const page = await openPage(context, "/ar/login");
      await submitSignInForm(page, ARABIC_LABELS, { username: role, password: DEMO_PASSWORD });
      await expectToArriveAt(page, "/ar/staff");

      const allowedAreas = STAFF_AREAS.filter((area) => can(role, area.permission));
      await expect.poll(() => navigationPathnames(page)).toEqual(allowedAreas.map((area) => `/ar${area.href}`));
      await expect.poll(() => mainHeading(page)).toBe(arabic.Staff.dashboardTitle);
      await keepScreenshot(page, context.task.name, "dashboard", { fullPage: true });

      for (const area of STAFF_AREAS) {
        await page.goto(server.current.url(`/ar${area.href}`));
        if (can(role, area.permission)) {
          expect(pathnameOf(page), `${role} opens ${area.href}`).toBe(`/ar${area.href}`);
          const heading = await mainHeading(page);
          expect(heading, `${role} sees ${area.href}`).not.toBe("");
          const expectedHeading = ARABIC_AREA_HEADINGS[area.href];
          if (expectedHeading) expect(heading, `${role} sees ${area.href}`).toBe(expectedHeading);
          await expect.poll(() => page.getByTestId("forbidden").count(), { message: `${role} at ${area.href}` }).toBe(0);
          const current = page.locator('[data-testid="staff-navigation"] a[aria-current="page"]');
          await expect.poll(() => current.count(), { message: `${role} at ${area.href}: one current link` }).toBe(1);
          expect(await current.getAttribute("href"), `${role} at ${area.href}`).toBe(`/ar${area.href}`);
          // Seen, not only announced: the current link is bold, the others are not.
          expect(await current.evaluate((link) => getComputedStyle(link).fontWeight), `${role} at ${area.href}`).toBe("700");
        } else {
          await page.getByTestId("forbidden").waitFor({ state: "visible" });
          await expect.poll(() => page.getByTestId("forbidden").innerText(), { message: `${role} at ${area.href}` }).toContain(arabic.Staff.forbiddenTitle);
        }
      }

      await page.getByTestId("sign-out").click();
      await expectToArriveAt(page, "/ar/login");
      await page.goto(server.current.url("/ar/staff"));
      expect(pathnameOf(page)).toBe("/ar/login");
    });
  }

  test("on a phone the staff areas fold behind one menu button that opens and closes by keyboard", async (context) => {
    const page = await openPage(context, "/ar/login");
    await page.setViewportSize(PHONE);
    await submitSignInForm(page, ARABIC_LABELS, { username: "admin", password: DEMO_PASSWORD });
    await expectToArriveAt(page, "/ar/staff");
    const toggle = page.getByTestId("staff-navigation-toggle");
    const firstLink = page.locator('[data-testid="staff-navigation"] a').first();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => firstLink.isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => firstLink.isVisible()).toBe(true);
    await keepScreenshot(page, context.task.name, "menu-open", { fullPage: true });
    await page.keyboard.press("Space");
    await expect.poll(() => firstLink.isVisible()).toBe(false);
    // Folded, the navigation takes one line of a 360 px screen, not half of it.
    const navigationHeight = await page.getByTestId("staff-navigation").evaluate((element) => element.getBoundingClientRect().height);
    expect(navigationHeight).toBeLessThan(60);
  });

  for (const [pathname, loginPathname] of [
    ["/ar/staff", "/ar/login"],
    ["/en/staff/users", "/en/login"],
  ] as const) {
    test(`a visitor who is not signed in is sent from ${pathname} to ${loginPathname}`, async (context) => {
      const page = await openPage(context, pathname);
      expect(pathnameOf(page)).toBe(loginPathname);
      await page.getByTestId("sign-in-form").waitFor({ state: "visible" });
    });
  }

  test("a wrong password and an unknown username get the same Arabic message", async (context) => {
    const page = await openPage(context, "/ar/login");
    await submitSignInForm(page, ARABIC_LABELS, { username: "no-such-user", password: DEMO_PASSWORD });
    const unknownUserMessage = await signInErrorMessage(page);
    expect(unknownUserMessage).toBe("اسم المستخدم أو كلمة المرور أو الرمز غير صحيح.");
    expect(pathnameOf(page)).toBe("/ar/login");
    await keepScreenshot(page, context.task.name, "error", { fullPage: true });

    await page.reload();
    await submitSignInForm(page, ARABIC_LABELS, { username: "viewer", password: "wrong-password" });
    await expect.poll(() => signInErrorMessage(page)).toBe(unknownUserMessage);
    expect(pathnameOf(page)).toBe("/ar/login");
  });

  test("a wrong password and an unknown username get the same English message", async (context) => {
    const page = await openPage(context, "/en/login");
    await submitSignInForm(page, ENGLISH_LABELS, { username: "nobody-here", password: DEMO_PASSWORD });
    const unknownUserMessage = await signInErrorMessage(page);
    expect(unknownUserMessage).toBe("Wrong username, password or code.");
    await keepScreenshot(page, context.task.name, "error", { fullPage: true });

    await page.reload();
    await submitSignInForm(page, ENGLISH_LABELS, { username: "registrar", password: "wrong-password" });
    await expect.poll(() => signInErrorMessage(page)).toBe(unknownUserMessage);
    expect(pathnameOf(page)).toBe("/en/login");
  });
});
