import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import type { IssuedDocument } from "@/lib/aftercare/documents";
import { formatVerificationCode } from "@/lib/aftercare/verification-code";
import { formatDate } from "@/lib/i18n/format";

/** The letters issued about an identification, newest first, each with its PDF and verification code. */
export async function DocumentsList({ documents, locale, canOpen }: { documents: IssuedDocument[]; locale: Locale; canOpen: boolean }) {
  const t = await getTranslations("Aftercare");
  if (documents.length === 0) return <p className="text-muted" data-testid="no-documents">{t("documentsNone")}</p>;
  return (
    <ul className="space-y-2" data-testid="documents">
      {documents.map((document) => (
        <li key={document.id} className="space-y-1 rounded border border-line p-3" data-testid="document">
          <p className="font-medium">{t(`kinds.${document.kind}`)}</p>
          <p className="text-sm">
            <LtrText>{document.number}</LtrText> · {formatDate(locale, document.issuedAt)} · {document.issuedByName} ·{" "}
            {t("pdf.verificationCode")} <span data-testid="document-code"><LtrText className="font-mono">{formatVerificationCode(document.verificationCode)}</LtrText></span>
          </p>
          {canOpen && (
            <a href={`/api/staff/documents/${document.id}`} className="text-sm text-accent underline" data-testid="document-pdf-link">
              {t("documentOpen")}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
