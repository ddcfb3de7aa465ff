import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DecideRequest } from "@/components/approvals/decide-request";
import { subjectHref } from "@/components/approvals/subject-link";
import { listPendingApprovals, listRecentApprovalDecisions, type ApprovalRequestRow } from "@/lib/approvals/queries";
import { isSecondPersonAction } from "@/lib/approvals/second-person-actions";
import { requirePageRead } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { approveRequest, refuseRequest } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The reason the requester gave, when the step carries one (every void and retraction does). */
function reasonOf(input: unknown): string | null {
  return typeof input === "object" && input !== null && "reason" in input && typeof input.reason === "string" ? input.reason : null;
}

/** Irreversible steps waiting for a second staff member, oldest first, and the latest decisions. */
async function ApprovalsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "approvals.decide");
  const db = await getDb();
  const [t, pending, recent] = await Promise.all([getTranslations("Approvals"), listPendingApprovals(read, db), listRecentApprovalDecisions(read, db)]);
  const actionLabel = (row: ApprovalRequestRow) => (isSecondPersonAction(row.action) ? t(`actions.${row.action}`) : row.action);
  const subject = (row: ApprovalRequestRow) => {
    const href = subjectHref(row.subjectEntity, row.subjectId);
    return href ? (
      <Link href={href} className="text-accent underline">
        {t("openSubject")}
      </Link>
    ) : null;
  };
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-xl font-semibold">
          {t("pendingHeading")}
        </h2>
        {pending.length === 0 && <p data-testid="no-pending-approvals">{t("empty")}</p>}
        <ul className="space-y-3">
          {pending.map((row) => {
            const reason = reasonOf(row.input);
            return (
              <li key={row.id} className="space-y-2 rounded border border-line p-4" data-testid="pending-approval">
                <p className="font-medium">{actionLabel(row)}</p>
                <p className="text-sm text-muted">{t("requestedBy", { name: row.requestedByName, at: formatDateTime(locale, row.requestedAt) })}</p>
                {reason && <p dir="auto">{t("reasonGiven", { reason })}</p>}
                {subject(row)}
                {row.requestedBy === read.session.userId ? (
                  <p className="text-sm">{t("yourRequest")}</p>
                ) : (
                  <DecideRequest requestId={row.id} actionLabel={actionLabel(row)} approve={approveRequest} refuse={refuseRequest} />
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-xl font-semibold">
          {t("recentHeading")}
        </h2>
        {recent.length === 0 && <p>{t("recentEmpty")}</p>}
        <ul className="space-y-2">
          {recent.map((row) => (
            <li key={row.id} className="rounded border border-line p-3 text-sm" data-testid="decided-approval">
              <p className="font-medium">{actionLabel(row)}</p>
              <p className="text-muted">
                {t("decidedBy", { status: t(`status.${row.status}`), name: row.decidedByName ?? "", at: row.decidedAt ? formatDateTime(locale, row.decidedAt) : "" })}
              </p>
              {reasonOf(row.input) && <p dir="auto">{t("reasonGiven", { reason: reasonOf(row.input) ?? "" })}</p>}
              {row.decisionReason && <p dir="auto">{t("refusalReason", { reason: row.decisionReason })}</p>}
              {subject(row)}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

export default withStaffPageMessages("/staff/approvals", ApprovalsPage);
