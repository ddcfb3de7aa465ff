import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { graveSites, remains } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { GRAVE_SITE_ENTITY } from "./grave-site-records";
import { REMAINS_ENTITY } from "./remains-records";
import type { VoidRecordValues } from "./schemas/void-record";
import { auditSnapshot } from "@/lib/audit/snapshot";

type VoidableTable = typeof graveSites | typeof remains;

/**
 * Marks a record entered in error as void: the row stays (evidence is never deleted), lists and
 * counts stop showing it, and the audit entry keeps who, when and why.
 */
async function voidRow(context: ActionContext<VoidRecordValues>, table: VoidableTable, entity: "grave_site" | "remains", action: string) {
  const { input, session, tx, audit } = context;
  const [before] = await tx.select().from(table).where(eq(table.id, input.recordId)).for("update");
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  const [after] = await tx
    .update(table)
    .set({ voidedAt: new Date(), voidedBy: session.userId, voidReason: input.reason, version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(and(eq(table.id, input.recordId), isNull(table.voidedAt)))
    .returning();
  await audit({ action, entity, entityId: input.recordId, before: auditSnapshot(entity, before), after: after && auditSnapshot(entity, after) });
  return { recordId: input.recordId };
}

async function refuseSiteWithLiveRemains(tx: Transaction, siteId: string) {
  const [row] = await tx
    .select({ live: count() })
    .from(remains)
    .where(and(eq(remains.siteId, siteId), isNull(remains.voidedAt)));
  // Voiding the site would hide bodies that are still on record; void those first, one by one.
  if ((row?.live ?? 0) > 0) throw new ActionRefusal("refused", "Forensic.siteHasRemains");
}

export async function voidGraveSiteRecord(context: ActionContext<VoidRecordValues>) {
  await refuseSiteWithLiveRemains(context.tx, context.input.recordId);
  return voidRow(context, graveSites, GRAVE_SITE_ENTITY, "graveSite.void");
}

export function voidRemainsRecord(context: ActionContext<VoidRecordValues>) {
  return voidRow(context, remains, REMAINS_ENTITY, "remains.void");
}
