import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test, type TestContext } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { familySamplingGains, familySamplingPeople } from "@/db/schema";
import { loadSamplingInputs } from "@/lib/dna-profiles/sampling-inputs";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { refreshSamplingWorklist } from "@/lib/sampling-worklist/refresh";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

// On PostgreSQL, so that the sampling refresh can store results for the page to read before it is opened.
const server = appServerForThisFile({ database: "postgres" });
const browser = browserForThisFile();
const WORKLIST = "/ar/staff/kinship/sampling-worklist";
const WORKLIST_EN = "/en/staff/kinship/sampling-worklist";
/** Families refreshed before the tests: a whole demo refresh takes minutes, these a few seconds of CPU. */
const FAMILIES = 8;

const signedInPage = (context: TestContext, username: string): Promise<Page> => openSignedInPage(context, browser.current, server.current, username);

beforeAll(async () => {
  const url = server.current.databaseUrl;
  if (!url) throw new Error("the server was expected to run on PostgreSQL");
  const handle = await openDatabase({ kind: "postgres", url }, { maxConnections: 2 });
  try {
    const inputs = await loadSamplingInputs(handle.db);
    const familyIds = [...(inputs?.families.keys() ?? [])].slice(0, FAMILIES);
    const result = await refreshSamplingWorklist(handle.db, "e2e", { familyIds });
    expect(result.done).toBe(familyIds.length);
  } finally {
    await handle.close();
  }
}, 600_000);

/** Issue #22, point 6: the office's work list of the samples to ask for next, for forensic staff only. */
describe("the sampling work list", () => {
  test("forensic staff see the top relatives, labelled as simulation estimates, and open an invitation letter, in Arabic", async (context) => {
    const page = await signedInPage(context, "forensic");
    await page.goto(server.current.url(WORKLIST));
    await expect.poll(() => page.locator("h1").innerText()).toBe(arabic.Kinship.worklist.title);
    // The label says the figures are simulation estimates (the note's first words, before the count).
    const estimateLabel = arabic.Kinship.worklist.estimateNote.split(":")[0] ?? "";
    expect(estimateLabel.length).toBeGreaterThan(5);
    expect(await page.getByTestId("sampling-worklist-estimate").innerText()).toContain(estimateLabel);
    const rows = page.getByTestId("sampling-worklist-entry");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Each row's powers carry their standard error.
    expect(await rows.first().innerText()).toMatch(/±/);
    await rows.first().getByTestId("sampling-worklist-invitation").click();
    await page.waitForURL((url) => /\/ar\/staff\/donors\/[0-9a-f-]{36}\/invitation$/.test(url.pathname));
    await expect.poll(() => page.locator("body").innerText()).toContain(arabic.People.invitation.title);
  });

  test("a gain simulated at θ = 0 (a pedigree too wide for the exact θ sum) says so in its row, in Arabic and in English", async (context) => {
    const page = await signedInPage(context, "forensic");
    await page.goto(server.current.url(WORKLIST));
    const rows = page.getByTestId("sampling-worklist-entry");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // None of the refreshed families is that wide: every row says nothing of θ until one is stored at θ = 0.
    expect(await page.getByTestId("sampling-worklist-theta").count()).toBe(0);
    const href = (await rows.first().getByTestId("sampling-worklist-invitation").getAttribute("href")) ?? "";
    const donorId = /donors\/([0-9a-f-]{36})\//.exec(href)?.[1] ?? "";
    const url = server.current.databaseUrl ?? "";
    const handle = await openDatabase({ kind: "postgres", url }, { maxConnections: 1 });
    try {
      const [gain] = await handle.db.select({ familyId: familySamplingGains.familyId }).from(familySamplingGains).where(eq(familySamplingGains.donorId, donorId)).limit(1);
      expect(gain).toBeDefined();
      // As the refresh stores a family with more than 6 founder genes (lib/kinship/dvi/sampling-advice.ts, simulationOptions).
      await handle.db.update(familySamplingPeople).set({ simulationTheta: 0 }).where(eq(familySamplingPeople.familyId, gain?.familyId ?? ""));
    } finally {
      await handle.close();
    }
    const before = (template: string) => template.split("{simulated}")[0]?.trim() ?? "";
    expect(before(arabic.Kinship.worklist.simulatedAtTheta).length).toBeGreaterThan(5);
    for (const [path, messages] of [
      [WORKLIST, arabic],
      [WORKLIST_EN, english],
    ] as const) {
      await page.goto(server.current.url(path));
      const row = page.getByTestId("sampling-worklist-entry").filter({ has: page.locator(`a[href$="/staff/donors/${donorId}/invitation"]`) });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.getByTestId("sampling-worklist-theta").innerText()).toContain(before(messages.Kinship.worklist.simulatedAtTheta));
    }
  });

  for (const role of ["registrar", "viewer"]) {
    test(`a ${role}, who may not read DNA profiles, is refused`, async (context) => {
      const page = await signedInPage(context, role);
      await page.goto(server.current.url(WORKLIST));
      await expect.poll(() => page.getByTestId("forbidden").innerText()).toContain(arabic.Staff.forbiddenTitle);
      expect(await page.getByTestId("sampling-worklist").count()).toBe(0);
    });
  }
});
