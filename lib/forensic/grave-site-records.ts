import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { graveSites } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { refuseField, refusingDuplicateCode } from "./duplicate-code";
import type { CreateGraveSiteValues, UpdateGraveSiteValues } from "./schemas/grave-site";
import { isForwardStatusChange } from "./vocabulary";
import { auditSnapshot } from "@/lib/audit/snapshot";

export const GRAVE_SITE_ENTITY = "grave_site";

function siteColumns(input: CreateGraveSiteValues) {
  const { code, nameAr, nameEn, description, discoveredOn, status, latitude, longitude, isPublic, exactLocationPublic } = input;
  return { code, nameAr, nameEn, description, discoveredOn, status, latitude, longitude, isPublic, exactLocationPublic };
}

export async function createGraveSiteRecord({ input, tx, audit }: ActionContext<CreateGraveSiteValues>) {
  const [site] = await refusingDuplicateCode(
    tx.insert(graveSites).values(siteColumns(input)).onConflictDoNothing({ target: graveSites.code }).returning(),
    "Forensic.siteCodeTaken",
  );
  if (!site) refuseField("code", "Forensic.siteCodeTaken");
  await audit({ action: "graveSite.create", entity: GRAVE_SITE_ENTITY, entityId: site.id, after: auditSnapshot("grave_site", site) });
  return { siteId: site.id };
}

async function lockLiveSite(tx: Transaction, siteId: string) {
  const [site] = await tx.select().from(graveSites).where(eq(graveSites.id, siteId)).for("update");
  if (!site) throw new ActionRefusal("notFound", "Actions.notFound");
  if (site.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  return site;
}

/** Backwards only by an administrator who says why; the reason goes into the audit entry. */
function checkStatusChange(current: typeof graveSites.$inferSelect, input: UpdateGraveSiteValues, isAdmin: boolean) {
  if (isForwardStatusChange(current.status, input.status)) return;
  if (!isAdmin) refuseField("status", "Forensic.statusBackward");
  if (input.statusChangeReason === "") refuseField("statusChangeReason", "Forensic.statusReasonRequired");
}

export async function updateGraveSiteRecord({ input, session, tx, audit }: ActionContext<UpdateGraveSiteValues>) {
  const before = await lockLiveSite(tx, input.siteId);
  // A stale form is refused as a conflict below, not judged against a status its user never saw.
  if (before.version === input.version) checkStatusChange(before, input, session.role === "admin");
  const [taken] = await tx
    .select({ id: graveSites.id })
    .from(graveSites)
    .where(and(eq(graveSites.code, input.code), ne(graveSites.id, input.siteId)));
  if (taken) refuseField("code", "Forensic.siteCodeTaken");
  const after = await refusingDuplicateCode(
    updateVersioned(tx, graveSites, GRAVE_SITE_ENTITY, { id: input.siteId, version: input.version }, siteColumns(input)),
    "Forensic.siteCodeTaken",
  );
  const backwards = !isForwardStatusChange(before.status, input.status);
  await audit({
    action: "graveSite.update",
    entity: GRAVE_SITE_ENTITY,
    entityId: input.siteId,
    before: auditSnapshot("grave_site", before),
    after: backwards ? { ...auditSnapshot("grave_site", after), statusChangeReason: input.statusChangeReason } : auditSnapshot("grave_site", after),
  });
  return { siteId: input.siteId };
}
