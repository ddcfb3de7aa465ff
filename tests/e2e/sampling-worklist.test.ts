import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test, type TestContext } from "vitest";
import { openDatabase } from "@/db/client";
import { loadSamplingInputs } from "@/lib/dna-profiles/sampling-inputs";
import arabic from "@/lib/i18n/messages/ar";
import { refreshSamplingWorklist } from "@/lib/sampling-worklist/refresh";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

// On PostgreSQL, so that the sampling refresh can store results for the page to read before it is opened.
const server = appServerForThisFile({ database: "postgres" });
const browser = browserForThisFile();
const WORKLIST = "/ar/staff/kinship/sampling-worklist";
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

  for (const role of ["registrar", "viewer"]) {
    test(`a ${role}, who may not read DNA profiles, is refused`, async (context) => {
      const page = await signedInPage(context, role);
      await page.goto(server.current.url(WORKLIST));
      await expect.poll(() => page.getByTestId("forbidden").innerText()).toContain(arabic.Staff.forbiddenTitle);
      expect(await page.getByTestId("sampling-worklist").count()).toBe(0);
    });
  }
});
