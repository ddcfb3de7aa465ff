import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { personalEffects } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";
import type { PersonalEffectValues } from "./schemas/remains";

/** Every column but the description's search form, which the database derives: never audited or shown. */
const effectColumns = {
  id: personalEffects.id,
  remainsId: personalEffects.remainsId,
  kind: personalEffects.kind,
  description: personalEffects.description,
  category: personalEffects.category,
  colour: personalEffects.colour,
  material: personalEffects.material,
  version: personalEffects.version,
  createdAt: personalEffects.createdAt,
  updatedAt: personalEffects.updatedAt,
  voidedAt: personalEffects.voidedAt,
  voidedBy: personalEffects.voidedBy,
  voidReason: personalEffects.voidReason,
};

export type PersonalEffectRow = Omit<typeof personalEffects.$inferSelect, "descriptionSearch">;

export function liveEffectsOf(tx: Transaction, remainsId: string): Promise<PersonalEffectRow[]> {
  return tx
    .select(effectColumns)
    .from(personalEffects)
    .where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)))
    .orderBy(asc(personalEffects.createdAt), asc(personalEffects.id));
}

function effectFields(effect: PersonalEffectValues) {
  const { kind, description, category, colour, material } = effect;
  return { kind, description, category, colour, material };
}

async function updateEffect(tx: Transaction, existing: PersonalEffectRow, effect: PersonalEffectValues) {
  const unchanged =
    existing.kind === effect.kind &&
    existing.description === effect.description &&
    existing.category === effect.category &&
    existing.colour === effect.colour &&
    existing.material === effect.material;
  if (unchanged) return;
  await tx
    .update(personalEffects)
    .set({ ...effectFields(effect), version: existing.version + 1, updatedAt: new Date() })
    .where(eq(personalEffects.id, existing.id));
}

/**
 * Saves the effects rows of the remains form: new rows are added and existing ones updated. An
 * effect left out of the list is kept as it is — evidence is voided by an administrator, never
 * dropped by an edit.
 */
export async function saveEffects(tx: Transaction, remainsId: string, effects: readonly PersonalEffectValues[]) {
  const existing = new Map((await liveEffectsOf(tx, remainsId)).map((effect) => [effect.id, effect]));
  for (const [index, effect] of effects.entries()) {
    if (effect.effectId === null) {
      await tx.insert(personalEffects).values({ remainsId, ...effectFields(effect) });
      continue;
    }
    const current = existing.get(effect.effectId);
    if (!current) throw new ActionRefusal("invalid", "Actions.invalid", { [`effects.${index}.description`]: "Forensic.effectUnknown" });
    await updateEffect(tx, current, effect);
  }
  return liveEffectsOf(tx, remainsId);
}
