import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { CustodyTimeline } from "@/components/forensic/custody-timeline";
import { LabStatusForm } from "@/components/people/lab-status-form";
import { fullArabicName } from "@/components/people/person-name";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getCustodyTimeline } from "@/lib/forensic/custody-queries";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { changeLabStatus, withdrawConsent } from "../actions";
import { WithdrawConsentForm } from "@/components/people/withdraw-consent-form";
import { getReferenceSample } from "@/lib/people/sample-queries";
import { AccessCodePrompt } from "./access-code-prompt";
import { recordPageRead } from "@/lib/audit/record-read";
import { LtrText } from "@/components/layout/ltr-text";
import { authoriseRead, readAccessIf } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** A reference sample: where it is in the lab, the form for its next step, and its chain of custody. */
async function SamplePage({ params }: { params: Promise<{ locale: Locale; sampleId: string }> }) {
  const { locale, sampleId } = await params;
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  setRequestLocale(locale);
  const db = await getDb();
  const [t, tCustody, sample] = await Promise.all([getTranslations("People"), getTranslations("Custody"), getReferenceSample(read, db, sampleId)]);
  if (!sample) notFound();
  await recordPageRead(session, "dna_sample", [sample.id]);
  const events = await getCustodyTimeline(authoriseRead(session, "forensic.read"), db, { sampleId: sample.id });
  const date = (value: string | null) => (value ? formatDate(locale, value) : "—");
  const accessCodes = readAccessIf(session, "familyAccessCode.issue");
  const mayWrite = can(session.role, "people.write") && !sample.voidedAt;
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <Link href={`/staff/families/${sample.familyId}`} className="text-sm text-accent underline"><LtrText>{sample.familyReference}</LtrText></Link>
        <h1 className="text-2xl font-semibold">{t("sampleTitle")} <LtrText><span data-testid="sample-barcode">{sample.barcode}</span></LtrText></h1>
        <div className="flex flex-wrap gap-4">
          {can(session.role, "personalData.export") && !sample.voidedAt && (
            <Link href={`/staff/samples/${sample.id}/receipt`} className="text-accent underline" data-testid="receipt-link">{t("receipt")}</Link>
          )}
          {mayWrite && (
            <Link href={`/staff/samples/${sample.id}/edit`} className="text-accent underline" data-testid="edit-sample">{t("edit")}</Link>
          )}
        </div>
        <PeopleVoidedNotice voidedAt={sample.voidedAt} reason={sample.voidReason} locale={locale} />
        {accessCodes && <AccessCodePrompt access={accessCodes} familyId={sample.familyId} />}
      </header>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("donor")}</dt>
        <dd>{fullArabicName({ givenName: sample.donorGivenName, fatherName: sample.donorFatherName, familyName: sample.donorFamilyName })}</dd>
        <dt className="text-muted">{t("collectedOn")}</dt><dd>{date(sample.collectedOn)}</dd>
        <dt className="text-muted">{t("collectedBy")}</dt><dd>{sample.collectedByName}</dd>
        <dt className="text-muted">{t("labStatus")}</dt><dd data-testid="lab-status">{t(`labStatuses.${sample.labStatus}`)}</dd>
        <dt className="text-muted">{t("laboratory")}</dt><dd>{sample.laboratory || "—"}</dd>
        <dt className="text-muted">{t("labStatuses.shipped")}</dt><dd>{date(sample.shippedOn)}</dd>
        <dt className="text-muted">{t("labStatuses.received")}</dt><dd>{date(sample.receivedOn)}</dd>
        <dt className="text-muted">{t("labStatuses.profiled")}</dt><dd>{date(sample.profiledOn)}</dd>
        {sample.labStatus === "failed" && (
          <>
            <dt className="text-muted">{t("labStatuses.failed")}</dt><dd>{date(sample.failedOn)}</dd>
            <dt className="text-muted">{t("failureReason")}</dt><dd>{sample.failureReason || "—"}</dd>
          </>
        )}
      </dl>
      {sample.consentWithdrawnOn && (
        <section role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="consent-withdrawn">
          <h2 className="text-lg font-semibold">{t("consentWithdrawnTitle")}</h2>
          <p>{t("consentWithdrawnBody", { date: date(sample.consentWithdrawnOn), wording: sample.consentWithdrawalWording })}</p>
          {sample.consentWithdrawalNote && <p dir="auto">{sample.consentWithdrawalNote}</p>}
        </section>
      )}
      {mayWrite && !sample.consentWithdrawnOn && (
        <section className="space-y-3 rounded border border-line p-4">
          <h2 className="text-xl font-semibold">{t("changeLabStatus")}</h2>
          <LabStatusForm action={changeLabStatus} sampleId={sample.id} version={sample.version} current={sample.labStatus} laboratory={sample.laboratory} />
        </section>
      )}
      {mayWrite && !sample.consentWithdrawnOn && (
        <section className="space-y-3 rounded border border-red-200 p-4" aria-labelledby="withdraw-consent-title">
          <h2 id="withdraw-consent-title" className="text-xl font-semibold">{t("withdrawConsentTitle")}</h2>
          <p className="text-sm text-muted">{t("withdrawConsentIntro")}</p>
          <WithdrawConsentForm action={withdrawConsent} sampleId={sample.id} version={sample.version} />
        </section>
      )}
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{tCustody("title")}</h2>
        <CustodyTimeline events={events} locale={locale} />
      </section>
    </section>
  );
}

export default withStaffPageMessages("/staff/samples/[sampleId]", SamplePage);
