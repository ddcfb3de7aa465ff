import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { LtrText } from "@/components/layout/ltr-text";
import { primaryButtonClassName } from "@/components/users/button-class";
import { verificationCodeSchema } from "@/lib/aftercare/aftercare-values";
import { findDocumentByVerificationCode } from "@/lib/aftercare/documents";
import { formatVerificationCode } from "@/lib/aftercare/verification-code";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface VerifyPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ code?: string | string[] }>;
}

/** Staff look up a letter by the verification code printed on it: what was issued, when, for whom. */
async function VerifyDocumentPage({ params, searchParams }: VerifyPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { code } = await searchParams;
  const typed = (Array.isArray(code) ? code[0] : code)?.trim() ?? "";
  const parsed = verificationCodeSchema.safeParse(typed);
  const document = parsed.success ? await findDocumentByVerificationCode(read, await getDb(), parsed.data) : null;
  if (document) await recordPageRead(read.session, "identification", [document.identificationId]);
  const t = await getTranslations("Aftercare");
  return (
    <section className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("verifyTitle")}</h1>
      <p>{t("verifyIntro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2" data-testid="verify-form">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="verify-code" className="block font-medium">{t("verifyCode")}</label>
          <input id="verify-code" name="code" dir="ltr" defaultValue={typed} className={inputClassName} aria-describedby={typed && !parsed.success ? "verify-code-error" : undefined} />
        </div>
        <button type="submit" className={primaryButtonClassName}>{t("verifyButton")}</button>
      </form>
      {typed !== "" && !parsed.success && <p id="verify-code-error" role="alert" className="text-red-800">{t("verificationCodeFormat")}</p>}
      {parsed.success && !document && <p role="status" data-testid="verify-not-found">{t("verifyNotFound")}</p>}
      {document && (
        <div className="space-y-2 rounded border border-line p-4" data-testid="verify-found">
          <p>{t("verifyFound")}</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("documentKind")}</dt>
            <dd>{t(`kinds.${document.kind}`)}</dd>
            <dt className="font-medium">{t("pdf.number")}</dt>
            <dd><LtrText>{document.number}</LtrText></dd>
            <dt className="font-medium">{t("pdf.verificationCode")}</dt>
            <dd><LtrText className="font-mono">{formatVerificationCode(document.verificationCode)}</LtrText></dd>
            <dt className="font-medium">{t("pdf.issuedOn")}</dt>
            <dd>{formatDate(locale, document.issuedAt)} · {document.issuedByName}</dd>
            <dt className="font-medium">{t("pdf.caseNumber")}</dt>
            <dd><LtrText>{document.content.caseNumber}</LtrText></dd>
            <dt className="font-medium">{t("pdf.name")}</dt>
            <dd dir="auto">{document.content.nameArabic}</dd>
            <dt className="font-medium">{t("pdf.addressee")}</dt>
            <dd dir="auto">{document.content.addressee}</dd>
          </dl>
          <Link href={`/staff/identifications/${document.identificationId}`} className="text-accent underline">{document.content.remainsCode}</Link>
        </div>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/identifications/verify", VerifyDocumentPage);
