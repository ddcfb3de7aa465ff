"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import type { CreateRemainsValues } from "@/lib/forensic/schemas/remains";
import { useBelongingChoices } from "@/components/belongings/belonging-choices";
import { useForensicChoices } from "./choices";

/**
 * The personal effects found with a body, as repeatable rows of the same form. Rows already on
 * record cannot be removed here: evidence is voided by an administrator, never deleted by an edit.
 */
export function PersonalEffectsFields() {
  const t = useTranslations("Remains");
  const { effectKinds } = useForensicChoices();
  const belongings = useTranslations("Belongings");
  const { categories, colours, materials } = useBelongingChoices();
  const { control, register, formState } = useFormContext<CreateRemainsValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "effects" });
  return (
    <fieldset className="space-y-3" data-testid="personal-effects">
      <legend className="font-medium">{t("effects")}</legend>
      <p className="text-sm text-muted">{t("effectsHint")}</p>
      {fields.map((field, index) => {
        const errors = formState.errors.effects?.[index];
        return (
          <div key={field.id} className="grid items-end gap-3 rounded border border-line p-3 sm:grid-cols-[12rem_1fr_auto]" data-testid="effect-row">
            <SelectInput id={`effect-kind-${index}`} label={t("effectKind")} options={effectKinds} registration={register(`effects.${index}.kind`)} error={errors?.kind?.message} />
            <TextInput id={`effect-description-${index}`} label={t("effectDescription")} required registration={register(`effects.${index}.description`)} error={errors?.description?.message} />
            <div className="grid gap-3 sm:col-span-full sm:grid-cols-3">
              <SelectInput id={`effect-category-${index}`} label={belongings("category")} options={categories} registration={register(`effects.${index}.category`)} error={errors?.category?.message} />
              <SelectInput id={`effect-colour-${index}`} label={belongings("colour")} options={colours} registration={register(`effects.${index}.colour`)} error={errors?.colour?.message} />
              <SelectInput id={`effect-material-${index}`} label={belongings("material")} options={materials} registration={register(`effects.${index}.material`)} error={errors?.material?.message} />
            </div>
            {field.effectId === null ? (
              <button type="button" onClick={() => remove(index)} className="rounded border border-line px-3 py-2 text-sm">
                {t("removeEffect")}
              </button>
            ) : (
              <span />
            )}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => append({ effectId: null, kind: "other", description: "", category: "other", colour: "unknown", material: "unknown" })}
        className="rounded border border-line px-3 py-2 text-sm font-medium"
        data-testid="add-effect"
      >
        {t("addEffect")}
      </button>
    </fieldset>
  );
}
