import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { RemainsRecord } from "@/lib/forensic/remains-queries";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { LtrText } from "@/components/layout/ltr-text";

export async function RemainsDetails({ record, locale }: { record: RemainsRecord; locale: Locale }) {
  const [t, forensic] = await Promise.all([getTranslations("Remains"), getTranslations("Forensic")]);
  const age = record.ageMin === null && record.ageMax === null ? "—" : `${record.ageMin ?? "?"}–${record.ageMax ?? "?"}`;
  const rows: Array<[string, string]> = [
    [t("recoveredOn"), formatDate(locale, record.recoveredOn)],
    [t("estimatedSex"), forensic(`sexes.${record.estimatedSex}`)],
    [t("ageRange"), age],
    [t("condition"), forensic(`conditions.${record.condition}`)],
    [t("storageLocation"), record.storageLocation || "—"],
    [t("notes"), record.notes || "—"],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2" data-testid="remains-details">
        <dt className="text-muted">{t("site")}</dt>
        <dd>
          <Link href={`/staff/sites/${record.site.id}`} className="text-accent underline">
            <LtrText>{record.site.code}</LtrText> · {locale === "ar" ? record.site.nameAr : record.site.nameEn}
          </Link>
        </dd>
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="effects-title" className="space-y-2">
        <h2 id="effects-title" className="text-lg font-semibold">
          {t("effects")}
        </h2>
        {record.effects.length === 0 ? (
          <p className="text-muted">{t("noEffects")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-6" data-testid="effects-list">
            {record.effects.map((effect) => (
              <li key={effect.id}>
                <span className="font-medium">{forensic(`effectKinds.${effect.kind}`)}</span>: {effect.description}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
