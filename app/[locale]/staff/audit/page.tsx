import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditChainStatus } from "@/components/audit/audit-chain-status";
import { AuditExportForms } from "@/components/audit/audit-export-forms";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditPagination } from "@/components/audit/audit-pagination";
import { AuditTable } from "@/components/audit/audit-table";
import { auditQuery, parseAuditCursor, parseAuditFilters, type SearchParams } from "@/lib/audit/filters";
import { checkAuditChain, getAuditPage } from "@/lib/audit/queries";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/server/database";
import { referencedIds, resolveRecordReferences } from "@/lib/audit/record-references";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface AuditLogPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: AuditLogPageProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Audit" });
  return { title: t("title") };
}

async function AuditLogPage({ params, searchParams }: AuditLogPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "audit.read");
  const query = await searchParams;
  const filters = parseAuditFilters(query);
  const cursor = parseAuditCursor(query);
  const db = await getDb();
  // Verifying reads and hashes every entry: on a long log that is seconds, so only when asked for.
  const [t, page, chain] = await Promise.all([
    getTranslations("Audit"),
    getAuditPage(read, db, filters, cursor),
    query.verify === "1" ? checkAuditChain(read, db) : null,
  ]);
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("intro")}</p>
      </header>
      <section aria-labelledby="audit-chain-heading" className="space-y-2">
        <h2 id="audit-chain-heading" className="sr-only">{t("chain.heading")}</h2>
        <AuditChainStatus report={chain} query={auditQuery(filters, cursor)} />
      </section>
      <AuditFilterForm filters={filters} />
      <p role="status" className="text-sm text-muted">{t("total", { count: page.total })}</p>
      {page.total > 0 && <AuditExportForms filters={filters} locale={locale} />}
      {page.entries.length === 0 ? (
        <p className="rounded border border-line bg-white px-4 py-6 text-center text-muted" data-testid="audit-empty">
          {t("empty")}
        </p>
      ) : (
        <AuditTable entries={page.entries} locale={locale} storedEntry references={await resolveRecordReferences(read.session, db, referencedIds(page.entries))} />
      )}
      <AuditPagination filters={filters} newer={page.newer} older={page.older} paged={cursor !== null} />
    </section>
  );
}

export default withStaffPageMessages("/staff/audit", AuditLogPage);
