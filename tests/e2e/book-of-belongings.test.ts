import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { generateDemoDataset } from "@/lib/demo/generate";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { axeViolations, signInToPortal } from "./support/family-portal";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openAppPage, openSignedInPage, PHONE } from "./support/open-page";
import { keepScreenshot } from "./support/screenshots";

const server = appServerForThisFile();
const browser = browserForThisFile();

const belongings = english.Belongings;
const [SEVEN_MISSING, REMOTE_VIEWING] = DEMO_FAMILY_ACCESS;

/** The demo's ids are fixed by its seeded generator: a body with effects, and the family of seven missing. */
function demoSubjects() {
  const dataset = generateDemoDataset("not-a-real-hash");
  const effect = dataset.personalEffects[0];
  const family = dataset.families.find((candidate) => candidate.reference === SEVEN_MISSING.reference);
  if (!effect || !family) throw new Error("the demo has no effect or no family TRH-F-0018");
  return { remainsId: effect.remainsId, familyId: family.id };
}

/** A phone's photograph: the camera's make and the GPS position in its EXIF block. */
function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: "#2b5a8a" } })
    .jpeg()
    .withExif({ IFD0: { Make: "TarhunaTestCam", Model: "GPS-9" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "32/1 26/1 0/1" } })
    .toBuffer();
}

/** The width the browser decoded an image at, 0 until it has loaded (or when it could not be loaded). */
function loadedWidth(image: Locator): Promise<number> {
  return image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0));
}

/** Sends a file through the effect's upload form as a person picks it in the file dialog. */
async function uploadThrough(item: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await item.locator('input[type="file"]').setInputFiles(file);
  await item.getByRole("button", { name: belongings.uploadButton }).click();
}

