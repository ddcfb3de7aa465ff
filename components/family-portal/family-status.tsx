import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { fullArabicName } from "@/components/people/person-name";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { identifiedCount } from "@/lib/family-portal/identified-count";
import type { FamilyPortalPerson } from "@/lib/family-portal/status";
import { formatDate } from "@/lib/i18n/format";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";
import { AfterIdentification } from "./after-identification";
import { PersonTimeline } from "./person-timeline";

interface FamilyStatusProps {
  locale: Locale;
  reference: string;
  persons: FamilyPortalPerson[];
  contact: OfficeContactValues;
}

/** Birth year and last-seen date, shown only to tell apart two relatives of the same name. */
async function Distinguishing({ person, locale }: { person: FamilyPortalPerson; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  const parts = [
    person.birthYear !== null ? t("bornIn", { year: String(person.birthYear) }) : null,
    person.lastSeenOn ? t("lastSeenOn", { date: formatDate(locale, person.lastSeenOn) }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return <p className="text-muted" data-testid="person-distinguishing">{parts.join(" · ")}</p>;
}

/** After the visit: condolences and what happens next; before it, only that there is news. */
async function IdentificationNote({ person, locale, contact }: { person: FamilyPortalPerson; locale: Locale; contact: OfficeContactValues }) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  if (person.outcome === "informed" || person.outcome === "returned") {
    return (
      <div className="space-y-2 rounded bg-accent-soft px-3 py-2" data-testid="identification-next">
        <p className="font-medium">{t("condolences")}</p>
        <p>{t(person.outcome === "informed" ? "nextInformed" : "nextReturned")}</p>
        {person.aftercare && <AfterIdentification aftercare={person.aftercare} locale={locale} contact={contact} />}
      </div>
    );
  }
  if (!person.contactOffice) return null;
  return (
    <div className="space-y-3 rounded bg-notice px-3 py-2 text-notice-ink" data-testid="contact-office">
      <p className="text-lg">{t(person.outcome === "news" ? "newsMessage" : "contactOffice")}</p>
      <OfficeContactDetails contact={contact} locale={locale} testId="contact-office-details" headingLevel={3} />
    </div>
  );
}

/** What a signed-in family sees: each of its own missing relatives with a plain-language timeline. */
export async function FamilyStatus({ locale, reference, persons, contact }: FamilyStatusProps) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold" data-testid="family-heading">
          {t("familyHeading")} <bdi dir="ltr">{reference}</bdi>
        </h1>
        {persons.length > 0 && (
          <p className="text-lg font-medium" data-testid="family-summary">
            {t("summaryLine", { identified: String(identifiedCount(persons)), total: String(persons.length) })}
          </p>
        )}
        <p className="text-muted">{t("sessionNote")}</p>
      </header>
      {persons.length === 0 && <p className="text-lg">{t("noPersons")}</p>}
      <ul className="space-y-5" data-testid="family-persons">
        {persons.map((person) => {
          const name = fullArabicName(person);
          return (
            <li key={person.caseNumber} className="space-y-4 rounded border border-line bg-white p-4" data-testid="family-person">
              <div>
                <h2 className="text-xl font-semibold" lang="ar" dir="rtl">{name}</h2>
                {person.sharesNameWithAnother && <Distinguishing person={person} locale={locale} />}
                <p className="text-muted">{t("caseNumber")} <bdi dir="ltr">{person.caseNumber}</bdi></p>
              </div>
              <PersonTimeline steps={person.steps} locale={locale} label={t("timelineLabel", { name })} />
              <IdentificationNote person={person} locale={locale} contact={contact} />
            </li>
          );
        })}
      </ul>
      <OfficeContactDetails contact={contact} locale={locale} />
      <form method="post" action={`/${locale}/family/sign-out`}>
        <button type="submit" className="w-full rounded border-2 border-accent px-4 py-3 text-lg font-semibold text-accent sm:w-auto" data-testid="family-sign-out">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
