import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";

/** A voided family, donor or sample stays readable, marked as such, with when and why. */
export async function PeopleVoidedNotice({ voidedAt, reason, locale }: { voidedAt: Date | null; reason: string | null; locale: Locale }) {
  if (!voidedAt) return null;
  const t = await getTranslations("PeopleEdits");
  return (
    <p role="status" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="voided-notice">
      {t("voided", { date: formatDate(locale, voidedAt), reason: reason ?? "" })}
    </p>
  );
}
