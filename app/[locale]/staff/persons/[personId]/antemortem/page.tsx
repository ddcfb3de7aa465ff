import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AntemortemForm } from "@/components/am-pm/antemortem-form";
import { fullArabicName } from "@/components/people/person-name";
import { getAntemortemRecord } from "@/lib/am-pm/queries";
import { antemortemFormValues } from "@/lib/am-pm/form-values";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { authoriseRead } from "@/lib/auth/read-access";
import { todayInLibya } from "@/lib/forensic/dates";
import { getMissingPersonDetails } from "@/lib/people/person-queries";
import { getDb } from "@/lib/server/database";
import { saveAntemortem } from "../../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function AntemortemPage({ params }: { params: Promise<{ locale: Locale; personId: string }> }) {
  const { locale, personId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "people.write"), "people.read");
  const db = await getDb();
  const [t, person, record] = await Promise.all([getTranslations("AmPm"), getMissingPersonDetails(read, db, personId), getAntemortemRecord(read, db, personId)]);
  if (!person || person.voidedAt || person.mergedIntoId) notFound();
  const donors = person.donors.map((donor) => ({ value: donor.id, label: fullArabicName(donor) }));
  return (
    <section className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("antemortemEditTitle", { caseNumber: person.caseNumber })}</h1>
      <p className="text-muted">{t("antemortemIntro")}</p>
      <AntemortemForm action={saveAntemortem} values={antemortemFormValues(personId, record, todayInLibya())} donors={donors} />
    </section>
  );
}

export default withStaffPageMessages("/staff/persons/[personId]/antemortem", AntemortemPage);
