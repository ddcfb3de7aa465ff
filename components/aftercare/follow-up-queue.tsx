import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import type { FollowUpQueueItem } from "@/lib/aftercare/follow-ups";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";

/** The dashboard's queue of families' open questions and promised actions, soonest due first. */
export async function FollowUpQueue({ items, locale }: { items: FollowUpQueueItem[]; locale: Locale }) {
  const [t, identifications] = await Promise.all([getTranslations("Aftercare"), getTranslations("Identifications")]);
  return (
    <section aria-labelledby="queue-followUps" className="space-y-2 rounded border border-line p-4" data-testid="queue-followUps">
      <h3 id="queue-followUps" className="font-semibold">
        {t("followUpQueue")} <span className="tabular-nums text-muted">({formatNumber(locale, items.length)})</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-muted">{identifications("queueEmpty")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((item) => (
            <li key={item.id} className="space-y-0.5">
              <Link href={`/staff/identifications/${item.identificationId}`} className="text-accent underline">
                <LtrText>{item.caseNumber}</LtrText>
              </Link>{" "}
              <span dir="auto">{item.description}</span>
              <p className={item.overdue ? "font-medium text-red-800" : "text-muted"}>
                {t(`followUpKinds.${item.kind}`)} · {t("followUpDueLine", { date: formatDate(locale, item.dueOn) })}
                {item.overdue && <> · {t("followUpOverdue")}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
