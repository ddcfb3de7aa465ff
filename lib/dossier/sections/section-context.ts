import type { SignedCheckpoint } from "@/lib/audit/checkpoint";
import { auditedAs, entryReference, type DossierEntries } from "../audit-hashes";
import type { CaseFile } from "../case-file";
import { label, type DossierLabel } from "../labels";
import type { DossierWriter } from "../pdf-writer";

export interface DossierMeta {
  generatedAt: Date;
  generatedBy: string;
  /** The audit entry recording this dossier's generation. */
  chainHead: { entryId: number; hash: string };
  /** The newest signed checkpoint when the dossier was generated, or null if none was ever made. */
  checkpoint: SignedCheckpoint | null;
}

/** What every section of the dossier draws from. */
export interface DossierContext {
  writer: DossierWriter;
  caseFile: CaseFile;
  entries: DossierEntries;
  meta: DossierMeta;
}

/** One topic of the dossier: a heading and its records. Sections are drawn in the order listed in render.ts. */
export type DossierSection = (context: DossierContext) => void;

export const joined = (...parts: (string | number | null | undefined)[]) =>
  parts.filter((part) => part !== null && part !== undefined && part !== "").join(" · ");

export function field(writer: DossierWriter, key: DossierLabel, value: string): void {
  const { en, ar } = label(key);
  writer.field(en, ar, value);
}

export function section(writer: DossierWriter, key: DossierLabel, empty: boolean): void {
  const { en, ar } = label(key);
  writer.section(en, ar);
  if (empty) writer.note(label("none").en, label("none").ar);
}

export function userName(caseFile: CaseFile, id: string | null): string {
  return id ? (caseFile.userNames.get(id) ?? label("unknownUser").en) : "";
}

/** The record's audit entry ("#123"), or the bilingual note that it has none. */
export function auditEntryText(context: DossierContext, entity: string, row: { id: string; importId?: string | null }): string {
  const audited = auditedAs(entity, row);
  const none = label("noAuditEntry");
  return entryReference(context.entries, audited.entity, audited.entityId) ?? `${none.en} · ${none.ar}`;
}

/** A record's "Audit entry" line, under its other fields. */
export function auditEntryField(context: DossierContext, entity: string, row: { id: string; importId?: string | null }): void {
  field(context.writer, "auditEntry", auditEntryText(context, entity, row));
}
