import type { Locale } from "next-intl";
import { formatDate } from "@/lib/i18n/format";
import { LtrText } from "@/components/layout/ltr-text";

export interface SlipText {
  title: string;
  reference: string;
  code: string;
  /** Contains {date}. */
  issuedOn: string;
  instructions: string;
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
          <h3 className="text-lg font-semibold">{text[locale].title}</h3>
          <dl className="space-y-2">
            <dt className="text-muted">{text[locale].reference}</dt>
            <dd className="font-mono text-2xl font-bold"><LtrText>{reference}</LtrText></dd>
            <dt className="text-muted">{text[locale].code}</dt>
            <dd className="font-mono text-3xl font-bold tracking-widest" data-testid="access-code"><LtrText>{code}</LtrText></dd>
          </dl>
          <p className="text-sm">{text[locale].issuedOn.replace("{date}", formatDate(locale, issuedAt))}</p>
          <p>{text[locale].instructions}</p>
        </article>
      ))}
    </div>
  );
}
