import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { DossierLink } from "@/components/dossier/dossier-link";
import { RecordIdentifications } from "@/components/identifications/record-identifications";
import { fullArabicName } from "@/components/people/person-name";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { identificationsOfPerson } from "@/lib/identifications/queries";
import { getMissingPersonDetails } from "@/lib/people/person-queries";
import { getDb } from "@/lib/server/database";
import { recordPageRead } from "@/lib/audit/record-read";
import { LtrText, withIsolatedValues } from "@/components/layout/ltr-text";
import { isSourceValueField } from "@/lib/import/source-value-fields";
import { AmPmRecordSummary } from "@/components/am-pm/record-summary";
import { NonDnaLeads } from "@/components/am-pm/non-dna-leads";
import { getAntemortemRecord, nonDnaLeadsForPerson } from "@/lib/am-pm/queries";
import { authoriseRead, readAccessIf } from "@/lib/auth/read-access";
import { RecognitionLeads } from "@/components/belongings/recognition-leads";
import { recognitionsOfPerson } from "@/lib/belongings/recognitions";
import { PersonConsents } from "@/components/online-reports/person-consents";
import { consentsOfPerson } from "@/lib/online-reports/consents";
import { withheldUsesOfPerson } from "@/lib/online-reports/consent-use";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function MissingPersonPage({ params }: { params: Promise<{ locale: Locale; personId: string }> }) {
  const { locale, personId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const [t, tSource, person] = await Promise.all([getTranslations("People"), getTranslations("Import.sourceValues"), getDb().then((db) => getMissingPersonDetails(read, db, personId))]);
  if (!person) notFound();
  await recordPageRead(session, "missing_person", [person.id]);
  const db = await getDb();
  const belongings = readAccessIf(session, "belongings.view");
  const [identificationRows, antemortem, nonDnaLeads, recognitionLeads, consents, withheld] = await Promise.all([
    identificationsOfPerson(read, db, person.id),
    getAntemortemRecord(read, db, person.id),
    nonDnaLeadsForPerson(authoriseRead(session, "forensic.read"), db, person.id),
    belongings ? recognitionsOfPerson(belongings, db, person.id) : Promise.resolve([]),
    consentsOfPerson(read, db, person.id),
    withheldUsesOfPerson(read, db, person.id),
  ]);
  const mayPropose = can(session.role, "identification.propose") && person.mergedIntoId === null && person.voidedAt === null;
  // A merged or voided record is not edited (the update refuses it); its page only says where it went.
  const mayEdit = can(session.role, "people.write") && person.mergedIntoId === null && person.voidedAt === null;
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{withIsolatedValues((values) => t("personTitle", values), { caseNumber: person.caseNumber })}</h1>
          {mayEdit && (
            <Link href={`/staff/persons/${person.id}/edit`} className="rounded border border-line px-4 py-2 font-medium" data-testid="edit-person">
              {t("edit")}
            </Link>
          )}
          <DossierLink subject="person" id={person.id} role={session.role} />
        </div>
        <p className="text-xl" data-testid="person-name">{fullArabicName(person)}</p>
        {person.nameLatin !== "" && <p><bdi dir="ltr">{person.nameLatin}</bdi></p>}
        {person.mergedIntoId && (
          <p className="rounded bg-notice px-3 py-2">
            {t("mergedInto")} <Link href={`/staff/persons/${person.mergedIntoId}`} className="underline">→</Link>
          </p>
        )}
        {person.mergedFrom.length > 0 && <p className="text-muted">{t("mergedFrom", { caseNumbers: person.mergedFrom.join("، ") })}</p>}
      </header>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("status")}</dt><dd>{t(`statuses.${person.status}`)}</dd>
        <dt className="text-muted">{t("sex")}</dt><dd>{t(`sexes.${person.sex}`)}</dd>
        <dt className="text-muted">{t("birthYear")}</dt><dd>{person.birthYear ?? "—"}</dd>
        <dt className="text-muted">{t("family")}</dt>
        <dd>{person.familyId ? <Link href={`/staff/families/${person.familyId}`} className="text-accent underline"><LtrText>{person.familyReference}</LtrText></Link> : t("noFamily")}</dd>
        <dt className="text-muted">{t("lastSeenOn")}</dt><dd>{person.lastSeenOn ? formatDate(locale, person.lastSeenOn) : "—"}</dd>
        <dt className="text-muted">{t("lastSeenPlace")}</dt><dd>{person.lastSeenPlace || "—"}</dd>
        <dt className="text-muted">{t("circumstances")}</dt><dd>{person.circumstances || "—"}</dd>
      </dl>
      {Object.keys(person.sourceValues).length > 0 && (
        <section className="space-y-2" data-testid="person-register-notes">
          <h2 className="text-xl font-semibold">{t("registerNotes")}</h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {Object.entries(person.sourceValues).map(([field, value]) => (
              <div key={field} className="contents">
                <dt className="text-muted">{isSourceValueField(field) ? tSource(field) : field}</dt>
                <dd dir="auto">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <PersonConsents consents={consents} withheld={withheld} missingPersonId={person.id} locale={locale} mayEdit={mayEdit} />
      <RecognitionLeads leads={recognitionLeads} locale={locale} side="person" />
      <RecordIdentifications
        rows={identificationRows}
        locale={locale}
        proposeHref={mayPropose ? `/staff/identifications/new?person=${person.id}` : null}
        side="person"
      />
      <AmPmRecordSummary side="antemortem" record={antemortem} editHref={mayEdit ? `/staff/persons/${person.id}/antemortem` : null} />
      <NonDnaLeads side="person" ranking={nonDnaLeads} />
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("reportsNaming")}</h2>
        {person.reports.length === 0 && <p className="text-muted">{t("noReports")}</p>}
        <ul data-testid="person-reports">
          {person.reports.map((report) => (
            <li key={report.id}>
              <LtrText>{report.reportNumber}</LtrText> · {report.station} · {formatDate(locale, report.filedOn)} · {t(`categories.${report.category}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("donorsFor")}</h2>
        <ul>
          {person.donors.map((donor) => (
            <li key={donor.id}>{fullArabicName(donor)} — {t(`relationships.${donor.relationship}`)}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}

export default withStaffPageMessages("/staff/persons/[personId]", MissingPersonPage);
