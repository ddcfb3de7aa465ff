import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { EditMissingPersonForm } from "@/components/people/edit-missing-person-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getMissingPersonDetails } from "@/lib/people/person-queries";
import type { UpdateMissingPersonValues } from "@/lib/people/schemas";
import { getDb } from "@/lib/server/database";
import { updateMissingPerson, voidMissingPerson } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function EditMissingPersonPage({ params }: { params: Promise<{ locale: Locale; personId: string }> }) {
  const { locale, personId } = await params;
  const read = authoriseRead(await requirePagePermission(locale, "people.write"), "people.read");
  setRequestLocale(locale);
  const [t, person] = await Promise.all([getTranslations("People"), getDb().then((db) => getMissingPersonDetails(read, db, personId))]);
  // A merged or voided record is no longer edited: its page says where it went.
  if (!person || person.mergedIntoId !== null || person.voidedAt !== null || person.status === "merged") notFound();
  const values: UpdateMissingPersonValues = {
    missingPersonId: person.id,
    version: person.version,
    status: person.status,
    familyId: person.familyId ?? "",
    givenName: person.givenName,
    fatherName: person.fatherName,
    grandfatherName: person.grandfatherName,
    familyName: person.familyName,
    nameLatin: person.nameLatin,
    sex: person.sex,
    birthYear: person.birthYear === null ? "" : String(person.birthYear),
    lastSeenOn: person.lastSeenOn ?? "",
    lastSeenPlace: person.lastSeenPlace,
    circumstances: person.circumstances,
  };
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <Link href={`/staff/persons/${person.id}`} className="text-sm text-accent underline">{t("personTitle", { caseNumber: person.caseNumber })}</Link>
      <h1 className="text-2xl font-semibold">{t("editPersonTitle", { caseNumber: person.caseNumber })}</h1>
      <EditMissingPersonForm action={updateMissingPerson} person={values} />
      <VoidRecordForm recordId={person.id} version={person.version} action={voidMissingPerson} />
    </section>
  );
}

export default withStaffPageMessages("/staff/persons/[personId]/edit", EditMissingPersonPage);
