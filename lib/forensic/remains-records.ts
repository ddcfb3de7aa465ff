import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { graveSites, remains } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { refuseField, refusingDuplicateCode } from "./duplicate-code";
import { liveEffectsOf, saveEffects } from "./personal-effects";
import type { CreateRemainsValues, UpdateRemainsValues } from "./schemas/remains";
import { auditSnapshot } from "@/lib/audit/snapshot";
import { GRAVE_SITE_ENTITY } from "./grave-site-records";

export const REMAINS_ENTITY = "remains";

type GraveSite = typeof graveSites.$inferSelect;

type RemainsInput = Omit<CreateRemainsValues, "siteId">;

function remainsColumns(input: RemainsInput) {
  const { code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes } = input;
  return { code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes };
}

/** The rules that need the site: the code names it, and no body is recovered before it was found. */
async function checkAgainstSite(tx: Transaction, siteId: string, input: RemainsInput, lock = false) {
  const select = tx.select().from(graveSites).where(eq(graveSites.id, siteId));
  const [site] = lock ? await select.for("update") : await select;
  if (!site || site.voidedAt) refuseField("siteId", "Forensic.siteUnknown");
  if (!input.code.startsWith(`${site.code}-B`)) refuseField("code", "Forensic.remainsCodeSite");
  if (input.recoveredOn < site.discoveredOn) refuseField("recoveredOn", "Forensic.recoveredBeforeDiscovery");
  return site;
}

/** Statuses that say nobody has dug yet: a body recorded from such a site says otherwise. */
const BEFORE_EXCAVATION: readonly GraveSite["status"][] = ["reported", "surveyed"];

/**
 * A body recorded from a site still marked reported or surveyed means the digging has begun: the
 * site moves to "excavating" with the body, in the same transaction, audited as its own change, so
 * neither the public page nor the site list keeps calling it surveyed. Later statuses stay.
 */
async function startExcavation(site: GraveSite, { tx, audit }: Pick<ActionContext<CreateRemainsValues>, "tx" | "audit">) {
  if (!BEFORE_EXCAVATION.includes(site.status)) return;
  const after = await updateVersioned(tx, graveSites, GRAVE_SITE_ENTITY, { id: site.id, version: site.version }, { status: "excavating" });
  await audit({ action: "graveSite.excavationStarted", entity: GRAVE_SITE_ENTITY, entityId: site.id, before: auditSnapshot("grave_site", site), after: auditSnapshot("grave_site", after) });
}

async function refuseTakenCode(tx: Transaction, code: string, ownId: string | null) {
  const sameCode = eq(remains.code, code);
  const [taken] = await tx
    .select({ id: remains.id })
    .from(remains)
    .where(ownId ? and(sameCode, ne(remains.id, ownId)) : sameCode);
  if (taken) refuseField("code", "Forensic.remainsCodeTaken");
}

export async function createRemainsRecord({ input, tx, audit }: ActionContext<CreateRemainsValues>) {
  // Locked: two bodies recorded at once from a surveyed site move it once, not twice.
  const site = await checkAgainstSite(tx, input.siteId, input, true);
  await refuseTakenCode(tx, input.code, null);
  const [created] = await refusingDuplicateCode(
    tx.insert(remains).values({ siteId: input.siteId, ...remainsColumns(input) }).onConflictDoNothing({ target: remains.code }).returning(),
    "Forensic.remainsCodeTaken",
  );
  if (!created) refuseField("code", "Forensic.remainsCodeTaken");
  const effects = await saveEffects(tx, created.id, input.effects);
  await audit({ action: "remains.create", entity: REMAINS_ENTITY, entityId: created.id, after: { ...auditSnapshot("remains", created), effects: effects.map((effect) => auditSnapshot("personal_effect", effect)) } });
  await startExcavation(site, { tx, audit });
  return { remainsId: created.id };
}

export async function updateRemainsRecord({ input, tx, audit }: ActionContext<UpdateRemainsValues>) {
  const [current] = await tx.select().from(remains).where(eq(remains.id, input.remainsId)).for("update");
  if (!current) throw new ActionRefusal("notFound", "Actions.notFound");
  if (current.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  const effectsBefore = await liveEffectsOf(tx, current.id);
  const target = { id: current.id, version: input.version };
  if (current.version === input.version) {
    await checkAgainstSite(tx, current.siteId, input);
    await refuseTakenCode(tx, input.code, current.id);
  }
  const updated = await refusingDuplicateCode(
    updateVersioned(tx, remains, REMAINS_ENTITY, target, remainsColumns(input)),
    "Forensic.remainsCodeTaken",
  );
  const effects = await saveEffects(tx, current.id, input.effects);
  await audit({
    action: "remains.update",
    entity: REMAINS_ENTITY,
    entityId: current.id,
    before: { ...auditSnapshot("remains", current), effects: effectsBefore.map((effect) => auditSnapshot("personal_effect", effect)) },
    after: { ...auditSnapshot("remains", updated), effects: effects.map((effect) => auditSnapshot("personal_effect", effect)) },
  });
  return { remainsId: current.id };
}
