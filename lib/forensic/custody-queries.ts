import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { custodyEvents, users } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** Whose chain of custody: a body or a DNA sample. */
export type CustodySubject = { remainsId: string } | { sampleId: string };

/** The whole chain in the order things happened, corrections included (they name what they correct). */
async function getCustodyTimelineQuery(db: Executor, subject: CustodySubject) {
  const condition = "remainsId" in subject ? eq(custodyEvents.remainsId, subject.remainsId) : eq(custodyEvents.sampleId, subject.sampleId);
  const rows = await db
    .select({
      id: custodyEvents.id,
      action: custodyEvents.action,
      fromParty: custodyEvents.fromParty,
      toParty: custodyEvents.toParty,
      place: custodyEvents.place,
      occurredAt: custodyEvents.occurredAt,
      notes: custodyEvents.notes,
      correctsEventId: custodyEvents.correctsEventId,
      recordedAt: custodyEvents.recordedAt,
      recordedBy: users.displayName,
    })
    .from(custodyEvents)
    .innerJoin(users, eq(users.id, custodyEvents.recordedBy))
    .where(condition)
    .orderBy(asc(custodyEvents.occurredAt), asc(custodyEvents.recordedAt));
  const correctedBy = new Map(rows.flatMap((row) => (row.correctsEventId ? [[row.correctsEventId, row.id] as const] : [])));
  return rows.map((row) => ({
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    correctedByEventId: correctedBy.get(row.id) ?? null,
  }));
}

export type CustodyTimelineEntry = Awaited<ReturnType<typeof getCustodyTimelineQuery>>[number];

export const getCustodyTimeline = defineRead("forensic.read", getCustodyTimelineQuery);
