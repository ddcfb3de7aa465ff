import "server-only";
import { createHash } from "node:crypto";
import { eq, max, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, systemSettings } from "@/db/schema";
import { isPublicChangeEntry } from "@/lib/audit/read-actions";

/** updatedAt of a registry in which nothing has been recorded yet. */
export const NEVER_CHANGED = new Date(0).toISOString();

const PUBLISHED_FIGURES_KEY = "public_figures_published";

interface PublishedFigures {
  fingerprint: string;
  changedAt: string;
}

export function fingerprintOf(published: unknown): string {
  return createHash("sha256").update(JSON.stringify(published)).digest("hex");
}

function isPublishedFigures(value: unknown): value is PublishedFigures {
  const candidate = value as Partial<PublishedFigures> | null;
  return typeof candidate?.fingerprint === "string" && typeof candidate.changedAt === "string";
}

async function storedFigures(db: Executor): Promise<PublishedFigures | null> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, PUBLISHED_FIGURES_KEY));
  return isPublishedFigures(row?.value) ? row.value : null;
}

/** Before any fingerprint was kept, the newest entry that may change them is the best bound on when the figures changed. */
async function newestRecordedChange(db: Executor): Promise<string> {
  const [row] = await db.select({ at: max(auditLog.occurredAt) }).from(auditLog).where(isPublicChangeEntry());
  return row?.at ? row.at.toISOString() : NEVER_CHANGED;
}

/**
 * When the published answer (headline figures and public site list) last changed. Any entry that may
 * change a figure (lib/audit/public-changes.ts) gets the figures recounted, and many leave the answer
 * (a note on a record, a sample's lab status), its fingerprint and therefore this time as they were.
 * The stored fingerprint is replaced only when it differs, so concurrent processes that count the
 * same answer keep the first time recorded.
 */
export async function publishedFiguresChangedAt(db: Executor, published: unknown): Promise<string> {
  const fingerprint = fingerprintOf(published);
  const stored = await storedFigures(db);
  if (stored?.fingerprint === fingerprint) return stored.changedAt;
  const changedAt = stored ? new Date().toISOString() : await newestRecordedChange(db);
  const value: PublishedFigures = { fingerprint, changedAt };
  await db
    .insert(systemSettings)
    .values({ key: PUBLISHED_FIGURES_KEY, value })
    .onConflictDoUpdate({
      target: systemSettings.key,
      set: { value, updatedAt: new Date() },
      setWhere: sql`${systemSettings.value}->>'fingerprint' is distinct from ${fingerprint}`,
    });
  return (await storedFigures(db))?.changedAt ?? changedAt;
}
