import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { listRemainsOfSite } from "@/lib/forensic/remains-queries";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { LtrText } from "@/components/layout/ltr-text";

type SiteBody = Awaited<ReturnType<typeof listRemainsOfSite>>[number];

export async function SiteRemainsList({ bodies, locale }: { bodies: SiteBody[]; locale: Locale }) {
  const [t, forensic] = await Promise.all([getTranslations("GraveSites"), getTranslations("Forensic")]);
  return (
    <section className="space-y-3" aria-labelledby="site-remains-title">
      <h2 id="site-remains-title" className="text-lg font-semibold">
        {t("remainsOfSite")}
      </h2>
      {bodies.length === 0 ? (
        <p className="text-muted">{t("noRemains")}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="site-remains">
          {bodies.map((body) => (
            <li key={body.id} className="rounded border border-line px-3 py-2 text-sm">
              <Link href={`/staff/remains/${body.id}`} className="font-mono text-accent underline">
                <LtrText>{body.code}</LtrText>
              </Link>
              <span className="block text-muted">
                {formatDate(locale, body.recoveredOn)} · {forensic(`conditions.${body.condition}`)} · {forensic(`sexes.${body.estimatedSex}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
