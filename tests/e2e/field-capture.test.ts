import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { launchBrowserWithProfile } from "./support/browser";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage, PHONE } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();

async function waiting(page: Page): Promise<string> {
  return page.getByTestId("field-waiting").innerText();
}

async function recordSiteWithGps(page: Page): Promise<string> {
  const form = page.getByTestId("field-site-form");
  const code = await form.locator("#site-code").inputValue();
  await form.locator("#site-nameAr").fill("مكب القمامة الشرقي");
  await form.locator("#site-nameEn").fill("Eastern landfill");
  await form.locator("#site-discoveredOn").fill("2021-02-10");
  await form.getByRole("button", { name: "أخذ الموقع من الجهاز (GPS)" }).click();
  await expect.poll(() => page.getByTestId("field-gps-accuracy").innerText()).toContain("8");
  await expect.poll(() => form.locator("#site-latitude").inputValue()).toBe("32.431");
  await form.locator('button[type="submit"]').click();
  return code;
}

/** A phone camera's picture of the car key. */
async function cameraPhoto() {
  const buffer = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#1d4f4a" } }).jpeg().withExif({ IFD0: { Make: "FieldCam" } }).toBuffer();
  return { name: "IMG_2101.jpg", mimeType: "image/jpeg", buffer };
}

async function recordBodyWithTwoEffects(page: Page, siteCode: string, withPhoto = false): Promise<string> {
  const form = page.getByTestId("field-body-form");
  await form.locator("#body-siteRef").selectOption({ label: `${siteCode} — مكب القمامة الشرقي` });
  await expect.poll(() => form.locator("#body-code").inputValue()).toBe(`${siteCode}-B001`);
  await form.locator("#body-recoveredOn").fill("2021-02-11");
  await form.getByRole("button", { name: "إضافة متعلَّق" }).click();
  await form.getByRole("button", { name: "إضافة متعلَّق" }).click();
  await form.locator("#body-effectKind0").selectOption("car_key");
  await form.locator("#body-effectDescription0").fill("مفتاح سيارة بحلقة زرقاء");
  await form.locator("#body-effectKind1").selectOption("clothing");
  await form.locator("#body-effectDescription1").fill("قميص مخطط أزرق");
  if (withPhoto) await form.locator("#body-effectCamera0").setInputFiles(await cameraPhoto());
  await form.locator('button[type="submit"]').click();
  return `${siteCode}-B001`;
}

async function recordHandover(page: Page, bodyCode: string): Promise<void> {
  const form = page.getByTestId("field-custody-form");
  await form.locator("#custody-remainsRef").selectOption({ label: bodyCode });
  await form.locator("#custody-action").selectOption("transferred");
  await form.locator("#custody-fromParty").fill("فريق الانتشال ب");
  await form.locator("#custody-toParty").fill("مشرحة طرابلس المركزية");
  await form.locator("#custody-place").fill("بوابة الموقع");
  await form.locator("#custody-occurredAt").fill("2021-02-11T10:30");
  await form.locator('button[type="submit"]').click();
}

/** The audit log's entries of one kind of record, as an administrator exports them (CSV text). */
async function auditExport(context: Parameters<typeof openSignedInPage>[0], entity: string): Promise<string> {
  const admin = await openSignedInPage(context, browser.current, server.current, "admin");
  return admin.evaluate(async (kind) => (await fetch(`/api/staff/audit/export?format=csv&lang=en&entity=${kind}`, { method: "POST" })).text(), entity);
}

/** Signs in, opens field capture, chooses the PIN and registers the device. */
async function fieldDevice(context: Parameters<typeof openSignedInPage>[0], withGps: boolean): Promise<Page> {
  const page = await openSignedInPage(context, browser.current, server.current, "forensic", { viewport: PHONE });
  if (withGps) {
    await page.context().grantPermissions(["geolocation"], { origin: server.current.url("/") });
    await page.context().setGeolocation({ latitude: 32.431, longitude: 13.652, accuracy: 8 });
  }
  await page.goto(server.current.url("/ar/staff/field"));
  await page.locator("#field-pin").fill("482913");
  await page.getByTestId("field-pin-form").locator('button[type="submit"]').click();
  await page.locator("#device-label").fill("لوح الفريق ب");
  await page.getByTestId("field-register-form").locator('button[type="submit"]').click();
  await page.getByTestId("field-site-form").waitFor({ state: "visible" });
  return page;
}

