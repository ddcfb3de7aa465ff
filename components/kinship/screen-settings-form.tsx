import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ScreenParameters } from "@/lib/dna-profiles/screening";

function NumberField({ name, label, hint, value }: { name: keyof ScreenParameters; label: string; hint?: string; value: number }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      {hint && <span className="block text-muted">{hint}</span>}
      <input type="text" inputMode="decimal" dir="ltr" name={name} defaultValue={String(value)} className={inputClassName} />
    </label>
  );
}

/** A plain GET form: the parameters live in the address of the results, so a screen can be rerun and shared. */
export async function ScreenSettingsForm({ locale, parameters }: { locale: Locale; parameters: ScreenParameters }) {
  const t = await getTranslations("Kinship");
  return (
    <form method="get" action={`/${locale}/staff/kinship/leads`} className="grid gap-3 sm:grid-cols-2" data-testid="screen-settings">
      <NumberField name="theta" label={t("theta")} hint={t("thetaHint")} value={parameters.theta} />
      <NumberField name="mutationRate" label={t("mutationRate")} hint={t("mutationRateHint")} value={parameters.mutationRate} />
      <NumberField name="threshold" label={t("threshold")} hint={t("thresholdHint")} value={parameters.threshold} />
      <NumberField name="unregistered" label={t("unregistered")} hint={t("unregisteredHint")} value={parameters.unregistered} />
      <div className="sm:col-span-2">
        <button type="submit" className={primaryButtonClassName}>
          {t("runScreen")}
        </button>
      </div>
    </form>
  );
}
