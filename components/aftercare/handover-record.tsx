import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { HandoverDisposition } from "@/lib/aftercare/aftercare-values";
import type { RemainsHandoverRecord } from "@/lib/aftercare/handover";
import { formatDateTime } from "@/lib/i18n/format";
import { FileChooser } from "@/components/forms/file-chooser";

interface HandoverRecordProps {
  handover: RemainsHandoverRecord;
  identificationId: string;
  locale: Locale;
  /** The outcome of the last scan upload, from the address it sent the browser back to. */
  scanOutcome: string | null;
  canAttach: boolean;
  canOpenFiles: boolean;
}

/** The recorded handover: who received what, the printable form to sign, and the signed copy. */
export async function HandoverRecord({ handover, identificationId, locale, scanOutcome, canAttach, canOpenFiles }: HandoverRecordProps) {
  const [t, forensic] = await Promise.all([getTranslations("Aftercare"), getTranslations("Forensic")]);
  return (
    <div className="space-y-3" data-testid="handover-record">
      <p>
        {t("handoverRecorded", {
          date: formatDateTime(locale, handover.handedOverAt),
          place: handover.place,
          relative: handover.receivedBy,
          relationship: handover.receivedByRelationship,
          staff: handover.staffMember,
        })}
      </p>
      {handover.items.length === 0 ? (
        <p className="text-muted">{t("itemsNone")}</p>
      ) : (
        <ul className="list-disc space-y-1 ps-6" data-testid="handover-items">
          {handover.items.map((item) => (
            <li key={item.effectId}>
              {forensic(`effectKinds.${item.kind}`)}: <span dir="auto">{item.description}</span> — {t(`dispositions.${item.disposition as HandoverDisposition}`)}
            </li>
          ))}
        </ul>
      )}
      {canOpenFiles && (
        <a href={`/api/staff/handovers/${identificationId}/form`} className="text-accent underline" data-testid="handover-form-link">
          {t("handoverPrintLink")}
        </a>
      )}
      <h3 className="font-semibold">{t("scanTitle")}</h3>
      {scanOutcome === "stored" && <p role="status">{t("scanUploaded")}</p>}
      {scanOutcome === "refused" && <p role="alert" className="text-red-800">{t("scanRefused")}</p>}
      {handover.scanSha256 ? (
        <p data-testid="handover-scan">
          {t("scanAttached")}{" "}
          <LtrText className="break-all font-mono text-sm">{handover.scanSha256}</LtrText>{" "}
          {canOpenFiles && <a href={`/api/staff/handovers/${identificationId}/scan`} className="text-accent underline">{t("scanOpen")}</a>}
        </p>
      ) : (
        <p className="text-muted">{t("scanNone")}</p>
      )}
      {canAttach && (
        // A plain multipart post: the file goes straight to the staff route, which sends the browser back here.
        <form method="post" action={`/api/staff/handovers/${identificationId}/scan`} encType="multipart/form-data" className="space-y-2" data-testid="handover-scan-form">
          <input type="hidden" name="locale" value={locale} />
          <label htmlFor="handover-scan-file" className="block font-medium">{t("scanFile")}</label>
          <FileChooser id="handover-scan-file" name="scan" required accept="application/pdf,image/jpeg,image/png" />
          <button type="submit" className={primaryButtonClassName}>{t("scanUpload")}</button>
        </form>
      )}
    </div>
  );
}