describe("field capture offline", () => {
  test("records a site, a body with two effects and a camera photograph, and a custody handover offline, syncs them once when back online (the photograph resumed after a lost answer, never twice), and the registry shows them", async (context) => {
    const page = await fieldDevice(context, true);

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId("field-online").innerText()).toBe("غير متصل");
    const siteCode = await recordSiteWithGps(page);
    await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");
    const bodyCode = await recordBodyWithTwoEffects(page, siteCode, true);
    await recordHandover(page, bodyCode);
    await expect.poll(() => waiting(page)).toBe("3 سجلات بانتظار الإرسال");
    const photo = page.getByTestId("field-photo-item");
    await expect.poll(() => photo.getAttribute("data-state")).toBe("waiting");
    await keepScreenshot(page, context.task.name, "offline", { fullPage: true });

    // The first upload reaches the server, but its answer is lost on the way back (the network drops).
    let uploads = 0;
    await page.route("**/api/staff/effect-photos", async (route) => {
      uploads += 1;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.context().setOffline(false);
    await expect.poll(() => waiting(page)).toBe("لا سجلات بانتظار الإرسال");
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count()).toBe(3);
    await expect.poll(() => uploads).toBe(1);
    await expect.poll(() => photo.innerText()).toContain("تعذّر الوصول إلى الخادم");
    expect(await photo.getAttribute("data-state")).toBe("waiting");

    // Sent again under the same key: the server answers with the photograph it already kept.
    await page.unroute("**/api/staff/effect-photos");
    await page.getByRole("button", { name: "مزامنة الآن" }).click();
    await expect.poll(() => photo.getAttribute("data-state")).toBe("sent");
    // A second sync has nothing to send.
    await page.getByRole("button", { name: "مزامنة الآن" }).click();
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count()).toBe(3);
    expect(await photo.getAttribute("data-state")).toBe("sent");

    await page.goto(server.current.url(`/ar/staff/remains?search=${encodeURIComponent(bodyCode)}`));
    await expect.poll(() => page.getByTestId("remains-table").locator("tbody tr").count()).toBe(1);
    await page.getByTestId("remains-table").getByRole("link", { name: bodyCode }).click();
    await expect.poll(() => page.getByTestId("effects-list").locator("li").count()).toBe(2);
    await expect.poll(() => page.getByTestId("custody-timeline").innerText()).toContain("مشرحة طرابلس المركزية");
    // One photograph of the car key, none of the shirt: the retried upload kept no second copy.
    const effectPhotos = page.getByTestId("effect-photo-item");
    await expect.poll(() => effectPhotos.filter({ hasText: "مفتاح سيارة بحلقة زرقاء" }).locator('[data-testid="effect-photos"] img').count()).toBe(1);
    expect(await effectPhotos.filter({ hasText: "قميص مخطط أزرق" }).locator('[data-testid="effect-photos"] img').count()).toBe(0);

    // Each record's audit entry says it was captured in the field, on which device and when (the
    // export names the fields in words: issue 24, item 2).
    for (const entity of ["grave_site", "remains", "effect_photo"]) {
      const exported = await auditExport(context, entity);
      expect(exported, entity).toContain("Field capture: (none) → Field item:");
    }
    const photoEntries = (await auditExport(context, "effect_photo")).split("\n").filter((line) => line.includes("Field capture:"));
    expect(photoEntries).toHaveLength(1);
    expect(photoEntries[0]).toContain("Captured at:");
    expect(photoEntries[0]).toContain("Field device:");
  });

  test("a field note written offline over a body someone edited on the server meanwhile is shown as a conflict with both versions", async (context) => {
    const page = await fieldDevice(context, true);
    const siteCode = await recordSiteWithGps(page);
    const bodyCode = await recordBodyWithTwoEffects(page, siteCode);
    await page.getByRole("button", { name: "مزامنة الآن" }).click();
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count()).toBe(2);

    await page.context().setOffline(true);
    const note = page.getByTestId("field-note-form");
    await note.locator("#note-noteBody").selectOption({ label: bodyCode });
    await note.locator("#note-fieldNote").fill("جمجمة ثانية بجانب الرفات");
    await note.locator('button[type="submit"]').click();
    await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");

    const colleague = await openSignedInPage(context, browser.current, server.current, "forensic2");
    await colleague.goto(server.current.url(`/ar/staff/remains?search=${encodeURIComponent(bodyCode)}`));
    await colleague.getByTestId("remains-table").getByRole("link", { name: bodyCode }).click();
    await colleague.waitForURL(/\/ar\/staff\/remains\/[0-9a-f-]{36}$/);
    await colleague.goto(`${colleague.url()}/edit`);
    await colleague.locator("#notes").fill("أُرسلت الجمجمة إلى المختبر");
    await colleague.getByTestId("remains-form").locator('button[type="submit"]').click();
    await colleague.waitForURL(/saved=1/);

    await page.context().setOffline(false);
    const conflict = page.getByTestId("field-conflict");
    await conflict.waitFor({ state: "visible" });
    await expect.poll(() => conflict.getByTestId("field-conflict-theirs").innerText()).toBe("أُرسلت الجمجمة إلى المختبر");
    await expect.poll(() => conflict.getByTestId("field-conflict-mine").innerText()).toBe("جمجمة ثانية بجانب الرفات");
    await keepScreenshot(page, context.task.name, "conflict", { fullPage: true });
  });

  test("a sync started the moment a body is saved keeps the body on the device: it can be given a note, and the site's next body code moves on", async (context) => {
    const page = await fieldDevice(context, true);
    const siteCode = await recordSiteWithGps(page);
    await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");

    // A slow device: sealing a record in its store takes 1.5 s, so the body is listed in the queue
    // well before what it changes on the device (its code used, the body known) is sealed too.
    await page.evaluate(() => {
      const seal = crypto.subtle.encrypt.bind(crypto.subtle);
      crypto.subtle.encrypt = async (...args: Parameters<SubtleCrypto["encrypt"]>) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return seal(...args);
      };
    });
    const bodyCode = await recordBodyWithTwoEffects(page, siteCode);
    await expect.poll(() => waiting(page)).toBe("سجلان بانتظار الإرسال");
    // The examiner taps "sync now" at once.
    await page.getByRole("button", { name: "مزامنة الآن" }).click();
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count(), { timeout: 60_000 }).toBe(2);

    await expect.poll(() => page.getByTestId("field-note-form").locator("#note-noteBody option").allInnerTexts()).toEqual([bodyCode]);
    const bodyForm = page.getByTestId("field-body-form");
    await bodyForm.locator("#body-siteRef").selectOption({ label: `${siteCode} — مكب القمامة الشرقي` });
    await expect.poll(() => bodyForm.locator("#body-code").inputValue()).toBe(`${siteCode}-B002`);
  });

  test("with the network off and the browser started again, field capture opens from the device: the PIN opens the encrypted queue and the forms still record; no staff page was kept", async (context) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "field-profile-"));
    context.onTestFinished(() => fs.rmSync(profile, { recursive: true, force: true }));
    const first = await launchBrowserWithProfile(profile, PHONE);
    try {
      const page = await first.newPage();
      await page.goto(server.current.url("/ar/login"));
      await page.locator("#username").fill("forensic");
      await page.locator("#password").fill("demo-password");
      await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
      await page.goto(server.current.url("/ar/staff/field"));
      await page.locator("#field-pin").fill("482913");
      await page.getByTestId("field-pin-form").locator('button[type="submit"]').click();
      await page.locator("#device-label").fill("لوح الفريق ج");
      await page.getByTestId("field-register-form").locator('button[type="submit"]').click();
      await page.getByTestId("field-site-form").waitFor({ state: "visible" });
      // Installed: the worker is active once everything it keeps is kept.
      await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
      await first.setOffline(true);
      const form = page.getByTestId("field-site-form");
      await form.locator("#site-nameAr").fill("حقل الزيتون");
      await form.locator("#site-nameEn").fill("Olive field");
      await form.locator("#site-discoveredOn").fill("2021-03-01");
      await form.locator("#site-latitude").fill("32.43");
      await form.locator("#site-longitude").fill("13.63");
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");
    } finally {
      await first.close();
    }

    const second = await launchBrowserWithProfile(profile, PHONE);
    try {
      await second.setOffline(true);
      const page = await second.newPage();
      await page.goto(server.current.url("/ar/staff/field"));
      await page.locator("#field-pin").fill("482913");
      await page.getByTestId("field-pin-form").locator('button[type="submit"]').click();
      await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");
      expect(await page.getByTestId("field-online").innerText()).toBe("غير متصل");
      const form = page.getByTestId("field-site-form");
      await form.locator("#site-nameAr").fill("الطريق الزراعي");
      await form.locator("#site-nameEn").fill("Farm road");
      await form.locator("#site-discoveredOn").fill("2021-03-02");
      await form.locator("#site-latitude").fill("32.44");
      await form.locator("#site-longitude").fill("13.64");
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => waiting(page)).toBe("سجلان بانتظار الإرسال");
      await keepScreenshot(page, context.task.name, "reopened-offline", { fullPage: true });
      // The kept shell has no staff navigation (no name), and no staff page or API answer was kept.
      expect(await page.locator("[data-staff-shell]").count()).toBe(0);
      const keptUrls = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls;
      });
      expect(keptUrls).toContain("/ar/field-shell");
      expect(keptUrls.filter((url) => url.includes("/staff/") || url.startsWith("/api/"))).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
