import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { missingPersons } from "@/db/schema";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import { runImport, type ImportEvent, type ImportMode } from "@/lib/import/run-import";
import { REGISTERS_DIRECTORY, type RegisterFile } from "../fixtures/make-registers";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";

const backends = await testBackends();
type ResultEvent = Extract<ImportEvent, { type: "result" }>;

describeOnEachBackend(backends, "people of a register (issue 28, point 4, first part)", (database) => {
  async function importPersons(name: RegisterFile, mode: ImportMode, conflictChoices: Record<string, ConflictChoice> = {}): Promise<ResultEvent> {
    const { db } = database();
    const actor = await createUser(db, "registrar");
    const events: ImportEvent[] = [];
    const bytes = new Uint8Array(readFileSync(path.join(REGISTERS_DIRECTORY, name)));
    await runImport(db, { bytes, fileName: name, kind: "missingPersons", mapping: null, mode, conflictChoices, actor: { actorId: actor.id, actorLabel: actor.username } }, (event) => events.push(event));
    const result = events.find((event): event is ResultEvent => event.type === "result");
    if (!result) throw new Error(`no result: ${JSON.stringify(events.at(-1))}`);
    return result;
  }

  it("splits full names (title and بن left out, the original kept), takes one man written three times as one, and holds back people the registry probably has until the user chooses", async () => {
    await importPersons("persons-two-lists.csv", "commit");
    const dryRun = await importPersons("persons-full-names.csv", "dryRun");
    expect(dryRun.errors.map((error) => [error.rowNumber, error.problem])).toEqual([[3, "duplicateInFile"], [4, "duplicateInFile"]]);
    expect(dryRun.personMatches.map((match) => [match.rowNumber, match.name, match.matches.map((candidate) => candidate.name)])).toEqual([
      [2, "عادل مفتاح سالم القماطي", ["عادل مفتاح سالم القماطي"]],
      [6, "نوري بشير علي الزنتاني", ["نوري بشير علي الزنتاني"]],
    ]);
    expect(dryRun.counts).toMatchObject({ new: 1, conflicts: 2, invalid: 2 });

    const [adel, nouri] = dryRun.personMatches;
    const committed = await importPersons("persons-full-names.csv", "commit", { [adel?.key ?? ""]: "create", [nouri?.key ?? ""]: `link:${nouri?.matches[0]?.id ?? ""}` });
    expect(committed.counts).toMatchObject({ new: 2, alreadyPresent: 1, conflicts: 0 });
    const created = await database().db.select().from(missingPersons).where(eq(missingPersons.importId, committed.importId ?? ""));
    expect(created.map((person) => [person.givenName, person.fatherName, person.grandfatherName, person.familyName, person.sourceValues]).sort()).toEqual([
      ["عادل", "مفتاح", "سالم", "القماطي", { fullName: "الحاج عادل بن مفتاح سالم القماطي", title: "الحاج" }],
      ["عبد السلام", "خليفة", "عمر", "الورشفاني", { fullName: "عبد السلام خليفة عمر الورشفاني" }],
    ]);
  });
});
