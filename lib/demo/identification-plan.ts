import type { IdentificationRow, PersonalEffectRow } from "./types";

export type EffectKind = PersonalEffectRow["kind"];
type Basis = IdentificationRow["basis"];
export type PlannedStatus = NonNullable<IdentificationRow["status"]>;

/** One story of the demo: which body, which family, on what evidence, and how far it has come. */
export interface IdentificationSpec {
  remainsCode: string;
  /** Index of the family in TRH-F order; its first missing person is the one identified. */
  familyIndex: number;
  status: PlannedStatus;
  basis: Basis;
  likelihoodRatio: number | null;
  /** The effect found with the body that the identification rests on, if any. */
  effect: EffectKind | null;
  evidenceSummary: string;
}

/**
 * Six identifications count in the public headline figure: four whose family was told in person and
 * two whose remains were returned. One more is confirmed but its family (TRH-F-0004) not yet told,
 * so it counts for staff only; two proposals await a second forensic reviewer and one was rejected.
 * familyIndex 17 (TRH-F-0018) is one of the families with seven missing.
 */
export const IDENTIFICATION_SPECS: readonly IdentificationSpec[] = [
  {
    remainsCode: "TRH-GS-03-B017",
    familyIndex: 3,
    status: "confirmed",
    basis: ["dna"],
    likelihoodRatio: 1.2e9,
    effect: null,
    evidenceSummary: "تطابق نمط الحمض النووي لعينة الرفات مع العينة المرجعية للأسرة؛ نسبة الأرجحية 1.2 × 10⁹.",
  },
  {
    remainsCode: "TRH-GS-04-B008",
    familyIndex: 29,
    status: "family_notified",
    basis: ["personal_effects", "anthropology"],
    likelihoodRatio: null,
    effect: "car_key",
    evidenceSummary: "تعرّفت الأسرة على مفتاح السيارة الموجود مع الرفات، ويتفق الجنس والعمر المقدّران مع بيانات المفقود.",
  },
  {
    remainsCode: "TRH-GS-01-B004",
    familyIndex: 17,
    status: "family_notified",
    basis: ["identity_documents", "anthropology"],
    likelihoodRatio: null,
    effect: "identity_document",
    evidenceSummary: "وُجدت مع الرفات بطاقة هوية باسم المفقود، ويتفق التقدير الأنثروبولوجي مع عمره وجنسه.",
  },
  {
    remainsCode: "TRH-GS-02-B011",
    familyIndex: 58,
    status: "family_notified",
    basis: ["dna", "personal_effects"],
    likelihoodRatio: 3.4e10,
    effect: "car_key",
    evidenceSummary: "تطابق الحمض النووي مع عينة مرجعية للأسرة (نسبة الأرجحية 3.4 × 10¹⁰)، ومفتاح سيارة تعرّفت عليه الأسرة.",
  },
  {
    remainsCode: "TRH-GS-01-B019",
    familyIndex: 101,
    status: "remains_returned",
    basis: ["dna"],
    likelihoodRatio: 8.1e11,
    effect: null,
    evidenceSummary: "تطابق نمط الحمض النووي مع العينات المرجعية للأسرة؛ نسبة الأرجحية 8.1 × 10¹¹.",
  },
  {
    remainsCode: "TRH-GS-02-B003",
    familyIndex: 144,
    status: "remains_returned",
    basis: ["dna", "identity_documents"],
    likelihoodRatio: 2.6e12,
    effect: "identity_document",
    evidenceSummary: "وثيقة هوية مع الرفات أكدها تطابق الحمض النووي مع عينة الأسرة (نسبة الأرجحية 2.6 × 10¹²).",
  },
  {
    remainsCode: "TRH-GS-03-B022",
    familyIndex: 187,
    status: "proposed",
    basis: ["dna"],
    likelihoodRatio: 4.7e5,
    effect: null,
    evidenceSummary: "نسبة أرجحية أولية 4.7 × 10⁵ مع العينة المرجعية للأسرة؛ بانتظار مراجعة خبير ثانٍ وعينة مرجعية إضافية.",
  },
  {
    remainsCode: "TRH-GS-04-B012",
    familyIndex: 230,
    status: "proposed",
    basis: ["personal_effects", "anthropology"],
    likelihoodRatio: null,
    effect: "phone",
    evidenceSummary: "هاتف محمول مع الرفات يشبه هاتف المفقود بحسب وصف الأسرة؛ لم يؤكَّد بعد.",
  },
  {
    remainsCode: "TRH-GS-03-B005",
    familyIndex: 266,
    status: "rejected",
    basis: ["personal_effects"],
    likelihoodRatio: null,
    effect: "clothing",
    evidenceSummary: "تشابه في وصف الملابس مع ما ذكرته الأسرة.",
  },
  {
    remainsCode: "TRH-GS-05-B006",
    familyIndex: 75,
    status: "family_notified",
    basis: ["identity_documents", "anthropology"],
    likelihoodRatio: null,
    effect: "identity_document",
    evidenceSummary: "وُجدت مع الرفات بطاقة هوية باسم المفقود، ويتفق الجنس والعمر المقدّران مع بياناته.",
  },
];

export const REJECTION_REASON = "استبعدت مقارنة الحمض النووي صلة القرابة مع العينة المرجعية للأسرة (نسبة الأرجحية أقل من 1).";

/** Families with no reference sample yet: donors registered, the appointment still to come. */
export const UNSAMPLED_FAMILY_INDEXES: readonly number[] = [42, 127, 212, 297];
