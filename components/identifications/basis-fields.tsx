"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { useMessage } from "@/components/forms/use-message";
import { formatLikelihoodRatio, parseLikelihoodRatio } from "@/lib/identifications/likelihood-ratio";
import { IDENTIFICATION_BASES, type ProposeIdentificationValues } from "@/lib/identifications/schemas";
import { withIsolatedValues } from "@/components/layout/ltr-text";

/** The ratio as the registry read it, shown back before saving so a misplaced comma is seen. */
function LikelihoodRatioReadBack() {
  const t = useTranslations("Identifications");
  const { watch } = useFormContext<ProposeIdentificationValues>();
  const parsed = parseLikelihoodRatio(watch("likelihoodRatio"), watch("locale"));
  return (
    <p className="text-sm" aria-live="polite" data-testid="likelihood-ratio-read-back">
      {parsed.ok && withIsolatedValues((values) => t("likelihoodRatioReadBack", values), { value: formatLikelihoodRatio(parsed.value) })}
    </p>
  );
}

/** Shown once the server finds no analysed reference profile, or when already ticked. */
function ProfileOverride() {
  const t = useTranslations("Identifications");
  const message = useMessage();
  const { register, watch, formState } = useFormContext<ProposeIdentificationValues>();
  const error = formState.errors.dnaProfileOverride?.message;
  if (!error && !watch("dnaProfileOverride")) return null;
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3" data-testid="dna-profile-override">
      {error && <p className="font-medium text-red-800" role="alert">{message(error)}</p>}
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" {...register("dnaProfileOverride")} />
        <span>{t("dnaOverrideLabel")}</span>
      </label>
      {watch("dnaProfileOverride") && (
        <TextInput id="dnaOverrideReason" label={t("dnaOverrideReason")} hint={t("dnaOverrideHint")} required multiline registration={register("dnaOverrideReason")} error={formState.errors.dnaOverrideReason?.message} />
      )}
    </div>
  );
}

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
      <input type="hidden" {...register("locale")} />
      <TextInput
        id="likelihoodRatio"
        dir="ltr"
        inputMode="decimal"
        label={t("likelihoodRatio")}
        hint={t("likelihoodRatioHint")}
        registration={register("likelihoodRatio")}
        error={formState.errors.likelihoodRatio?.message}
      />
      <LikelihoodRatioReadBack />
      <ProfileOverride />
    </>
  );
}
