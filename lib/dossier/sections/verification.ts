import { checkpointSignatureValid, keyFingerprint, signedMessage } from "@/lib/audit/checkpoint";
import { libyaTimeWithZone } from "../dossier-time";
import { label, terms } from "../labels";
import { field, section, type DossierContext } from "./section-context";

/** Each shown record's newest audit entry and hash, then the entry recording this dossier. */
export function auditHashesSection({ writer, entries, meta }: DossierContext): void {
  section(writer, "auditSection", false);
  writer.note(label("verifyNote").en, label("verifyNote").ar);
  for (const record of entries.records) {
    writer.recordName(`${terms.entity(record.entity)} · ${record.label}`);
    if (record.hash === null) writer.recordName(`${label("noAuditEntry").en} · ${label("noAuditEntry").ar}`);
    else writer.code(`#${record.entryId} ${record.hash}`);
  }
  writer.space();
  writer.note(label("chainHead").en, label("chainHead").ar);
  writer.code(`#${meta.chainHead.entryId} ${meta.chainHead.hash}`);
}

/**
 * What a prosecutor needs to check the hashes without this software: how each was computed, and
 * the signed checkpoint the dossier lies under, with the exact message signed and how to verify it.
 */
export function verificationSection({ writer, meta }: DossierContext): void {
  section(writer, "verificationSection", false);
  for (const key of ["hashHow", "hashCheck"] as const) writer.note(label(key).en, label(key).ar);
  section(writer, "checkpointSection", false);
  const { checkpoint } = meta;
  if (!checkpoint) {
    writer.note(label("noCheckpoint").en, label("noCheckpoint").ar);
    return;
  }
  writer.note(label("checkpointHow").en, label("checkpointHow").ar);
  if (!checkpointSignatureValid(checkpoint)) writer.note(label("checkpointInvalid").en, label("checkpointInvalid").ar);
  field(writer, "checkpointEntry", `#${checkpoint.entryId}`);
  field(writer, "checkpointCount", String(checkpoint.count));
  field(writer, "checkpointSignedAt", libyaTimeWithZone(new Date(checkpoint.signedAt)));
  writer.note(label("checkpointMessage").en, label("checkpointMessage").ar);
  writer.codeLines(signedMessage(checkpoint).toString("utf8"));
  writer.note(label("checkpointKey").en, label("checkpointKey").ar);
  writer.code(`${checkpoint.publicKey}   (SHA-256 ${keyFingerprint(checkpoint.publicKey)}…)`);
  writer.note(label("checkpointSignature").en, label("checkpointSignature").ar);
  writer.code(checkpoint.signature);
  if (meta.chainHead.entryId > checkpoint.entryId) writer.note(label("laterEntries").en, label("laterEntries").ar);
}
