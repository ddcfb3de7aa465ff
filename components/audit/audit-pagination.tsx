import { getTranslations } from "next-intl/server";
import { auditQuery, type AuditCursor, type AuditFilters } from "@/lib/audit/filters";
import { Link } from "@/lib/i18n/navigation";

interface AuditPaginationProps {
  filters: AuditFilters;
  newer: AuditCursor;
  older: AuditCursor;
  /** Whether this view is somewhere other than the newest page. */
  paged: boolean;
}

const link = "rounded border border-line bg-white px-3 py-1 text-accent underline-offset-4 hover:underline";

export async function AuditPagination({ filters, newer, older, paged }: AuditPaginationProps) {
  const t = await getTranslations("Audit.pagination");
  if (!newer && !older && !paged) return null;
  const href = (cursor: AuditCursor) => ({ pathname: "/staff/audit", query: auditQuery(filters, cursor) });
  return (
    <nav aria-label={t("label")} className="flex flex-wrap justify-between gap-3 text-sm">
      <div className="flex gap-3">
        {paged && <Link href={href(null)} className={link}>{t("newest")}</Link>}
        {newer && <Link href={href(newer)} rel="prev" className={link}>{t("newer")}</Link>}
      </div>
      {older && <Link href={href(older)} rel="next" className={link}>{t("older")}</Link>}
    </nav>
  );
}
