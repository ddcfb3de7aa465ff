import type { BelongingCategory, BelongingColour, BelongingMaterial } from "@/lib/belongings/vocabulary";

type ItemWordKey = `categories.${BelongingCategory}` | `colours.${BelongingColour}` | `materials.${BelongingMaterial}`;

/**
 * An item as every view of the catalogue names it: "Shirt · Blue · Cotton", the colour and
 * material left out where staff gave none. `t` is the Belongings namespace's translator, from the
 * server (getTranslations) or the browser (useTranslations).
 */
export function itemWords(t: (key: ItemWordKey) => string, item: { category: BelongingCategory; colour: BelongingColour | null; material: BelongingMaterial | null }): string {
  return [t(`categories.${item.category}`), item.colour && t(`colours.${item.colour}`), item.material && t(`materials.${item.material}`)].filter(Boolean).join(" · ");
}
