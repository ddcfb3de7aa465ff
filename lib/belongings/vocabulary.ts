/*
 * The words staff, families and the comparison share for clothing and personal effects: the Book of
 * Belongings groups its catalogue by them, antemortem records describe what a missing person wore
 * or carried with them, and the AM/PM comparison matches the two. Plain lists, importing nothing,
 * so forms and client components may read them (docs/BOUNDARY.md). Labels: the "Belongings"
 * message namespace (categories.*, colours.*, materials.*), in Arabic and English.
 */

/** What an item is, at the level a relative would recognise it ("his watch", "her shoes"). */
export const BELONGING_CATEGORIES = [
  "clothing_upper",
  "clothing_lower",
  "outerwear",
  "underwear",
  "headwear",
  "shoes",
  "belt",
  "keys",
  "identity_document",
  "other_document",
  "phone",
  "wallet",
  "money",
  "jewellery",
  "ring",
  "watch",
  "prayer_beads",
  "glasses",
  "religious_item",
  "other",
] as const;
export type BelongingCategory = (typeof BELONGING_CATEGORIES)[number];

/** Plain colour names a family uses; "multicoloured" and "unknown" for the rest. */
export const BELONGING_COLOURS = [
  "black",
  "white",
  "grey",
  "brown",
  "beige",
  "red",
  "orange",
  "yellow",
  "green",
  "blue",
  "navy",
  "purple",
  "pink",
  "gold",
  "silver",
  "multicoloured",
  "unknown",
] as const;
export type BelongingColour = (typeof BELONGING_COLOURS)[number];

export const BELONGING_MATERIALS = [
  "cotton",
  "wool",
  "synthetic",
  "denim",
  "leather",
  "rubber",
  "metal",
  "gold",
  "silver",
  "plastic",
  "paper",
  "wood",
  "stone",
  "glass",
  "other",
  "unknown",
] as const;
export type BelongingMaterial = (typeof BELONGING_MATERIALS)[number];

/** The category an existing effect's kind (lib/enum-values.ts PERSONAL_EFFECT_KINDS) falls under. */
export const CATEGORY_OF_EFFECT_KIND = {
  identity_document: "identity_document",
  car_key: "keys",
  phone: "phone",
  clothing: "clothing_upper",
  jewellery: "jewellery",
  other: "other",
} as const satisfies Record<string, BelongingCategory>;
