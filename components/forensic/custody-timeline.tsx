import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { CustodyTimelineEntry } from "@/lib/forensic/custody-queries";
import { formatDateTime } from "@/lib/i18n/format";

/**
 * An append-only chain of custody (of a body or a DNA sample): never edited, so a correction and
 * the entry it corrects link to each other.
 */
export async function CustodyTimeline({ events, locale }: { events: CustodyTimelineEntry[]; locale: Locale }) {
  const t = await getTranslations("Custody");
  if (events.length === 0) return <p className="text-muted">{t("empty")}</p>;
  return (
    <ol className="space-y-3 border-s-2 border-line ps-4" data-testid="custody-timeline">
      {events.map((event) => (
        <li key={event.id} id={`custody-${event.id}`} className="rounded border border-line p-3 text-sm" data-testid="custody-event">
          <p className="font-medium">
            {t(`actions.${event.action}`)} · {formatDateTime(locale, event.occurredAt)}
          </p>
          <p>
            {t("fromParty")}: {event.fromParty || "—"} · {t("toParty")}: {event.toParty || "—"} · {t("place")}: {event.place || "—"}
          </p>
          {event.notes && <p className="text-muted">{event.notes}</p>}
          <p className="text-xs text-muted">{t("recordedBy", { name: event.recordedBy, date: formatDateTime(locale, event.recordedAt) })}</p>
          {event.correctsEventId && (
            <a href={`#custody-${event.correctsEventId}`} className="text-xs text-accent underline">
              {t("corrects")}
            </a>
          )}
          {event.correctedByEventId && (
            <a href={`#custody-${event.correctedByEventId}`} className="block text-xs font-medium text-red-800 underline" data-testid="corrected-by">
              {t("correctedBy")}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
