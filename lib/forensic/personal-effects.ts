import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { personalEffects } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";
import { CATEGORY_OF_EFFECT_KIND } from "@/lib/belongings/vocabulary";
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

/** The columns an effect row of the form sets; what the form left out stays as it was (or follows the kind, for a new one). */
function effectFields(effect: PersonalEffectValues, existing?: PersonalEffectRow) {
  const { kind, description } = effect;
  return {
    kind,
    description,
    category: effect.category ?? existing?.category ?? CATEGORY_OF_EFFECT_KIND[kind],
    colour: effect.colour ?? existing?.colour ?? null,
    material: effect.material ?? existing?.material ?? null,
  };
}

async function updateEffect(tx: Transaction, existing: PersonalEffectRow, effect: PersonalEffectValues) {
  const wanted = effectFields(effect, existing);
  const unchanged =
    existing.kind === wanted.kind &&
    existing.description === wanted.description &&
    existing.category === wanted.category &&
    existing.colour === wanted.colour &&
    existing.material === wanted.material;
  if (unchanged) return;
  await tx
    .update(personalEffects)
    .set({ ...wanted, version: existing.version + 1, updatedAt: new Date() })
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
