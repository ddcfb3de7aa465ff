import type { Locale } from "next-intl";
import { OfficeContactCard, type OfficeContactLabels } from "@/components/settings/office-contact-card";
import { formatDate } from "@/lib/i18n/format";
import type { OfficeContactLines } from "@/lib/settings/office-contact-values";
import { LtrText } from "@/components/layout/ltr-text";
import { Letterhead, SignatureLines, type SignatureLabels } from "@/components/print/letterhead";

export interface SlipText {
  title: string;
  reference: string;
  code: string;
  /** Contains {date}. */
  issuedOn: string;
  instructions: string;
  portalLabel: string;
  qrAlt: string;
  /** The portal's full address in this language, or null when the registry's address is not configured. */
  portalUrl: string | null;
  /** The same address as a QR code image (data URL). */
  portalQr: string | null;
  contact: OfficeContactLines | null;
  contactLabels: OfficeContactLabels;
  /** The letterhead's name while the office has none kept. */
  appName: string;
  signatures: SignatureLabels;
}

interface AccessCodeSlipProps {
  text: Record<Locale, SlipText>;
  reference: string;
  code: string;
  issuedAt: string;
}

/**
 * The slip the family takes home, in Arabic and in English: reference and code in large grouped
 * characters. It exists only in the page that just issued the code; printing prints it alone.
 */
export function AccessCodeSlip({ text, reference, code, issuedAt }: AccessCodeSlipProps) {
  return (
    <div data-print-access-code className="space-y-4" data-testid="access-code-slip">
      {(["ar", "en"] as const).map((locale) => (
        <article key={locale} lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="space-y-3 break-inside-avoid rounded border-2 border-ink bg-white p-5">
          <Letterhead lines={text[locale].contact} fallbackName={text[locale].appName} />
          <h3 className="text-lg font-semibold">{text[locale].title}</h3>
          <dl className="space-y-2">
            <dt className="text-muted">{text[locale].reference}</dt>
            <dd className="font-mono text-2xl font-bold"><LtrText>{reference}</LtrText></dd>
            <dt className="text-muted">{text[locale].code}</dt>
            <dd className="font-mono text-3xl font-bold tracking-widest" data-testid="access-code"><LtrText>{code}</LtrText></dd>
          </dl>
          <p className="text-sm">{text[locale].issuedOn.replace("{date}", formatDate(locale, issuedAt))}</p>
          <p>{text[locale].instructions}</p>
          {text[locale].portalUrl && (
            <div className="flex flex-wrap items-center gap-4" data-testid="slip-portal-address">
              {text[locale].portalQr && (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; nothing to optimise
                <img src={text[locale].portalQr} alt={text[locale].qrAlt} width={128} height={128} className="shrink-0" data-testid="slip-portal-qr" />
              )}
              <p>
                {text[locale].portalLabel}{" "}
                <bdi dir="ltr" className="break-all font-mono font-semibold">{text[locale].portalUrl}</bdi>
              </p>
            </div>
          )}
          {text[locale].contact && <OfficeContactCard lines={text[locale].contact} labels={text[locale].contactLabels} testId="slip-office-contact" headingLevel={3} />}
          <SignatureLines labels={text[locale].signatures} />
        </article>
      ))}
    </div>
  );
}
