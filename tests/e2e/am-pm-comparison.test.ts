import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { generateDemoDataset } from "@/lib/demo/generate";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** The demo's ids are fixed by its seeded generator: the person with the featured AM record, and a body nobody has examined yet. */
function demoSubjects() {
  const dataset = generateDemoDataset("not-a-real-hash");
  const featured = dataset.antemortemRecords[0];
  const person = dataset.missingPersons.find((candidate) => candidate.id === featured?.missingPersonId);
  const identified = new Set(dataset.identifications.map((row) => row.remainsId));
  const examined = new Set(dataset.postmortemRecords.map((row) => row.remainsId));
  const age = featured?.ageAtDisappearance ?? null;
  // A body the featured person is not excluded from: male or unknown sex, an age range that holds his age.
  const body = dataset.remains.find(
    (candidate) =>
      !identified.has(candidate.id) &&
      !examined.has(candidate.id) &&
      candidate.estimatedSex !== "female" &&
      (age === null || ((candidate.ageMin ?? 0) <= age && age <= (candidate.ageMax ?? 110))),
  );
  if (!person || !body) throw new Error("the demo has no featured AM record or no unexamined body");
  return { person, body };
}

const signedInPage = (context: TestContext, username: string): Promise<Page> => openSignedInPage(context, browser.current, server.current, username);

describe("AM/PM comparison", () => {
  test("a forensic user enters a body's postmortem findings and the matching missing person ranks first, with reasons", async (context) => {
    const { person, body } = demoSubjects();
    const page = await signedInPage(context, "forensic");
    await page.goto(server.current.url(`/en/staff/remains/${body.id}`));
    await page.getByTestId("edit-postmortem").click();
    await page.waitForURL((url) => url.pathname.endsWith("/postmortem"));
    const form = page.getByTestId("postmortem-form");
    await form.locator("#statureMinCm").fill("170");
    await form.locator("#statureMaxCm").fill("178");
    await page.getByTestId("add-marks").click();
    await page.locator("#marks-0-type").selectOption("tattoo");
    await page.locator("#marks-0-region").selectOption("right_arm");
    await page.getByTestId("add-teeth").click();
    await page.locator("#teeth-0-tooth").fill("36");
    await page.locator("#teeth-0-condition").selectOption("crowned");
    await page.getByTestId("add-belongings").click();
    await page.locator("#belongings-0-category").selectOption("outerwear");
    await page.locator("#belongings-0-colour").selectOption("green");
    await page.locator("#belongings-0-material").selectOption("synthetic");
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `/en/staff/remains/${body.id}`);

    const leads = page.getByTestId("non-dna-leads");
    await expect.poll(() => leads.innerText()).toContain("not a likelihood ratio");
    const first = page.getByTestId("non-dna-lead").first();
    await expect.poll(() => first.innerText()).toContain(person.caseNumber);
    const reasons = await first.innerText();
    expect(reasons).toContain("Mark: Tattoo, Right arm");
    expect(reasons).toContain("Tooth 36: Crowned on both");
    expect(reasons).toContain("Coat or jacket");
    await expect.poll(() => page.getByTestId("postmortem-summary").innerText()).toContain("170–178 cm");
  });
});
