import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/db/client";
import type { ImportKind } from "@/lib/import/fields";
import type { ReadOptions } from "@/lib/import/read-options";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import { runImport, type ImportEvent, type ImportMode } from "@/lib/import/run-import";
import { REGISTERS_DIRECTORY, type RegisterFile } from "../../fixtures/make-registers";
import { createUser } from "./factories";

export type ImportResultEvent = Extract<ImportEvent, { type: "result" }>;

/** Imports one of the synthetic registers as a new registrar would, and returns the import's result. */
export async function importRegisterFile(
  db: Database,
  name: RegisterFile,
  options: { kind: ImportKind; mode: ImportMode; conflictChoices?: Record<string, ConflictChoice>; readOptions?: ReadOptions },
): Promise<ImportResultEvent> {
  const actor = await createUser(db, "registrar");
  const events: ImportEvent[] = [];
  const bytes = new Uint8Array(readFileSync(path.join(REGISTERS_DIRECTORY, name)));
  const { kind, mode, conflictChoices, readOptions } = options;
  await runImport(db, { bytes, fileName: name, kind, mapping: null, mode, conflictChoices, readOptions, actor: { actorId: actor.id, actorLabel: actor.username } }, (event) => events.push(event));
  const result = events.find((event): event is ImportResultEvent => event.type === "result");
  if (!result) throw new Error(`no result: ${JSON.stringify(events.at(-1))}`);
  return result;
}
