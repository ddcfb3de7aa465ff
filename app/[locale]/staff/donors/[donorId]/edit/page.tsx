import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { EditDonorForm } from "@/components/people/donor-form";
import { fullArabicName } from "@/components/people/person-name";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getDonorForEdit } from "@/lib/people/donor-queries";
import type { UpdateDonorValues } from "@/lib/people/edit-schemas";
import { getDb } from "@/lib/server/database";
import { updateReferenceDonor, voidReferenceDonor } from "../../../families/actions";
import { LtrText } from "@/components/layout/ltr-text";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Correcting a reference donor's details and relations, or voiding a donor entered in error. */
async function EditDonorPage({ params }: { params: Promise<{ locale: Locale; donorId: string }> }) {
  const { locale, donorId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "people.write"), "people.read");
  const [tEdits, donor] = await Promise.all([getTranslations("PeopleEdits"), getDb().then((db) => getDonorForEdit(read, db, donorId))]);
  if (!donor) notFound();
  const relationOf = (personId: string) => donor.relationships.find((row) => row.missingPersonId === personId);
  const values: UpdateDonorValues = {
    donorId: donor.id,
    version: donor.version,
    familyId: donor.familyId,
    givenName: donor.givenName,
    fatherName: donor.fatherName,
    grandfatherName: donor.grandfatherName,
    familyName: donor.familyName,
    nameLatin: donor.nameLatin,
    sex: donor.sex,
    phone: donor.phone,
    relationships: donor.members.map((member) => ({ missingPersonId: member.id, relationship: relationOf(member.id)?.relationship ?? "", side: relationOf(member.id)?.side ?? "" })),
  };
  const members = donor.members.map((member) => ({ id: member.id, name: fullArabicName(member) }));
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Link href={`/staff/families/${donor.familyId}`} className="text-sm text-accent underline">
        {tEdits("backToFamily")} <LtrText>{donor.familyReference}</LtrText>
      </Link>
      <h1 className="text-2xl font-semibold">{tEdits("editDonorTitle")}: {fullArabicName(donor)}</h1>
      <PeopleVoidedNotice voidedAt={donor.voidedAt} reason={donor.voidReason} locale={locale} />
      {!donor.voidedAt && (
        <>
          <EditDonorForm action={updateReferenceDonor} donor={values} members={members} />
          <VoidRecordForm recordId={donor.id} version={donor.version} action={voidReferenceDonor} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/donors/[donorId]/edit", EditDonorPage);
