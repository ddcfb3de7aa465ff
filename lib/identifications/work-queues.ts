import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { identifications, missingPersons, remains } from "@/db/schema";
import type { IdentificationStatus } from "./state-machine";
import { defineRead } from "@/lib/auth/read-access";

/** The three queues of identifications waiting for someone, and the status each waits in. */
export const WORK_QUEUES = {
  awaitingConfirmation: "proposed",
  awaitingNotification: "confirmed",
  awaitingReturn: "family_notified",
} as const satisfies Record<string, IdentificationStatus>;

export type WorkQueueName = keyof typeof WORK_QUEUES;

export interface WorkQueueItem {
  id: string;
  remainsCode: string;
  caseNumber: string;
  ageInDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const QUEUE_LIMIT = 20;

/** Whole days since a step; a step taken today has waited 0 days. */
export function daysSince(since: Date | string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS));
}

/** When an identification entered its queue: proposed, confirmed or notified. */
function waitingSince(row: { status: IdentificationStatus; proposedAt: Date; confirmedAt: Date | null; notifiedOn: string | null }): Date | string {
  if (row.status === "confirmed") return row.confirmedAt ?? row.proposedAt;
  if (row.status === "family_notified") return row.notifiedOn ?? row.proposedAt;
  return row.proposedAt;
}

async function queue(db: Executor, status: IdentificationStatus, now: Date): Promise<WorkQueueItem[]> {
  const rows = await db
    .select({
      id: identifications.id,
      status: identifications.status,
      proposedAt: identifications.proposedAt,
      confirmedAt: identifications.confirmedAt,
      notifiedOn: identifications.notifiedOn,
      remainsCode: remains.code,
      caseNumber: missingPersons.caseNumber,
    })
    .from(identifications)
    .innerJoin(remains, eq(remains.id, identifications.remainsId))
    .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
    .where(eq(identifications.status, status))
    .orderBy(asc(identifications.updatedAt))
    .limit(QUEUE_LIMIT);
  return rows
    .map((row) => ({ id: row.id, remainsCode: row.remainsCode, caseNumber: row.caseNumber, ageInDays: daysSince(waitingSince(row), now) }))
    .sort((left, right) => right.ageInDays - left.ageInDays);
}

/** The oldest waiting first in each queue, so nothing is forgotten at the bottom of a list. */
async function getWorkQueuesQuery(db: Executor, now: Date = new Date()): Promise<Record<WorkQueueName, WorkQueueItem[]>> {
  const [awaitingConfirmation, awaitingNotification, awaitingReturn] = await Promise.all([
    queue(db, WORK_QUEUES.awaitingConfirmation, now),
    queue(db, WORK_QUEUES.awaitingNotification, now),
    queue(db, WORK_QUEUES.awaitingReturn, now),
  ]);
  return { awaitingConfirmation, awaitingNotification, awaitingReturn };
}

export const getWorkQueues = defineRead("dashboard.read", getWorkQueuesQuery);
