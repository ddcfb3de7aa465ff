import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { EditFamilyForm } from "@/components/people/family-form";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getFamilyDetails } from "@/lib/people/family-queries";
import { getDb } from "@/lib/server/database";
import { updateFamily, voidFamily } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Correcting a family's reference and contact details, or voiding a family entered in error. */
async function EditFamilyPage({ params }: { params: Promise<{ locale: Locale; familyId: string }> }) {
  const { locale, familyId } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "people.write");
  const [tEdits, family] = await Promise.all([getTranslations("PeopleEdits"), getDb().then((db) => getFamilyDetails(authoriseRead(session, "people.read"), db, familyId))]);
  if (!family) notFound();
  const values = {
    familyId: family.id,
    version: family.version,
    reference: family.reference,
    contactName: family.contactName,
    phone: family.phone ?? "",
    area: family.area ?? "",
  };
  return (
    <section className="mx-auto max-w-md space-y-6">
      <Link href={`/staff/families/${family.id}`} className="text-sm text-accent underline">{tEdits("backToFamily")}</Link>
      <h1 className="text-2xl font-semibold">{tEdits("editFamilyTitle", { reference: family.reference })}</h1>
      <PeopleVoidedNotice voidedAt={family.voidedAt} reason={family.voidReason} locale={locale} />
      {!family.voidedAt && (
        <>
          <EditFamilyForm action={updateFamily} family={values} />
          <VoidRecordForm recordId={family.id} version={family.version} action={voidFamily} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/families/[familyId]/edit", EditFamilyPage);
