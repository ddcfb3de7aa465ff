import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { fullArabicName } from "@/components/people/person-name";
import type { FamilyPortalPerson } from "@/lib/family-portal/status";
import { PersonTimeline } from "./person-timeline";

interface FamilyStatusProps {
  locale: Locale;
  reference: string;
  persons: FamilyPortalPerson[];
}

/** What a signed-in family sees: each of its own missing relatives with a plain-language timeline. */
export async function FamilyStatus({ locale, reference, persons }: FamilyStatusProps) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold" data-testid="family-heading">
          {t("familyHeading")} <bdi dir="ltr">{reference}</bdi>
        </h1>
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
                <p className="text-muted">{t("caseNumber")} <bdi dir="ltr">{person.caseNumber}</bdi></p>
              </div>
              <PersonTimeline steps={person.steps} locale={locale} label={t("timelineLabel", { name })} />
              {person.contactOffice && (
                <p className="rounded bg-notice px-3 py-2 text-lg text-notice-ink" data-testid="contact-office">{t("contactOffice")}</p>
              )}
            </li>
          );
        })}
      </ul>
      <form method="post" action={`/${locale}/family/sign-out`}>
        <button type="submit" className="w-full rounded border-2 border-accent px-4 py-3 text-lg font-semibold text-accent sm:w-auto" data-testid="family-sign-out">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
