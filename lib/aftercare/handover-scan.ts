import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { remainsHandovers } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { StaffSession } from "@/lib/auth/current-session";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { IDENTIFICATION_ENTITY } from "@/lib/identifications/propose";
import { scanDirectory } from "./scan-directory";

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** The kinds a scanner produces, told by their first bytes rather than by what the browser claims. */
const SIGNATURES = [
  { contentType: "application/pdf", extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { contentType: "image/jpeg", extension: "jpg", magic: [0xff, 0xd8, 0xff] },
  { contentType: "image/png", extension: "png", magic: [0x89, 0x50, 0x4e, 0x47] },
] as const;

function kindOf(bytes: Uint8Array) {
  return SIGNATURES.find((signature) => signature.magic.every((byte, index) => bytes[index] === byte)) ?? null;
}


export type ScanOutcome = "stored" | "notFound" | "refused";

/**
 * Writes the scan under its SHA-256 name; true when this call created the file, false when the very
 * same bytes were already there (another handover's identical copy, or a retry).
 */
async function writeScanFile(directory: string, file: string, bytes: Uint8Array): Promise<boolean> {
  await mkdir(directory, { recursive: true });
  try {
    await writeFile(path.join(directory, file), bytes, { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Keeps the scanned signed handover form: the file under DATA_DIR, its SHA-256 and type on the
 * handover, and an audit entry naming the hash (and the one it replaces), in one transaction. When
 * the transaction fails, a file this call created is removed again (one that was already there
 * belongs to a saved record and stays). A replaced scan's file is kept: the audit entry names it.
 */
export async function storeHandoverScan(db: Database, session: StaffSession, metadata: Partial<RequestMetadata>, identificationId: string, bytes: Uint8Array, directory = scanDirectory()): Promise<ScanOutcome> {
  const kind = kindOf(bytes);
  if (!kind || bytes.length > MAX_SCAN_BYTES) return "refused";
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = `${sha256}.${kind.extension}`;
  let created = false;
  try {
    return await runTransaction(db, async (tx) => {
      const [handover] = await tx.select().from(remainsHandovers).where(eq(remainsHandovers.identificationId, identificationId)).for("update");
      if (!handover) return "notFound";
      created = (await writeScanFile(directory, file, bytes)) || created;
      await tx.update(remainsHandovers).set({ scanFile: file, scanSha256: sha256, scanContentType: kind.contentType }).where(eq(remainsHandovers.id, handover.id));
      await appendAuditEntry(tx, {
        actorId: session.userId,
        actorLabel: session.username,
        action: "identification.handoverScan",
        entity: IDENTIFICATION_ENTITY,
        entityId: identificationId,
        before: handover.scanSha256 ? { scanSha256: handover.scanSha256 } : null,
        after: { handoverId: handover.id, scanSha256: sha256, scanContentType: kind.contentType, bytes: bytes.length },
        ...metadata,
      });
      return "stored";
    });
  } catch (error) {
    if (created) await rm(path.join(/* turbopackIgnore: true */ directory, file), { force: true });
    throw error;
  }
}

/** The signed copy's bytes and type, or null when none is attached. */
export async function readHandoverScan(access: ReadAccess<"personalData.export">, db: Executor, identificationId: string, directory = scanDirectory()): Promise<{ bytes: Buffer; contentType: string } | null> {
  assertReadAccess(access, "personalData.export");
  const [handover] = await db.select({ scanFile: remainsHandovers.scanFile, scanContentType: remainsHandovers.scanContentType }).from(remainsHandovers).where(eq(remainsHandovers.identificationId, identificationId));
  if (!handover?.scanFile || !handover.scanContentType) return null;
  return { bytes: await readFile(path.join(directory, handover.scanFile)), contentType: handover.scanContentType };
}
