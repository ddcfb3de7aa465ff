import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = appServerForThisFile();
const browser = browserForThisFile();
const t = arabic.Pedigree;

/** Moves a focused select's choice with the arrow keys until it holds the option whose text is `text`. */
async function chooseWithKeyboard(page: Page, select: Locator, text: string): Promise<void> {
  const wanted = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.focus();
  for (let step = 0; step < 30 && (await select.inputValue()) !== wanted; step += 1) await page.keyboard.press("ArrowDown");
  expect(await select.inputValue()).toBe(wanted);
}

describe("a family's pedigree page", () => {
  test("a registrar draws a pedigree up with the keyboard: adds the missing man's dead father and sets him as his father, and the chart and its text alternative show it", async (context) => {
    const page = await openSignedInPage(context, browser.current, server.current);
    await page.goto(server.current.url("/ar/staff/families?q=TRH-F-0018"));
    // TRH-F-0018: the demo family with seven missing persons.
    const href = (await page.getByTestId("family-rows").locator("tr", { hasText: "TRH-F-0018" }).locator("a").first().getAttribute("href")) ?? "";
    await page.goto(server.current.url(href));
    // From the family's page to its pedigree, by the keyboard, once the page's scripts have loaded
    // (focus given before hydration could be lost to it, and Enter then pressed on nothing).
    await page.waitForLoadState("networkidle");
    const pedigreeLink = page.getByTestId("family-pedigree-link");
    await pedigreeLink.focus();
    await expect.poll(() => pedigreeLink.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.endsWith("/pedigree"), { timeout: 30_000 });
    const chart = page.getByTestId("pedigree-chart");
    await chart.waitFor();
    await page.getByRole("heading", { level: 1 }).waitFor();

    const create = page.getByTestId("create-pedigree");
    if ((await create.count()) > 0) {
      await expect.poll(() => create.isEnabled()).toBe(true);
      await create.focus();
      await page.keyboard.press("Enter");
    }
    const addForm = page.getByTestId("pedigree-add-form");
    await addForm.waitFor();
    await expect.poll(() => addForm.locator("fieldset").isEnabled()).toBe(true);

    const symbolsBefore = await page.getByTestId("pedigree-symbol").count();
    const missingBefore = await page.locator('[data-testid="pedigree-symbol"][data-kind="missing"]').count();
    expect(missingBefore).toBeGreaterThan(0);

    // Add an untyped man: type who he is, Tab to his sex (male is the first choice), Enter to submit.
    const label = `الأب المتوفى ${Date.now() % 1000}`;
    await addForm.getByLabel(t.labelField).focus();
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("pedigree-symbol").count()).toBe(symbolsBefore + 1);
    await expect.poll(() => page.getByTestId("pedigree-text-alternative").innerText()).toContain(label);

    // Open the first missing person's row (named as the text alternative names them) and set his father.
    const lines = (await page.getByTestId("pedigree-text-alternative").innerText()).split("\n");
    const nameOf = (line: string) => line.slice(0, line.indexOf(" ("));
    // Brothers in the demo family may share a full name: take a missing person named only once.
    const missingLine = lines.find((line) => line.includes(`(${t.kind.missing}،`) && lines.filter((other) => nameOf(other) === nameOf(line)).length === 1) ?? "";
    const missingName = missingLine.slice(0, missingLine.indexOf(` (${t.kind.missing}`));
    expect(missingName).not.toBe("");
    const row = page.getByTestId("pedigree-person-row").filter({ has: page.locator("th").getByText(missingName, { exact: true }) });
    const edit = row.getByRole("button", { name: t.editPerson.replace("{name}", missingName), exact: true });
    await edit.focus();
    await page.keyboard.press("Enter");
    const editForm = page.getByTestId("pedigree-edit-form");
    await editForm.waitFor();
    await expect.poll(() => editForm.locator("fieldset").isEnabled()).toBe(true);
    await chooseWithKeyboard(page, editForm.getByLabel(t.father, { exact: true }), label);
    await editForm.getByRole("button", { name: t.save }).focus();
    await page.keyboard.press("Enter");
    await editForm.waitFor({ state: "detached" });

    // The chart now joins them, and the text alternative says who his father is.
    const alternative = page.getByTestId("pedigree-text-alternative");
    await expect.poll(() => alternative.innerText()).toContain(`الأب ${label}`);
    const after = (await alternative.innerText()).split("\n");
    expect(after.some((line) => line.startsWith(`${missingName} (`) && line.includes(`الأب ${label}`))).toBe(true);
    const svg = chart.locator('svg[role="img"]');
    expect(await svg.getAttribute("aria-describedby")).toBe("pedigree-text-alternative");
    expect(await chart.locator("svg title").textContent()).toBe(t.chartTitle);
    expect(await chart.locator("polyline").count()).toBeGreaterThan(0);
  });
});
