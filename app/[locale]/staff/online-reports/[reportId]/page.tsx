import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { LtrText } from "@/components/layout/ltr-text";
import { ConsentList } from "@/components/online-reports/consent-list";
import { AcceptReportForm, RejectReportForm } from "@/components/online-reports/triage-forms";
import { MatchedPartsText } from "@/components/people/matched-parts-text";
import { fullArabicName } from "@/components/people/person-name";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { consentsOfReport } from "@/lib/online-reports/consents";
import { reporterMayBeContacted } from "@/lib/online-reports/contact";
import { getOnlineReport } from "@/lib/online-reports/queries";
import { suggestFamilyReference } from "@/lib/people/sequences";
import { getDb } from "@/lib/server/database";
import { acceptReport, rejectReport } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * One online report beside the people on file it may be about (the person form's name matcher and
 * the police report number), with the registrar's two decisions. Reading it is audited.
 */
async function OnlineReportPage({ params }: { params: Promise<{ locale: Locale; reportId: string }> }) {
  const { locale, reportId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.write");
  if (!isUuid(reportId)) notFound();
  const db = await getDb();
  const found = await getOnlineReport(read, db, reportId);
  if (!found) notFound();
  await recordPageRead(read.session, "online_report", [reportId]);
  const { report, duplicates, policeMatches } = found;
  const [t, tPeople, tForm, consents, familyReference] = await Promise.all([
    getTranslations("OnlineReport.staff"),
    getTranslations("People"),
    getTranslations("OnlineReport.fields"),
    consentsOfReport(read, db, report.id),
    report.status === "submitted" ? suggestFamilyReference(read, db) : Promise.resolve(""),
  ]);
  const mayContact = reporterMayBeContacted(consents);
  const fields = (rows: [string, string | null][]) => (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd dir="auto">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
  const onFile = [
    ...duplicates.map((person) => ({ id: person.id, label: `${person.caseNumber} — ${fullArabicName(person)}` })),
    ...policeMatches.filter((match) => !duplicates.some((person) => person.id === match.id)).map((match) => ({ id: match.id, label: `${match.caseNumber} — ${fullArabicName(match)}` })),
  ];
  return (
    <section className="mx-auto max-w-4xl space-y-6" data-testid="online-report">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("reportTitle", { reference: report.reference })}</h1>
        <p className="text-muted">{formatDateTime(locale, report.submittedAt.toISOString())} · {t(`statuses.${report.status as "submitted"}`)}</p>
      </header>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("personHeading")}</h2>
        {fields([
          [t("person"), fullArabicName(report)],
          [tPeople("sex"), tPeople(`sexes.${report.sex}`)],
          [tPeople("birthYear"), report.birthYear === null ? null : String(report.birthYear)],
          [tPeople("lastSeenOn"), report.lastSeenOn ? formatDate(locale, report.lastSeenOn) : null],
          [tPeople("lastSeenPlace"), report.lastSeenPlace],
          [tPeople("circumstances"), report.circumstances],
          [tForm("policeReportNumber"), report.policeReportNumber],
        ])}
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("reporterHeading")}</h2>
        {!mayContact && <p className="rounded border border-red-800 p-3 font-medium text-red-800" role="note" data-testid="do-not-contact">{t("doNotContact")}</p>}
        {fields([
          [tForm("reporterName"), report.reporterName],
          [tForm("reporterRelationship"), report.reporterRelationship],
          // Without a live consent (d) the reporter's phone and e-mail are not offered for contact.
          ...(mayContact
            ? ([
                [tForm("reporterPhone"), report.reporterPhone],
                [tForm("reporterEmail"), report.reporterEmail],
              ] as [string, string][])
            : []),
          [tForm("reporterResidence"), report.reporterResidence],
        ])}
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("relativesHeading")}</h2>
        <p dir="auto" className="whitespace-pre-line">{report.relatives || "—"}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("consentsHeading")}</h2>
        <ConsentList consents={consents} locale={locale} />
      </section>
      {report.status === "submitted" ? (
        <>
          <section className="space-y-2" data-testid="report-duplicates">
            <h2 className="text-xl font-semibold">{t("duplicatesHeading")}</h2>
            {onFile.length === 0 && <p>{t("noDuplicates")}</p>}
            <ul className="space-y-2">
              {duplicates.map((person) => (
                <li key={person.id} data-testid="report-duplicate">
                  <Link href={`/staff/persons/${person.id}`} className="text-accent underline" target="_blank"><LtrText>{person.caseNumber}</LtrText> — {fullArabicName(person)}</Link>
                  <span className="block"><MatchedPartsText parts={person.parts} t={tPeople} testId="report-duplicate-parts" /></span>
                </li>
              ))}
            </ul>
            {policeMatches.length > 0 && (
              <>
                <h3 className="font-semibold">{t("policeMatchesHeading")}</h3>
                <ul data-testid="report-police-matches">
                  {policeMatches.map((match) => (
                    <li key={`${match.id}-${match.station}`}>
                      <Link href={`/staff/persons/${match.id}`} className="text-accent underline" target="_blank"><LtrText>{match.caseNumber}</LtrText> — {fullArabicName(match)}</Link> · {match.station} · <LtrText>{match.reportNumber}</LtrText>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="space-y-2 rounded border border-line p-4">
            <h2 className="text-xl font-semibold">{t("acceptHeading")}</h2>
            <AcceptReportForm
              action={acceptReport}
              reportId={report.id}
              version={report.version}
              newFamily={{ reference: familyReference, contactName: report.reporterName, phone: mayContact ? report.reporterPhone.replace(/[^+\d\s-]/g, "").slice(0, 24) : "", area: report.reporterResidence.slice(0, 200) }}
              people={onFile}
            />
          </section>
          <section className="space-y-2 rounded border border-line p-4">
            <h2 className="text-xl font-semibold">{t("rejectHeading")}</h2>
            <RejectReportForm action={rejectReport} reportId={report.id} version={report.version} />
          </section>
        </>
      ) : (
        <section className="space-y-2" data-testid="report-decision">
          <p>{t("decision", { name: report.decidedByName ?? "—", date: report.decidedAt ? formatDateTime(locale, report.decidedAt.toISOString()) : "—" })}</p>
          {report.status === "accepted" && report.missingPersonId && (
            <p>
              {t("acceptedAs")} <Link href={`/staff/persons/${report.missingPersonId}`} className="text-accent underline" data-testid="accepted-person"><LtrText>{report.personCaseNumber}</LtrText></Link>
              {report.familyId && <> · <Link href={`/staff/families/${report.familyId}`} className="text-accent underline"><LtrText>{report.familyReference}</LtrText></Link></>}
            </p>
          )}
          {report.status === "rejected" && <p dir="auto">{t("rejectedBecause", { kind: t(`kinds.${(report.rejectionKind ?? "other") as "other"}`), reason: report.rejectionReason })}</p>}
        </section>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/online-reports/[reportId]", OnlineReportPage);
