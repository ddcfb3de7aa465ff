import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { WorkQueueItem, WorkQueueName } from "@/lib/identifications/work-queues";
import { LtrText } from "@/components/layout/ltr-text";
import { FollowUpQueue } from "@/components/aftercare/follow-up-queue";
import type { FollowUpQueueItem } from "@/lib/aftercare/follow-ups";

const QUEUE_ORDER: readonly WorkQueueName[] = ["awaitingConfirmation", "awaitingNotification", "awaitingReturn"];

/** What waits for whom, oldest first, with how long it has waited; then what families were promised, by due date. */
export async function WorkQueues({ queues, followUps, locale }: { queues: Record<WorkQueueName, WorkQueueItem[]>; followUps: FollowUpQueueItem[]; locale: Locale }) {
  const t = await getTranslations("Identifications");
  return (
    <section aria-labelledby="dashboard-queues" className="space-y-4" data-testid="work-queues">
      <h2 id="dashboard-queues" className="text-xl font-semibold">{t("queuesHeading")}</h2>
      <div className="grid gap-6 lg:grid-cols-3">
        {QUEUE_ORDER.map((name) => (
          <section key={name} aria-labelledby={`queue-${name}`} className="space-y-2 rounded border border-line p-4" data-testid={`queue-${name}`}>
            <h3 id={`queue-${name}`} className="font-semibold">
              {t(`queues.${name}`)} <span className="tabular-nums text-muted">({formatNumber(locale, queues[name].length)})</span>
            </h3>
            {queues[name].length === 0 ? (
              <p className="text-muted">{t("queueEmpty")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {queues[name].map((item) => (
                  <li key={item.id} className="flex flex-wrap justify-between gap-2">
                    <Link href={`/staff/identifications/${item.id}`} className="text-accent underline">
                      <LtrText>{item.remainsCode}</LtrText> · <LtrText>{item.caseNumber}</LtrText>
                    </Link>
                    <span className="text-muted">{t("ageInDays", { days: item.ageInDays })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <FollowUpQueue items={followUps} locale={locale} />
    </section>
  );
}
