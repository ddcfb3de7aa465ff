import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { auditBreakReasonName } from "@/lib/audit/break-reasons";
import type { AuditChainReport } from "@/lib/audit/verify";

interface AuditChainStatusProps {
  /** The result of verifying, or null when it was not asked for on this view. */
  report: AuditChainReport | null;
  /** The query of the current view, so verifying keeps the reader's filters and page. */
  query: Record<string, string>;
}

export async function AuditChainStatus({ report, query }: AuditChainStatusProps) {
  const t = await getTranslations("Audit.chain");
  const verifyLink = (
    <Link href={{ pathname: "/staff/audit", query: { ...query, verify: "1" } }} className="font-medium text-accent underline">
      {t("verify")}
    </Link>
  );
  if (report === null) {
    return (
      <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
        <span>{t("notChecked")}</span>
        {verifyLink}
      </p>
    );
  }
  if (report.ok) {
    return (
      <p role="status" data-testid="audit-chain-status" className="flex flex-wrap items-center gap-3 rounded bg-accent-soft px-3 py-2">
        <span className="font-medium">{t("intact", { count: report.count })}</span>
        <code dir="ltr" className="break-all text-xs text-muted">{report.headHash}</code>
        {verifyLink}
      </p>
    );
  }
  const reason = auditBreakReasonName(report.brokenAt.reason) ?? "unknown";
  return (
    <div role="alert" data-testid="audit-chain-status" className="space-y-1 rounded bg-notice px-3 py-2 text-notice-ink">
      <p className="font-semibold">{t("broken", { id: String(report.brokenAt.id) })}</p>
      <p className="text-sm">{t(`reasons.${reason}`)}</p>
      {verifyLink}
    </div>
  );
}
