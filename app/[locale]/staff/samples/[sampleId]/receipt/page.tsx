import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditedPrintButton } from "@/components/people/audited-print-button";
import { ReceiptBody } from "@/components/people/receipt-body";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getSampleReceipt } from "@/lib/people/receipts";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { recordPageRead } from "@/lib/audit/record-read";
import { printCollectionReceipt } from "../../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The family's receipt, in Arabic and English; printing it goes through an audited action. */
async function SampleReceiptPage({ params }: { params: Promise<{ locale: Locale; sampleId: string }> }) {
  const { locale, sampleId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "personalData.export");
  const { session } = read;
  const db = await getDb();
  const [receipt, contact, t] = await Promise.all([getSampleReceipt(read, db, sampleId), getOfficeContact(db), getTranslations("People")]);
  if (!receipt) notFound();
  await recordPageRead(session, "sample_receipt", [sampleId]);
  return (
    <section className="mx-auto max-w-2xl space-y-6" data-print-receipt data-testid="sample-receipt">
      <AuditedPrintButton action={printCollectionReceipt} input={{ sampleId: receipt.sampleId }} label={t("print")} testId="print-receipt" />
      <ReceiptBody receipt={receipt} locale="ar" contact={contact} />
      <ReceiptBody receipt={receipt} locale="en" contact={contact} />
    </section>
  );
}

export default withStaffPageMessages("/staff/samples/[sampleId]/receipt", SampleReceiptPage);
