import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { PoliceReportDetails as Report } from "@/lib/reports/report-details";
import { fullArabicName } from "./person-name";

/** A police report's facts and the people it names, each by case number with a link to their record. */
export async function PoliceReportDetails({ report, locale }: { report: Report; locale: Locale }) {
  const [t, tEdits] = await Promise.all([getTranslations("People"), getTranslations("PeopleEdits")]);
  return (
    <>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="report-details">
        <dt className="text-muted">{t("reportNumber")}</dt><dd><bdi className="whitespace-nowrap">{report.reportNumber}</bdi></dd>
        <dt className="text-muted">{t("station")}</dt><dd>{report.station}</dd>
        <dt className="text-muted">{t("filedOn")}</dt><dd>{formatDate(locale, report.filedOn)}</dd>
        <dt className="text-muted">{t("category")}</dt><dd>{t(`categories.${report.category}`)}</dd>
        <dt className="text-muted">{t("reporterName")}</dt><dd>{report.reporterName}</dd>
        <dt className="text-muted">{t("reporterRelationship")}</dt><dd>{report.reporterRelationship || "—"}</dd>
        <dt className="text-muted">{tEdits("reportRecordedOn")}</dt><dd>{formatDate(locale, report.createdAt)}</dd>
        <dt className="text-muted">{tEdits("reportUpdatedOn")}</dt><dd>{formatDate(locale, report.updatedAt)}</dd>
      </dl>
      <section className="space-y-2" aria-labelledby="narrative-title">
        <h2 id="narrative-title" className="text-lg font-semibold">{t("narrative")}</h2>
        <p className="whitespace-pre-line" dir="auto" data-testid="report-narrative">{report.narrative || "—"}</p>
      </section>
      <section className="space-y-2" aria-labelledby="persons-title">
        <h2 id="persons-title" className="text-lg font-semibold">{t("personsNamed")}</h2>
        <ul className="space-y-1" data-testid="report-persons">
          {report.persons.map((person) => (
            <li key={person.id}>
              <Link href={`/staff/persons/${person.id}`} className="text-accent underline">
                <bdi className="whitespace-nowrap">{person.caseNumber}</bdi> — {fullArabicName(person)}
              </Link>
              {person.mergedIntoId !== null && <span className="ms-2 text-sm text-muted">({tEdits("linkedPersonMerged")})</span>}
              {person.mergedIntoId === null && person.voidedAt !== null && <span className="ms-2 text-sm text-muted">({tEdits("linkedPersonVoided")})</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
