import { describe, expect, test } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { DEMO_OFFICE_CONTACT } from "@/lib/demo/office-contact";
import arabic from "@/lib/i18n/messages/ar";
import { axeViolations, signInToPortal } from "./support/family-portal";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage, openSignedInPage, PHONE } from "./support/open-page";

const PUBLIC_URL = "https://registry.example.ly";
const server = appServerForThisFile({ environment: { PUBLIC_URL } });
const browser = browserForThisFile();

const portal = arabic.FamilyPortal;
const [SEVEN_MISSING, CONFIRMED_NOT_TOLD] = DEMO_FAMILY_ACCESS;

describe("families find their portal and the office", () => {
  test("the public page links visibly to the portal, which shows the office's contact details", async (context) => {
    const page = await openAppPage(context, browser.current, server.current, "/ar", PHONE);
    const link = page.getByTestId("family-portal-link");
    await expect.poll(() => link.isVisible()).toBe(true);
    await expect.poll(() => link.innerText()).toBe(arabic.Home.familiesLink);
    await link.click();
    await page.waitForURL((url) => url.pathname === "/ar/family");
    const contact = page.getByTestId("office-contact");
    await contact.waitFor();
    await expect.poll(() => contact.innerText()).toContain(DEMO_OFFICE_CONTACT.phone);
    await expect.poll(() => contact.innerText()).toContain(DEMO_OFFICE_CONTACT.addressAr);
    await expect.poll(() => contact.innerText()).toContain(DEMO_OFFICE_CONTACT.hoursAr);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a wrong code still shows whom to ask", async (context) => {
    if (!SEVEN_MISSING) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, SEVEN_MISSING.reference, "2345-6789-ACEF");
    await page.getByTestId("family-sign-in-error").waitFor();
    await expect.poll(() => page.getByTestId("office-contact").innerText()).toContain(DEMO_OFFICE_CONTACT.phone);
  });

  test("a confirmed identification not yet told says there is news, never 'not yet', with the office's details", async (context) => {
    if (!CONFIRMED_NOT_TOLD) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, CONFIRMED_NOT_TOLD.reference, CONFIRMED_NOT_TOLD.code);
    await page.getByTestId("family-heading").waitFor();
    const step = page.locator('[data-testid="step-identified"][data-state="attention"]');
    await expect.poll(() => step.count()).toBe(1);
    await expect.poll(() => step.innerText()).toContain(portal.steps.identified.attention);
    await expect.poll(() => step.innerText()).not.toContain(portal.stateLabels.pending);
    await expect.poll(() => page.getByTestId("contact-office-details").innerText()).toContain(DEMO_OFFICE_CONTACT.phone);
    await expect.poll(() => page.getByTestId("family-summary").innerText()).toMatch(/^تم التعرف على 0 من \d+$/);
    await expect.poll(() => page.getByText(portal.condolences).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("after the visit the portal offers condolences, says what comes next and sums up the family", async (context) => {
    if (!SEVEN_MISSING) throw new Error("no demo family");
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, SEVEN_MISSING.reference, SEVEN_MISSING.code);
    await page.getByTestId("family-heading").waitFor();
    await expect.poll(() => page.getByTestId("family-summary").innerText()).toBe("تم التعرف على 1 من 7");
    const next = page.getByTestId("identification-next");
    await expect.poll(() => next.count()).toBe(1);
    await expect.poll(() => next.innerText()).toContain(portal.condolences);
    await expect.poll(() => next.innerText()).toContain(portal.nextInformed);
  });

  test("the access-code slip prints the portal's full address, its QR code and the office's details", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "registrar", { viewport: DESKTOP });
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").getByRole("link", { name: "TRH-F-0341", exact: true }).click();
    await page.getByTestId("issue-access-code").click();
    const slip = page.getByTestId("access-code-slip");
    await slip.waitFor();
    for (const expected of [`${PUBLIC_URL}/ar/family`, `${PUBLIC_URL}/en/family`, DEMO_OFFICE_CONTACT.phone, DEMO_OFFICE_CONTACT.hoursEn]) {
      await expect.poll(() => slip.innerText()).toContain(expected);
    }
    const qr = slip.getByTestId("slip-portal-qr").first();
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  });

  test("an administrator changes the office's phone and the portal shows the new one", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "admin", { viewport: DESKTOP });
    await page.goto(server.current.url("/ar/staff/settings"));
    const form = page.getByTestId("office-contact-form");
    await form.waitFor();
    await page.locator("#phone").fill("+218 21 555 0123");
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByText(arabic.Actions.saved).count()).toBeGreaterThan(0);
    await page.goto(server.current.url("/en/family"));
    await expect.poll(() => page.getByTestId("office-contact").innerText()).toContain("+218 21 555 0123");
  });
});

describe("publishing a grave site", () => {
  test("a site typed on the form reaches the public GeoJSON only once ticked public, rounded to 0.01°", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current, "forensic", { viewport: DESKTOP });
    await page.goto(server.current.url("/ar/staff/sites/new"));
    const form = page.getByTestId("grave-site-form");
    await form.waitFor();
    // The suggested code is written into the field when the form hydrates; read before, it is "",
    // and a search for "" in the GeoJSON would find nothing however the site was published.
    await expect.poll(() => page.locator("#code").inputValue()).toMatch(/^TRH-GS-\d+$/);
    const code = await page.locator("#code").inputValue();
    await page.locator("#nameAr").fill("وادي الربط");
    await page.locator("#nameEn").fill("Wadi al-Rabt");
    await page.locator("#discoveredOn").fill("2020-06-05");
    await page.locator("#latitude").fill("32.44321");
    await page.locator("#longitude").fill("13.63789");
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => /\/ar\/staff\/sites\/[0-9a-f-]{36}$/.test(url.pathname));
    const publicSite = async () => {
      const geoJson = (await (await fetch(server.current.url("/api/public/sites.geojson"))).json()) as { features: { geometry: { coordinates: number[] }; properties: { code: string } }[] };
      return geoJson.features.find((feature) => feature.properties.code === code)?.geometry.coordinates ?? null;
    };
    expect(await publicSite()).toBeNull();

    await page.goto(`${page.url().split("?")[0]}/edit`);
    await page.locator("#isPublic").check();
    await page.getByTestId("grave-site-form").locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.searchParams.get("saved") === "1" && !url.pathname.endsWith("/edit"));
    await expect.poll(publicSite).toEqual([13.64, 32.44]);
  });

  test("before its scripts have run, the form takes no typing it would lose and sends nothing in the address", async (context) => {
    // The page's scripts are held back as on a slow phone, then let through.
    let releaseScripts = () => {};
    const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
    const page = await openSignedInPage(context, browser.current, server.current, "forensic", { viewport: DESKTOP });
    // Scripts only: a held stylesheet would also hold the parser at the page's first inline
    // script, so that nothing after the loading message (the form, once its data is read) is parsed.
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await scriptsReleased;
      await route.continue();
    });
    const name = page.locator("#nameAr");
    try {
      await page.goto(server.current.url("/ar/staff/sites/new"), { waitUntil: "commit" });
      await name.waitFor();
      expect(await name.isDisabled()).toBe(true);
      expect(await page.getByTestId("grave-site-form").locator('button[type="submit"]').isDisabled()).toBe(true);
    } finally {
      releaseScripts();
    }
    // fill waits until the field is enabled, that is until the form works.
    await name.fill("موقع بعد التحميل");
    expect(await name.inputValue()).toBe("موقع بعد التحميل");
    expect(new URL(page.url()).search).toBe("");
  });
});

