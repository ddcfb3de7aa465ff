import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import arabic from "@/lib/i18n/messages/ar";
import { axeViolations, signInToPortal } from "./support/family-portal";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage, openSignedInPage, PHONE } from "./support/open-page";

const server = appServerForThisFile();
const browser = browserForThisFile();

const portal = arabic.FamilyPortal;
const [SEVEN_MISSING, CONFIRMED_NOT_TOLD] = DEMO_FAMILY_ACCESS;

/** True when the page needs no sideways scrolling at the viewport's width. */
function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("the family status portal on a phone, in Arabic", () => {
  test("a family signs in with its code, sees its relatives' timeline and signs out", async (context) => {
    if (!SEVEN_MISSING) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await axeViolations(page)).toEqual([]);
    await signInToPortal(page, SEVEN_MISSING.reference.toLowerCase(), SEVEN_MISSING.code.replaceAll("-", " "));
    await page.getByTestId("family-heading").waitFor();
    await expect.poll(() => page.getByTestId("family-heading").innerText()).toContain(SEVEN_MISSING.reference);
    await expect.poll(() => page.getByTestId("family-person").count()).toBe(7);
    // One of the seven was identified and the family told in person.
    await expect.poll(() => page.locator('[data-testid="step-identified"][data-state="done"]').count()).toBe(1);
    await expect.poll(() => page.getByText(portal.steps.identified.done).count()).toBe(1);
    await expect.poll(() => page.getByText(portal.steps.reported.done).count()).toBe(7);
    await expect.poll(() => fitsTheScreen(page)).toBe(true);
    await expect.poll(() => page.locator(".leaflet-container").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("family-sign-out").click();
    await page.getByTestId("family-signed-out").waitFor();
    await expect.poll(() => page.getByTestId("family-sign-in-form").isVisible()).toBe(true);
    await page.goto(server.current.url("/ar/family"));
    await expect.poll(() => page.getByTestId("family-person").count()).toBe(0);
  });

  test("a wrong code gets the one general message and shows nothing", async (context) => {
    if (!SEVEN_MISSING) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, SEVEN_MISSING.reference, "2345-6789-ACEF");
    const error = page.getByTestId("family-sign-in-error");
    await error.waitFor();
    await expect.poll(() => error.innerText()).toBe(portal.signInFailed);
    await expect.poll(() => page.getByTestId("family-person").count()).toBe(0);
  });

  test("a confirmed identification not yet told in person only asks the family to contact the office", async (context) => {
    if (!CONFIRMED_NOT_TOLD) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, CONFIRMED_NOT_TOLD.reference, CONFIRMED_NOT_TOLD.code);
    await page.getByTestId("family-heading").waitFor();
    await expect.poll(() => page.locator('[data-testid="step-identified"][data-state="done"]').count()).toBe(0);
    await expect.poll(() => page.getByText(portal.steps.identified.done).count()).toBe(0);
    await expect.poll(() => page.getByTestId("contact-office").count()).toBeGreaterThan(0);
  });
});

describe("issuing a family's access code", () => {
  test("a registrar issues a code, sees it once with the reference, and the family can use it", async (context) => {
    const page = await openAppPage(context, browser.current, server.current, "/ar/login", DESKTOP);
    await page.locator("#username").fill("registrar");
    await page.locator("#password").fill("demo-password");
    await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").getByRole("link", { name: "TRH-F-0342", exact: true }).click();
    await page.getByTestId("access-code-panel").waitFor();
    await expect.poll(() => page.getByTestId("access-code-panel").innerText()).toContain(portal.staff.none);
    await page.getByTestId("issue-access-code").click();
    const slip = page.getByTestId("access-code-slip");
    await slip.waitFor();
    const code = (await slip.getByTestId("access-code").first().innerText()).trim();
    expect(code).toMatch(/^[2-9ACEFHJKMNPRTWXY]{4}-[2-9ACEFHJKMNPRTWXY]{4}-[2-9ACEFHJKMNPRTWXY]{4}$/);
    await expect.poll(() => slip.innerText()).toContain("TRH-F-0342");
    // Reissuing asks first, since it ends the code just given.
    await page.getByTestId("issue-access-code").click();
    await expect.poll(() => page.locator("dialog[open]").innerText()).toContain(portal.staff.reissueQuestion);
    await page.locator("dialog[open] button").first().click();
    await page.reload();
    await expect.poll(() => page.getByTestId("access-code-slip").count()).toBe(0);
    await page.goto(server.current.url("/ar/family"));
    await signInToPortal(page, "TRH-F-0342", code);
    await page.getByTestId("family-heading").waitFor();
    await expect.poll(() => page.getByTestId("family-person").count()).toBeGreaterThan(0);
  });
});

describe("sign-in waits at a family's reference", () => {
  test("after five wrong codes the portal says how long to wait, and a registrar sees and lifts the wait", async (context) => {
    const reference = "TRH-F-0341";
    const family = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    for (let guess = 0; guess < 5; guess += 1) {
      await signInToPortal(family, reference, "2345-6789-ACEF");
      await family.getByTestId("family-sign-in-error").waitFor();
    }
    expect(new URL(family.url()).search).toBe("?wait=1");
    await expect.poll(() => family.getByTestId("family-sign-in-error").innerText()).toContain("دقيقة واحدة");
    expect(await axeViolations(family)).toEqual([]);

    const staff = await openSignedInPage(context, browser.current, server.current);
    await staff.goto(server.current.url("/ar/staff/families"));
    await staff.getByTestId("family-rows").getByRole("link", { name: reference, exact: true }).click();
    const panel = staff.getByTestId("sign-in-lock-panel");
    await panel.waitFor();
    await expect.poll(() => panel.innerText()).toContain("اتصال واحد في حالة انتظار");
    await staff.getByTestId("lift-sign-in-lock").click();
    await panel.getByText(portal.staff.lockLifted).waitFor();
    await panel.getByText(portal.staff.lockNone).waitFor();

    await family.goto(server.current.url("/ar/family"));
    await signInToPortal(family, reference, "2345-6789-ACEF");
    await family.getByTestId("family-sign-in-error").waitFor();
    expect(new URL(family.url()).search).toBe("?failed=1");
  });
});
