import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { fullArabicName } from "@/components/people/person-name";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { ageAtDisappearance } from "@/lib/identifications/fit";
import { formatLikelihoodRatio } from "@/lib/identifications/likelihood-ratio";
import type { IdentificationDetails as Details } from "@/lib/identifications/queries";
import { LtrText } from "@/components/layout/ltr-text";
import { LikelihoodRatioBasisNote } from "./lr-basis";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The two sides side by side, as the reviewer compares them, then the evidence and each step taken. */
export async function IdentificationDetails({ details, locale }: { details: Details; locale: Locale }) {
  const [t, forensic] = await Promise.all([getTranslations("Identifications"), getTranslations("Forensic")]);
  const { identification, body, person } = details;
  const age = ageAtDisappearance(person);
  const ageRange = body.ageMin === null && body.ageMax === null ? t("unknown") : t("ageRangeValue", { min: body.ageMin ?? "?", max: body.ageMax ?? "?" });
  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="side-body" className="rounded border border-line p-4">
          <h2 id="side-body" className="mb-2 font-semibold">{t("body")}</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <Row term={t("remainsCode")}><Link href={`/staff/remains/${body.id}`} className="font-mono text-accent underline"><LtrText>{body.code}</LtrText></Link></Row>
            <Row term={t("estimatedSex")}>{forensic(`sexes.${body.estimatedSex}`)}</Row>
            <Row term={t("ageRange")}>{ageRange}</Row>
          </dl>
        </section>
        <section aria-labelledby="side-person" className="rounded border border-line p-4">
          <h2 id="side-person" className="mb-2 font-semibold">{t("person")}</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <Row term={t("person")}><Link href={`/staff/persons/${person.id}`} className="text-accent underline"><LtrText>{person.caseNumber}</LtrText> — {fullArabicName(person)}</Link></Row>
            <Row term={t("personSex")}>{forensic(`sexes.${person.sex}`)}</Row>
            <Row term={t("birthYear")}>{person.birthYear ?? t("unknown")}</Row>
            <Row term={t("lastSeenOn")}>{person.lastSeenOn ? formatDate(locale, person.lastSeenOn) : t("unknown")}</Row>
            <Row term={t("ageWhenLastSeen")}>{age ?? t("unknown")}</Row>
          </dl>
        </section>
      </div>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="identification-details">
        <Row term={t("currentStatus")}><span data-testid="identification-status">{t(`statuses.${identification.status}`)}</span></Row>
        <Row term={t("basis")}>{identification.basis.map((basis) => t(`bases.${basis}`)).join("، ")}</Row>
        {identification.likelihoodRatio !== null && <Row term={t("likelihoodRatio")}><LtrText><span data-testid="likelihood-ratio">{formatLikelihoodRatio(identification.likelihoodRatio)}</span></LtrText></Row>}
        {identification.lrBasis && <Row term={t("lrBasis.title")}><LikelihoodRatioBasisNote basis={identification.lrBasis} /></Row>}
        {identification.dnaOverrideReason && <Row term={t("dnaOverrideShown")}><span data-testid="dna-override-reason">{identification.dnaOverrideReason}</span></Row>}
        <Row term={t("evidenceSummary")}>{identification.evidenceSummary}</Row>
        <Row term={t("proposedBy")}>{t("byOn", { name: details.proposedByName, date: formatDateTime(locale, identification.proposedAt) })}</Row>
        {identification.confirmedAt && <Row term={t("confirmedBy")}>{t("byOn", { name: details.confirmedByName ?? "—", date: formatDateTime(locale, identification.confirmedAt) })}</Row>}
        {identification.notifiedOn && (
          <Row term={t("notified")}>
            {t("notifiedValue", { date: formatDate(locale, identification.notifiedOn), name: details.notifiedByName ?? "—", method: identification.notificationMethod === "in_person" ? t("methods.in_person") : (identification.notificationMethod ?? "—") })}
          </Row>
        )}
        {identification.returnedOn && (
          <Row term={t("returned")}>{t("returnedValue", { date: formatDate(locale, identification.returnedOn), to: identification.returnedTo ?? "—", place: identification.burialPlace ?? "—" })}</Row>
        )}
        {identification.rejectionReason && <Row term={t("rejectionReason")}>{identification.rejectionReason}</Row>}
        {identification.retractionReason && <Row term={t("retractionReason")}>{identification.retractionReason}</Row>}
      </dl>
    </div>
  );
}
