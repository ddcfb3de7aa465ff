import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { openSignedInPage } from "./support/open-page";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { keepScreenshot } from "./support/screenshots";
import { searchAsStaff } from "./support/staff-search";

const server = appServerForThisFile();
const browser = browserForThisFile();

const FAMILY_NAME = "الزقزوقي";
const BROTHERS = [
  { givenName: "مصطفى", fatherName: "إبراهيم", grandfatherName: "الطاهر" },
  { givenName: "يوسف", fatherName: "إبراهيم", grandfatherName: "الطاهر" },
] as const;

const signedInPage = (context: TestContext): Promise<Page> =>
  openSignedInPage(context, browser.current, server.current, "registrar", { timeoutMs: 20_000 });

async function registerFamily(page: Page): Promise<string> {
  await page.goto(server.current.url("/ar/staff/families/new"));
  // The suggested reference is filled in by the form once it has hydrated: wait for it.
  await expect.poll(() => page.locator("#reference").inputValue()).toMatch(/^TRH-F-\d{4}$/);
  const reference = await page.locator("#reference").inputValue();
  await page.locator("#contactName").fill(`سالم إبراهيم ${FAMILY_NAME}`);
  await page.locator('[data-testid="family-form"] button[type="submit"]').click();
  await page.waitForURL((url) => /\/ar\/staff\/families\/[0-9a-f-]{36}$/.test(url.pathname));
  return reference;
}

async function addBrother(page: Page, brother: (typeof BROTHERS)[number]): Promise<void> {
  const form = page.getByTestId("missing-person-form");
  if (!(await form.isVisible())) await page.locator("summary", { hasText: "إضافة مفقود" }).click();
  await form.locator("#givenName").fill(brother.givenName);
  await form.locator("#fatherName").fill(brother.fatherName);
  await form.locator("#grandfatherName").fill(brother.grandfatherName);
  await form.locator("#familyName").fill(FAMILY_NAME);
  await form.locator("#birthYear").fill(brother.givenName === "مصطفى" ? "1988" : "1992");
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("family-members").getByText(brother.givenName).waitFor();
}

async function addMotherWithSample(page: Page): Promise<void> {
  await page.locator("summary", { hasText: "إضافة متبرع" }).click();
  const donorForm = page.getByTestId("donor-form");
  await donorForm.locator("#donor-givenName").fill("عائشة");
  await donorForm.locator("#donor-familyName").fill("الفيتوري");
  await donorForm.locator("#relationship-0").selectOption("mother");
  await donorForm.locator("#relationship-1").selectOption("mother");
  await donorForm.locator('button[type="submit"]').click();
  const donor = page.getByTestId("donor");
  await donor.waitFor();
  await donor.locator("summary").click();
  // A scanner types the barcode and presses Enter: that must not submit the form half filled.
  await donor.locator('input[id$="-barcode"]').fill("TRH-DNA-R-990001");
  await donor.locator('input[id$="-barcode"]').press("Enter");
  await donor.locator('input[type="checkbox"]').check();
  await donor.locator('input[id$="-consentFormRef"]').fill("CF-E2E-1");
  await donor.locator('[data-testid="sample-form"] button[type="submit"]').click();
  await donor.getByTestId("receipt-link").waitFor();
}

async function registerReport(page: Page): Promise<void> {
  await page.goto(server.current.url("/ar/staff/reports/new"));
  await page.locator("#reportNumber").fill(`E2E-${Date.now()}`);
  await page.locator("#reporterName").fill(`سالم إبراهيم ${FAMILY_NAME}`);
  await page.locator("#reporterRelationship").fill("أخ");
  for (const brother of BROTHERS) {
    await page.locator("#person-search").fill(`${brother.givenName} ${FAMILY_NAME}`);
    await page.getByTestId("person-search-results").getByRole("button", { name: new RegExp(brother.givenName) }).first().click();
  }
  await expect.poll(() => page.getByTestId("chosen-persons").locator("li").count()).toBe(2);
  await page.locator('[data-testid="police-report-form"] button[type="submit"]').click();
  await page.waitForURL(/\/ar\/staff\/reports\/[0-9a-f-]{36}\?saved=1$/);
  await page.getByTestId("saved-notice").waitFor();
}

describe("people records", () => {
  test("a registrar registers a family's report, the mother's sample and prints her receipt; search finds a brother by a variant spelling and shows which parts matched", async (context) => {
    const page = await signedInPage(context);
    const reference = await registerFamily(page);
    const familyPath = new URL(page.url()).pathname;
    for (const brother of BROTHERS) await addBrother(page, brother);
    await addMotherWithSample(page);

    await registerReport(page);

    await page.goto(server.current.url(familyPath));
    await page.addInitScript(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.getByTestId("receipt-link").click();
    await page.getByTestId("sample-receipt").waitFor();
    await expect.poll(() => page.getByTestId("receipt-family-reference").first().innerText()).toBe(reference);
    // Not "مرجع لـ: مصطفى … (الأم)", which read as if the missing man were the mother (issue 24).
    const arabicReceipt = page.locator('[data-testid="sample-receipt"] article[lang="ar"]');
    await expect.poll(() => arabicReceipt.innerText()).toContain("صلة المتبرعة بالمفقود");
    await expect.poll(() => arabicReceipt.getByTestId("receipt-relationship").allInnerTexts()).toEqual(["الأم", "الأم"]);
    const brothersInFull = BROTHERS.map((brother) => `${brother.givenName} ${brother.fatherName} ${brother.grandfatherName} ${FAMILY_NAME}`);
    await expect.poll(async () => (await arabicReceipt.getByTestId("receipt-missing-person").allInnerTexts()).map((text) => text.replace(/\s*\(.*$/, "")).sort()).toEqual([...brothersInFull].sort());
    await page.reload();
    await page.getByTestId("print-receipt").click();
    await expect.poll(() => page.locator("body").getAttribute("data-printed")).toBe("yes");
    await keepScreenshot(page, context.task.name, "receipt", { fullPage: true });

    await searchAsStaff(page, server.current, "مصطفي ابراهيم الطاهر الزقزوقى");
    const first = page.getByTestId("search-result").first();
    await first.waitFor();
    await expect.poll(() => first.innerText()).toContain("مصطفى إبراهيم الطاهر الزقزوقي");
    // Which parts matched, not merely "name" (issue 31): every part typed, each the same name.
    await expect.poll(() => first.getByTestId("matched-parts").innerText()).toMatch(/الاسم ✓ · الأب ✓ · الجد ✓ · العائلة ✓/);
  });
});
