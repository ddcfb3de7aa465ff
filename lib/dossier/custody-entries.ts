import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CaseFile } from "./case-file";

/** The custody step each sample action records with it (lib/people/samples.ts). */
const STEP_OF_LAB_STATUS: Record<string, string> = { collected: "collected", shipped: "transferred", received: "received", profiled: "analysed", failed: "analysed" };

export interface SampleStepEntry {
  entryId: number;
  hash: string;
}

type CustodyEvent = CaseFile["custody"][number];

function stepOf(entry: { action: string; after: unknown }): string | undefined {
  if (entry.action === "sample.collect") return "collected";
  const status = (entry.after as { labStatus?: unknown } | null)?.labStatus;
  return typeof status === "string" ? STEP_OF_LAB_STATUS[status] : undefined;
}

/**
 * Collecting a sample and moving it along the laboratory steps write a custody event in the same
 * transaction as the sample's own audit entry, which is then the event's entry: the one of that
 * sample, for that step, written closest to the moment the event was recorded. Such an event took
 * its time from a date field (stored at noon UTC): the dossier prints it as a date.
 */
export async function sampleStepEntries(db: Executor, events: readonly CustodyEvent[]): Promise<Map<string, SampleStepEntry>> {
  const sampleIds = [...new Set(events.flatMap((event) => (event.sampleId ? [event.sampleId] : [])))];
  if (sampleIds.length === 0) return new Map();
  const entries = await db
    .select({ id: auditLog.id, hash: auditLog.hash, action: auditLog.action, entityId: auditLog.entityId, occurredAt: auditLog.occurredAt, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "dna_sample"), inArray(auditLog.entityId, sampleIds), inArray(auditLog.action, ["sample.collect", "sample.labStatus"])));
  const found = new Map<string, SampleStepEntry>();
  for (const event of events) {
    const distance = (entry: (typeof entries)[number]) => Math.abs(entry.occurredAt.getTime() - event.recordedAt.getTime());
    const [closest] = entries
      .filter((entry) => entry.entityId === event.sampleId && stepOf(entry) === event.action)
      .sort((first, second) => distance(first) - distance(second));
    if (closest) found.set(event.id, { entryId: closest.id, hash: closest.hash });
  }
  return found;
}
