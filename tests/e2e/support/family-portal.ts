import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import arabic from "@/lib/i18n/messages/ar";

/** axe's violations on the page as rule and elements, so a failure names what to fix. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

/** Fills the Arabic family sign-in form as a family would, and sends it. */
export async function signInToPortal(page: Page, reference: string, code: string): Promise<void> {
  const form = page.getByTestId("family-sign-in-form");
  await form.getByLabel(arabic.FamilyPortal.referenceLabel).fill(reference);
  await form.getByLabel(arabic.FamilyPortal.codeLabel).fill(code);
  await form.locator('button[type="submit"]').click();
}
