import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage, PHONE } from "./support/open-page";
import { screenshotPath } from "./support/screenshots";

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

async function recordBodyWithTwoEffects(page: Page, siteCode: string): Promise<string> {
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
  test("records a site, a body with two effects and a custody handover offline, syncs them once when back online, and the registry shows them", async (context) => {
    const page = await fieldDevice(context, true);

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId("field-online").innerText()).toBe("غير متصل");
    const siteCode = await recordSiteWithGps(page);
    await expect.poll(() => waiting(page)).toBe("سجل واحد بانتظار الإرسال");
    const bodyCode = await recordBodyWithTwoEffects(page, siteCode);
    await recordHandover(page, bodyCode);
    await expect.poll(() => waiting(page)).toBe("3 سجلات بانتظار الإرسال");
    await page.screenshot({ path: screenshotPath(context.task.name, "offline"), fullPage: true });

    await page.context().setOffline(false);
    await expect.poll(() => waiting(page)).toBe("لا سجلات بانتظار الإرسال");
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count()).toBe(3);
    // A second sync has nothing to send.
    await page.getByRole("button", { name: "مزامنة الآن" }).click();
    await expect.poll(() => page.locator('[data-testid="field-queue-item"][data-state="applied"]').count()).toBe(3);

    await page.goto(server.current.url(`/ar/staff/remains?search=${encodeURIComponent(bodyCode)}`));
    await expect.poll(() => page.getByTestId("remains-table").locator("tbody tr").count()).toBe(1);
    await page.getByTestId("remains-table").getByRole("link", { name: bodyCode }).click();
    await expect.poll(() => page.getByTestId("effects-list").locator("li").count()).toBe(2);
    await expect.poll(() => page.getByTestId("custody-timeline").innerText()).toContain("مشرحة طرابلس المركزية");
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
    await page.screenshot({ path: screenshotPath(context.task.name, "conflict"), fullPage: true });
  });
});
