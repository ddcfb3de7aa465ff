import type { Page } from "playwright-core";
import { STAFF_AREAS } from "@/components/staff/staff-areas";
import arabic from "@/lib/i18n/messages/ar";

export type StaffAreaPath = (typeof STAFF_AREAS)[number]["href"];

/**
 * The heading of each staff area this issue built, in Arabic. Areas added later are still visited
 * and must show a page of their own (not the refusal); only their heading is not checked here.
 */
export const ARABIC_AREA_HEADINGS: Partial<Record<StaffAreaPath, string>> = {
  "/staff": arabic.Staff.dashboardTitle,
  "/staff/sites": arabic.GraveSites.title,
  "/staff/remains": arabic.Remains.title,
  "/staff/users": arabic.Users.title,
  "/staff/audit": arabic.Audit.title,
  "/staff/account/password": arabic.Account.title,
};

interface UsernameAndPassword {
  username: string;
  password: string;
}

/** Fills the sign-in form the way a person does: by its labels, then the submit button. */
export async function submitSignInForm(page: Page, labels: UsernameAndPassword, credentials: UsernameAndPassword): Promise<void> {
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel(labels.username).fill(credentials.username);
  await form.getByLabel(labels.password).fill(credentials.password);
  await form.locator('button[type="submit"]').click();
}

/** The pathnames the staff navigation links to, in the order shown. */
export async function navigationPathnames(page: Page): Promise<string[]> {
  const navigation = page.getByTestId("staff-navigation");
  await navigation.waitFor({ state: "visible" });
  const hrefs = await navigation.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => new URL(href, "http://placeholder").pathname);
}

export async function mainHeading(page: Page): Promise<string> {
  const heading = page.locator("main h1").first();
  await heading.waitFor({ state: "visible" });
  return (await heading.innerText()).trim();
}

/** The text of the sign-in form's error message once it is shown. */
export async function signInErrorMessage(page: Page): Promise<string> {
  const alert = page.getByTestId("sign-in-form").getByRole("alert");
  await alert.waitFor({ state: "visible" });
  return (await alert.innerText()).trim();
}
