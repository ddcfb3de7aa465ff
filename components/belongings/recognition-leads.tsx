import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import type { RecognitionLead } from "@/lib/belongings/recognitions";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";

/**
 * Tentative recognitions from the Book of Belongings, on a body's or a person's page: labelled as
 * leads, beside (never inside) the identifications.
 */
export async function RecognitionLeads({ leads, locale, side }: { leads: readonly RecognitionLead[]; locale: Locale; side: "body" | "person" }) {
  if (leads.length === 0) return null;
  const t = await getTranslations("Belongings");
  return (
    <section aria-labelledby="recognition-leads-title" className="space-y-2 rounded border border-line bg-notice text-notice-ink p-4" data-testid="recognition-leads">
      <h2 id="recognition-leads-title" className="text-lg font-semibold">
        {t("leads.title")}
      </h2>
      <p className="text-sm">{t("leads.notIdentification")}</p>
      <ul className="space-y-2">
        {leads.map((lead) => (
          <li key={lead.id} className="space-y-1">
            <p>
              <span className="font-medium">{t(`categories.${lead.category}`)}</span> —{" "}
              {t("leads.line", { relative: lead.recognisedBy, person: lead.personName })} ({t(`leads.source.${lead.source}`)},{" "}
              {formatDateTime(locale, lead.createdAt)})
            </p>
            {lead.words && (
              <p className="text-sm">
                {t("leads.words")} «{lead.words}»
              </p>
            )}
            <p className="text-sm">
              {side === "body" ? (
                <Link href={`/staff/persons/${lead.missingPersonId}`} className="text-accent underline">
                  <LtrText>{lead.caseNumber}</LtrText>
                </Link>
              ) : (
                <Link href={`/staff/remains/${lead.remainsId}`} className="text-accent underline">
                  <LtrText>{lead.remainsCode}</LtrText>
                </Link>
              )}
              {lead.followedUpAt && ` · ${t("leads.followedUp")}: ${lead.followUpNote ?? ""}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
