import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { EditSampleForm } from "@/components/people/sample-form";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import type { UpdateReferenceSampleValues } from "@/lib/people/edit-schemas";
import { getReferenceSample } from "@/lib/people/sample-queries";
import { getDb } from "@/lib/server/database";
import { updateSample, voidSample } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Correcting how a reference sample was collected (never its lab status), or voiding one entered in error. */
async function EditSamplePage({ params }: { params: Promise<{ locale: Locale; sampleId: string }> }) {
  const { locale, sampleId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "people.write"), "people.read");
  const [tEdits, sample] = await Promise.all([getTranslations("PeopleEdits"), getDb().then((db) => getReferenceSample(read, db, sampleId))]);
  if (!sample || !sample.consentScope) notFound();
  const values: UpdateReferenceSampleValues = {
    sampleId: sample.id,
    version: sample.version,
    donorId: sample.donorId,
    barcode: sample.barcode,
    collectedOn: sample.collectedOn,
    collectedByName: sample.collectedByName,
    consentGiven: sample.consentGiven,
    consentScope: sample.consentScope,
    consentFormRef: sample.consentFormRef,
  };
  return (
    <section className="mx-auto max-w-md space-y-6">
      <Link href={`/staff/samples/${sample.id}`} className="text-sm text-accent underline">{tEdits("backToSample")}</Link>
      <h1 className="text-2xl font-semibold">{tEdits("editSampleTitle", { barcode: sample.barcode })}</h1>
      <PeopleVoidedNotice voidedAt={sample.voidedAt} reason={sample.voidReason} locale={locale} />
      {!sample.voidedAt && (
        <>
          <EditSampleForm action={updateSample} sample={values} />
          <VoidRecordForm recordId={sample.id} version={sample.version} action={voidSample} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/samples/[sampleId]/edit", EditSamplePage);
