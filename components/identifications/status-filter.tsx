import { getTranslations } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { IdentificationStatus } from "@/lib/identifications/state-machine";

const STATUSES: readonly IdentificationStatus[] = ["proposed", "confirmed", "family_notified", "remains_returned", "rejected", "retracted"];

/** A plain GET form: the filter is in the address, so it works before scripts load and can be shared. */
export async function StatusFilter({ locale, selected }: { locale: string; selected: IdentificationStatus | null }) {
  const t = await getTranslations("Identifications");
  return (
    <form action={`/${locale}/staff/identifications`} method="get" className="flex flex-wrap items-end gap-2" data-testid="status-filter">
      <div className="space-y-1">
        <label htmlFor="status" className="block font-medium">{t("filterLabel")}</label>
        <select id="status" name="status" defaultValue={selected ?? ""} className={inputClassName}>
          <option value="">{t("filterAll")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>{t(`statuses.${status}`)}</option>
          ))}
        </select>
      </div>
      <button type="submit" className={primaryButtonClassName}>{t("filterSubmit")}</button>
    </form>
  );
}
