import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { auditQuery, type AuditFilters } from "@/lib/audit/filters";

const FORMATS = ["csv", "xlsx"] as const;

/**
 * Download the entries the filters match, in the page's language. A POST from a form, never a link:
 * the export is audited, and a prefetch or a crawler must not start one.
 */
export async function AuditExportForms({ filters, locale }: { filters: AuditFilters; locale: Locale }) {
  const t = await getTranslations("Audit.export");
  return (
    <section aria-labelledby="audit-export-heading" className="flex flex-wrap items-center gap-3" data-testid="audit-export">
      <h2 id="audit-export-heading" className="text-base font-semibold">{t("heading")}</h2>
      {FORMATS.map((format) => {
        const query = new URLSearchParams({ ...auditQuery(filters), format, lang: locale });
        return (
          <form key={format} method="post" action={`/api/staff/audit/export?${query.toString()}`}>
            <button type="submit" className="rounded border border-line bg-white px-3 py-1.5 text-sm font-medium" data-testid={`audit-export-${format}`}>
              {t(format)}
            </button>
          </form>
        );
      })}
      <p className="w-full text-xs text-muted">{t("note")}</p>
    </section>
  );
}
