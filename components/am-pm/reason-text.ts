import type { getTranslations } from "next-intl/server";
import type { Reason } from "@/lib/am-pm/comparison";

type AmPmTranslator = Awaited<ReturnType<typeof getTranslations<"AmPm">>>;
type BelongingsTranslator = Awaited<ReturnType<typeof getTranslations<"Belongings">>>;

/** One reason of the comparison in words, with its values translated (never a code). */
export function reasonText(reason: Reason, t: AmPmTranslator, belongings: BelongingsTranslator): string {
  switch (reason.kind) {
    case "belongingMatch": {
      const parts = [belongings(`categories.${reason.category}`), reason.colour && belongings(`colours.${reason.colour}`), reason.material && belongings(`materials.${reason.material}`)];
      return t("reasonKinds.belongingMatch", { item: parts.filter(Boolean).join(" · ") });
    }
    case "markMatch":
      return t("reasonKinds.markMatch", { mark: t(`markTypes.${reason.type}`), region: t(`regions.${reason.region}`) });
    case "toothMatch":
      return t("reasonKinds.toothMatch", { tooth: reason.tooth, condition: t(`toothConditions.${reason.am}`) });
    case "toothConflict":
      return t("reasonKinds.toothConflict", { tooth: reason.tooth, am: t(`toothConditions.${reason.am}`), pm: t(`toothConditions.${reason.pm}`) });
    case "medicalMatch":
      return t("reasonKinds.medicalMatch", { finding: t(`findingKinds.${reason.findingKind}`), region: t(`regions.${reason.region}`) });
    case "sexMatch":
    case "ageConsistent":
    case "statureConsistent":
      return t(`reasonKinds.${reason.kind}`);
    default:
      // Exclusions are counted, not listed among a lead's reasons.
      return "";
  }
}