describe("the Book of Belongings", () => {
  test("a forensic user adds a photograph to an effect from a file and sees its thumbnail; the stored file has no EXIF; a non-image is refused in words", async (context) => {
    const { remainsId } = demoSubjects();
    const page = await openSignedInPage(context, browser.current, server.current, "forensic");
    await page.goto(server.current.url(`/en/staff/remains/${remainsId}`));
    const item = page.getByTestId("effect-photo-item").first();
    const photos = item.locator('[data-testid="effect-photos"] img');
    const before = await photos.count();

    const refusedBytes = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\n");
    await uploadThrough(item, { name: "notes.jpg", mimeType: "image/jpeg", buffer: refusedBytes });
    await expect.poll(() => item.getByText(belongings.photoRefusals.notImage).count()).toBe(1);
    await keepScreenshot(page, context.task.name, "refused", { fullPage: true });
    expect(await photos.count()).toBe(before);

    await uploadThrough(item, { name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
    const kept = item.getByTestId("photo-kept");
    await kept.waitFor();
    const sha256 = (await kept.innerText()).match(/[0-9a-f]{64}/)?.[0];
    await expect.poll(() => photos.count()).toBe(before + 1);
    // The new thumbnail is the last one, served by the staff route and decoded by the browser: 360 px at most.
    const thumbnail = photos.last();
    await expect.poll(() => loadedWidth(thumbnail)).toBeGreaterThan(0);
    expect(await loadedWidth(thumbnail)).toBeLessThanOrEqual(360);
    expect(await item.getByText(belongings.photoRefusals.notImage).count()).toBe(0);
    await keepScreenshot(page, context.task.name, "thumbnail", { fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The kept original on disk: the SHA-256 the page showed, no EXIF or GPS block left in it.
    const photoId = (await thumbnail.getAttribute("src"))?.match(/effect-photos\/([0-9a-f-]{36})\//)?.[1];
    const dataDirectory = server.current.dataDirectory;
    if (!photoId || !dataDirectory) throw new Error("no photo id in the thumbnail's address, or no data folder");
    const stored = fs.readFileSync(path.join(dataDirectory, "media", "effects", photoId, "original.jpg"));
    expect(createHash("sha256").update(stored).digest("hex")).toBe(sha256);
    expect(stored.includes("Exif")).toBe(false);
    expect(stored.includes("TarhunaTestCam")).toBe(false);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
  });

  test("a registrar runs a supervised viewing session and records a recognition, which waits in the forensic queue as a lead", async (context) => {
    const { familyId } = demoSubjects();
    const page = await openSignedInPage(context, browser.current, server.current, "registrar");
    await page.goto(server.current.url(`/en/staff/families/${familyId}`));
    await page.getByTestId("open-viewing").click();
    await page.waitForURL((url) => url.pathname.includes("/staff/belongings/viewing/"));

    // The content warning comes first, and nothing of the catalogue is shown behind it.
    await page.getByTestId("content-warning").waitFor();
    expect(await page.getByTestId("viewing-item").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, context.task.name, "warning", { fullPage: true });
    await page.getByTestId("accept-warning").click();
    const items = page.getByTestId("viewing-item");
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    // What the family sees names no grave site or body.
    expect(await page.getByTestId("viewing-items").innerText()).not.toMatch(/TRH-GS-/);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, context.task.name, "catalogue", { fullPage: true });

    // A pause hides everything at once, and the family continues when ready.
    await page.getByTestId("pause-viewing").click();
    await page.getByTestId("viewing-paused").waitFor();
    expect(await items.count()).toBe(0);
    await page.getByTestId("pause-viewing").click();
    await expect.poll(() => items.count()).toBeGreaterThan(0);

    const item = items.first();
    await item.getByTestId("recognise-item").click();
    const form = item.getByTestId("recognition-form");
    const relative = "فاطمة، أخته";
    const words = "هذا القميص خاطته أمي له قبل العيد";
    // The family's missing relatives are offered; the last one is chosen, named "name (case number)".
    const choice = form.getByLabel(belongings.viewing.missingPerson);
    const chosen = (await choice.locator("option").last().innerText()).trim();
    await choice.selectOption({ label: chosen });
    const caseNumber = chosen.match(/\(([^)]+)\)$/)?.[1];
    if (!caseNumber) throw new Error(`no case number in "${chosen}"`);
    await form.getByLabel(belongings.viewing.recognisedBy).fill(relative);
    await form.getByLabel(belongings.viewing.words).fill(words);
    await form.getByRole("button", { name: belongings.viewing.record }).click();
    await expect.poll(() => form.getByText(belongings.viewing.recorded).count()).toBe(1);

    // The forensic team finds it in its queue: a lead in the relative's words, not an identification.
    const forensic = await openSignedInPage(context, browser.current, server.current, "forensic");
    await forensic.goto(server.current.url("/en/staff/belongings/leads"));
    const lead = forensic.getByTestId("queued-recognition").filter({ hasText: words });
    await expect.poll(() => lead.count()).toBe(1);
    expect(await lead.innerText()).toContain(`Tentatively recognised by ${relative}`);
    expect(await lead.innerText()).toContain(caseNumber);
    expect(await forensic.locator("main").innerText()).toContain(belongings.leads.notIdentification);
    expect(await axeViolations(forensic)).toEqual([]);
    await keepScreenshot(forensic, context.task.name, "queue", { fullPage: true });
  });

  test("a family with remote viewing sees the catalogue in the portal after a content warning; a family without it does not", async (context) => {
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(page, REMOTE_VIEWING.reference, REMOTE_VIEWING.code);
    await page.getByTestId("portal-belongings-link").click();
    await page.waitForURL((url) => url.pathname === "/ar/family/belongings");
    await page.getByTestId("content-warning").waitFor();
    expect(await page.getByTestId("portal-item").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("accept-warning").click();
    const items = page.getByTestId("portal-item");
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect(await page.getByTestId("portal-items").innerText()).not.toMatch(/TRH-GS-/);
    // Leafed through by category, each under a heading naming it and its count in words.
    await expect.poll(() => page.locator('[data-testid="catalogue-category"] h2').first().innerText()).toMatch(/·/);
    // The demo's drawings load through the portal's own photo route.
    const thumbnail = page.locator('[data-testid="portal-items"] img').first();
    await thumbnail.scrollIntoViewIfNeeded();
    await expect.poll(() => loadedWidth(thumbnail)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, context.task.name, "portal", { fullPage: true });

    // "I think I recognise this" sends the lead to the office.
    const item = items.first();
    await item.getByText(arabic.Belongings.portal.recognise).click();
    await item.getByLabel(arabic.Belongings.portal.who).fill("عائشة، زوجته");
    await item.getByRole("button", { name: arabic.Belongings.portal.send }).click();
    await page.getByTestId("recognition-sent").waitFor();

    // A family whose remote viewing is off sees no link, and the address finds nothing.
    const other = await openAppPage(context, browser.current, server.current, "/ar/family", PHONE);
    await signInToPortal(other, SEVEN_MISSING.reference, SEVEN_MISSING.code);
    await other.getByTestId("family-heading").waitFor();
    expect(await other.getByTestId("portal-belongings-link").count()).toBe(0);
    const refused = await other.goto(server.current.url("/ar/family/belongings"));
    expect(refused?.status()).toBe(404);
    expect(await other.getByTestId("portal-item").count()).toBe(0);
    expect(await other.getByTestId("content-warning").count()).toBe(0);
    await keepScreenshot(other, context.task.name, "no-remote-viewing", { fullPage: true });

    // Each remote viewing is in the audit trail, by the family.
    const admin = await openSignedInPage(context, browser.current, server.current, "admin");
    await admin.goto(server.current.url(`/en/staff/audit?actor=${encodeURIComponent(`family ${REMOTE_VIEWING.reference}`)}`));
    await expect.poll(() => admin.getByTestId("audit-table").innerText()).toContain(english.Audit.actions.familyBelongings.portalViewing);
  });
});
