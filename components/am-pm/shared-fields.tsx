"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { TextAreaInput } from "@/components/forensic/text-area-input";
import { useAmPmChoices } from "./choices";
import { ItemListFields } from "./item-list-fields";

/** What AM and PM records both chart: marks, teeth, medical findings, clothing and effects, notes. */
export function SharedAmPmFields({ side }: { side: "antemortem" | "postmortem" }) {
  const t = useTranslations("AmPm");
  const choices = useAmPmChoices();
  const { register, formState } = useFormContext<{ dentalNotes: string; notes: string }>();
  return (
    <>
      <ItemListFields
        name="marks"
        legend={t("marks")}
        hint={t("marksHint")}
        columns={[
          { key: "type", label: t("markType"), options: choices.markTypes },
          { key: "region", label: t("region"), options: choices.regions },
          { key: "description", label: t("description"), text: true },
        ]}
        emptyItem={{ type: "scar", region: "other", description: "" }}
      />
      <ItemListFields
        name="teeth"
        legend={t("teeth")}
        hint={t("teethHint")}
        columns={[
          { key: "tooth", label: t("toothNumber"), number: true },
          { key: "condition", label: t("toothCondition"), options: choices.toothConditions },
        ]}
        emptyItem={{ tooth: Number.NaN, condition: "missing" }}
      />
      <TextAreaInput id="dentalNotes" label={t("dentalNotes")} registration={register("dentalNotes")} error={formState.errors.dentalNotes?.message} />
      <ItemListFields
        name="medical"
        legend={t("medical")}
        hint={t("medicalHint")}
        columns={[
          { key: "kind", label: t("findingKind"), options: choices.findingKinds },
          { key: "region", label: t("region"), options: choices.regions },
          { key: "description", label: t("description"), text: true },
        ]}
        emptyItem={{ kind: "healed_fracture", region: "other", description: "" }}
      />
      <ItemListFields
        name="belongings"
        legend={t("belongings")}
        hint={side === "antemortem" ? t("belongingsAntemortemHint") : t("belongingsPostmortemHint")}
        columns={[
          { key: "category", label: t("category"), options: choices.categories },
          { key: "colour", label: t("colour"), options: choices.colours },
          { key: "material", label: t("material"), options: choices.materials },
          { key: "description", label: t("description"), text: true },
        ]}
        emptyItem={{ category: "clothing_upper", colour: "unknown", material: "unknown", description: "" }}
      />
      <TextAreaInput id="notes" label={t("notes")} registration={register("notes")} error={formState.errors.notes?.message} />
    </>
  );
}
