import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { OperationStatus } from "@/lib/dashboard/backup-status";
import { formatDateTime } from "@/lib/i18n/format";

/** The newest backup and restore drill, each with its result, and a warning when older than two days. */
export async function BackupStatus({ statuses, locale }: { statuses: OperationStatus[]; locale: Locale }) {
  const t = await getTranslations("Dashboard.backups");
  return (
    <section aria-labelledby="dashboard-backups" className="space-y-3" data-testid="backup-status">
      <h2 id="dashboard-backups" className="text-xl font-semibold">{t("heading")}</h2>
      <ul className="space-y-2">
        {statuses.map(({ kind, last, overdue }) => (
          <li key={kind} data-testid={`backup-status-${kind}`} className="rounded border border-line p-3">
            <p className="font-medium">{t(`${kind}.title`)}</p>
            {last ? (
              <p>
                <time dateTime={last.at}>{formatDateTime(locale, new Date(last.at))}</time>
                {" — "}
                {last.ok ? t("succeeded") : t("failed", { problems: last.problems.join("; ") })}
              </p>
            ) : (
              <p>{t(`${kind}.never`)}</p>
            )}
            {overdue && (
              <p role="alert" className="font-medium text-red-900" data-testid={`backup-warning-${kind}`}>
                {t(`${kind}.overdue`)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
