import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FollowUpForm } from "@/components/belongings/follow-up-form";
import { LtrText } from "@/components/layout/ltr-text";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { openRecognitions } from "@/lib/belongings/recognitions";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { recordPageRead } from "@/lib/audit/record-read";
import { getDb } from "@/lib/server/database";
import { followUpRecognition } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The forensic team's work queue: every tentative recognition not yet followed up, oldest first. */
async function RecognitionQueuePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "belongings.view");
  const [t, leads] = await Promise.all([getTranslations("Belongings"), openRecognitions(read, await getDb())]);
  const mayFollowUp = can(read.session.role, "forensic.write");
  // Each lead names a missing person: the queue is a read of their records.
  await recordPageRead(read.session, "missing_person", leads.map((lead) => lead.missingPersonId));
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("leads.queueTitle")}</h1>
      <p className="text-muted">{t("leads.notIdentification")}</p>
      {leads.length === 0 ? (
        <p>{t("leads.queueEmpty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="recognition-queue">
          {leads.map((lead) => (
            <li key={lead.id} className="space-y-2 rounded border border-line p-3" data-testid="queued-recognition">
              <p>
                <span className="font-medium">{t(`categories.${lead.category}`)}</span> — {lead.description}
              </p>
              <p>{t("leads.line", { relative: lead.recognisedBy, person: lead.personName })}</p>
              {lead.words && (
                <p className="text-sm">
                  {t("leads.words")} «{lead.words}»
                </p>
              )}
              <p className="text-sm">
                {t("leads.body")}:{" "}
                <Link href={`/staff/remains/${lead.remainsId}`} className="text-accent underline">
                  <LtrText>{lead.remainsCode}</LtrText>
                </Link>{" "}
                · {t("leads.person")}:{" "}
                <Link href={`/staff/persons/${lead.missingPersonId}`} className="text-accent underline">
                  <LtrText>{lead.caseNumber}</LtrText>
                </Link>{" "}
                · {t(`leads.source.${lead.source}`)} · {formatDateTime(locale, lead.createdAt)}
              </p>
              {mayFollowUp && <FollowUpForm recognitionId={lead.id} action={followUpRecognition} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/belongings/leads", RecognitionQueuePage);
