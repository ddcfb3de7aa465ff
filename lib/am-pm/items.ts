import type { BelongingCategory, BelongingColour, BelongingMaterial } from "@/lib/belongings/vocabulary";
import type { BodyRegion, MarkType, MedicalFindingKind, ToothCondition } from "./vocabulary";

/*
 * The rows of an AM or PM record's lists, as stored (JSON columns) and as the forms send them. Plain
 * types importing only the vocabularies, so db/schema can name them without pulling the forms' zod
 * schemas (and their message keys) into every module that imports the schema.
 */
export interface MarkItem {
  type: MarkType;
  region: BodyRegion;
  description: string;
}
export interface ToothItem {
  tooth: number;
  condition: ToothCondition;
}
export interface MedicalItem {
  kind: MedicalFindingKind;
  region: BodyRegion;
  description: string;
}
export interface BelongingItem {
  category: BelongingCategory;
  colour: BelongingColour;
  material: BelongingMaterial;
  description: string;
}
