"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { useMessage } from "@/components/forms/use-message";
import { IDENTIFICATION_BASES, type ProposeIdentificationValues } from "@/lib/identifications/schemas";

/** The kinds of evidence, any combination, and the likelihood ratio that DNA needs. */
export function BasisFields() {
  const t = useTranslations("Identifications");
  const message = useMessage();
  const { register, formState } = useFormContext<ProposeIdentificationValues>();
  const basisError = formState.errors.basis?.message ?? formState.errors.basis?.root?.message;
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={basisError ? "basis-hint basis-error" : "basis-hint"}>
        <legend className="font-medium">
          {t("basis")}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </legend>
        <p id="basis-hint" className="text-sm text-muted">{t("basisHint")}</p>
        {IDENTIFICATION_BASES.map((basis) => (
          <label key={basis} className="flex items-center gap-2">
            <input type="checkbox" value={basis} aria-invalid={Boolean(basisError)} {...register("basis")} />
            {t(`bases.${basis}`)}
          </label>
        ))}
        {basisError && <p id="basis-error" className="text-sm font-medium text-red-800">{message(basisError)}</p>}
      </fieldset>
      <TextInput
        id="likelihoodRatio"
        dir="ltr"
        inputMode="decimal"
        label={t("likelihoodRatio")}
        hint={t("likelihoodRatioHint")}
        registration={register("likelihoodRatio")}
        error={formState.errors.likelihoodRatio?.message}
      />
    </>
  );
}
