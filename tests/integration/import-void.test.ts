import "./support/mock-action-request";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { voidImport } from "@/app/[locale]/staff/import/actions";
import { voidMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { auditLog, missingPersons, policeReports, spreadsheetImports } from "@/db/schema";
import type { ImportKind } from "@/lib/import/fields";
import { runImport, type ImportEvent } from "@/lib/import/run-import";
import { REGISTERS_DIRECTORY, type RegisterFile } from "../fixtures/make-registers";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser, proposeIdentification } from "./support/factories";
import { relaxSecondPersonControl } from "./support/approval-policy";

const backends = await testBackends();
type ResultEvent = Extract<ImportEvent, { type: "result" }>;

describeOnEachBackend(backends, "a way back from an import (issue 28, point 6)", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    signInAs(await createUser(db(), "registrar"));
  });

  async function commitRegister(name: RegisterFile, kind: ImportKind): Promise<ResultEvent> {
    const session = actionRequest.session;
    if (!session) throw new Error("no session");
    const events: ImportEvent[] = [];
    const bytes = new Uint8Array(readFileSync(path.join(REGISTERS_DIRECTORY, name)));
    await runImport(db(), { bytes, fileName: name, kind, mapping: null, mode: "commit", actor: { actorId: session.userId, actorLabel: session.username } }, (event) => events.push(event));
    const result = events.find((event): event is ResultEvent => event.type === "result");
    if (!result?.importId) throw new Error(`no import: ${JSON.stringify(events.at(-1))}`);
    return result;
  }

  const liveReports = (importId: string) => db().select().from(policeReports).where(and(eq(policeReports.importId, importId), isNull(policeReports.voidedAt)));

  it("voids every report an import created and nothing else, with the reason and an audit entry for each, once", async () => {
    const kept = await commitRegister("office-utf8-bom.csv", "policeReports");
    const taken = await commitRegister("report-spellings.csv", "policeReports");
    expect(await liveReports(taken.importId ?? "")).toHaveLength(2);

    const refusedShort = await voidImport({ importId: taken.importId, reason: "x" });
    expect(refusedShort).toMatchObject({ ok: false, error: "invalid" });
    const voided = await voidImport({ importId: taken.importId, reason: "Wrong register: the 2019 file" });
    expect(voided).toMatchObject({ ok: true, data: { voidedReports: 2, voidedPersons: 0 } });

    expect(await liveReports(taken.importId ?? "")).toEqual([]);
    expect(await liveReports(kept.importId ?? "")).toHaveLength(2);
    const voidedRows = await db().select().from(policeReports).where(eq(policeReports.importId, taken.importId ?? ""));
    expect(voidedRows.every((report) => report.voidReason === "Wrong register: the 2019 file")).toBe(true);
    const entries = await db().select().from(auditLog).where(inArray(auditLog.entityId, [...voidedRows.map((report) => report.id), taken.importId ?? ""]));
    expect(entries.filter((entry) => entry.action === "policeReport.void")).toHaveLength(2);
    expect(entries.filter((entry) => entry.action === "import.void")).toHaveLength(1);
    const [run] = await db().select().from(spreadsheetImports).where(eq(spreadsheetImports.id, taken.importId ?? ""));
    expect(run).toMatchObject({ voidReason: "Wrong register: the 2019 file", createdCount: 2 });

    expect(await voidImport({ importId: taken.importId, reason: "Wrong register: the 2019 file" })).toMatchObject({ ok: false, error: "refused" });
    // The numbers are free again: the corrected register imports.
    expect((await commitRegister("report-spellings.csv", "policeReports")).counts.new).toBe(2);
  });

  it("voids the people an import created, and lets a registrar void one missing person at a time", async () => {
    const imported = await commitRegister("persons-two-lists.csv", "missingPersons");
    const other = await createMissingPerson(db());
    const [one] = await db().select().from(missingPersons).where(eq(missingPersons.importId, imported.importId ?? ""));
    if (!one) throw new Error("no person imported");

    expect(await voidMissingPerson({ recordId: one.id, reason: "Entered twice by the office" })).toMatchObject({ ok: true });
    expect(await voidImport({ importId: imported.importId, reason: "The list was a draft" })).toMatchObject({ ok: true, data: { voidedPersons: 4 } });
    const [stillLive] = await db().select().from(missingPersons).where(eq(missingPersons.id, other.id));
    expect(stillLive?.voidedAt).toBeNull();
    const [first] = await db().select().from(missingPersons).where(eq(missingPersons.id, one.id));
    expect(first?.voidReason).toBe("Entered twice by the office");

    signInAs(await createUser(db(), "viewer"));
    expect(await voidMissingPerson({ recordId: other.id, reason: "Not allowed to do this" })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("refuses to void an import while a person it created has an identification under way, and changes nothing", async () => {
    const imported = await commitRegister("persons-two-lists.csv", "missingPersons");
    const [person] = await db().select().from(missingPersons).where(eq(missingPersons.importId, imported.importId ?? ""));
    if (!person) throw new Error("no person imported");
    const examiner = await createUser(db(), "forensic");
    await proposeIdentification(db(), { remainsId: (await createRemains(db())).id, missingPersonId: person.id, proposedBy: examiner.id });

    expect(await voidImport({ importId: imported.importId, reason: "The list was a draft" })).toMatchObject({ ok: false, error: "refused" });
    const live = await db().select().from(missingPersons).where(and(eq(missingPersons.importId, imported.importId ?? ""), isNull(missingPersons.voidedAt)));
    expect(live.length).toBeGreaterThan(1);
    const [run] = await db().select().from(spreadsheetImports).where(eq(spreadsheetImports.id, imported.importId ?? ""));
    expect(run?.voidedAt).toBeNull();
  });

  it("voids the people a report file created from its names cell with its reports, and no person on file a report was linked to", async () => {
    const imported = await commitRegister("reports-named-people.csv", "policeReports");
    expect(imported.counts.peopleCreated).toBeGreaterThan(0);
    const reason = "Names cell read from the wrong column";
    const voided = await voidImport({ importId: imported.importId, reason });
    expect(voided).toMatchObject({ ok: true, data: { voidedReports: imported.counts.new, voidedPersons: imported.counts.peopleCreated } });
    const created = await db().select().from(missingPersons).where(eq(missingPersons.importId, imported.importId ?? ""));
    expect(created.every((person) => person.voidReason === reason)).toBe(true);
    const voidedWithReason = await db().select().from(missingPersons).where(eq(missingPersons.voidReason, reason));
    expect(voidedWithReason.map((person) => person.id).sort()).toEqual(created.map((person) => person.id).sort());
  });
});
