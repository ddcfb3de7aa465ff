import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { TimelineStep, TimelineStepState } from "@/lib/family-portal/timeline";

/** A sign that does not rely on colour alone: a tick, a dot, an exclamation mark or an empty ring. */
const MARKERS: Record<TimelineStepState, { sign: string; className: string }> = {
  done: { sign: "✓", className: "border-accent bg-accent text-white" },
  current: { sign: "•", className: "border-accent bg-accent-soft text-accent" },
  attention: { sign: "!", className: "border-red-800 bg-red-50 text-red-900" },
  pending: { sign: "", className: "border-line bg-white text-muted" },
  skipped: { sign: "", className: "border-line bg-white text-muted" },
};

/** One relative's steps, top to bottom; a step not needed (e.g. no sample for an identification by documents) is left out. */
export async function PersonTimeline({ steps, locale, label }: { steps: TimelineStep[]; locale: Locale; label: string }) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  return (
    <ol aria-label={label} className="space-y-3">
      {steps
        .filter((step) => step.state !== "skipped")
        .map((step) => {
          const marker = MARKERS[step.state];
          return (
            <li key={step.key} className="flex items-start gap-3" data-testid={`step-${step.key}`} data-state={step.state}>
              <span aria-hidden="true" className={`mt-1 flex size-7 shrink-0 items-center justify-center rounded-full border-2 font-bold ${marker.className}`}>
                {marker.sign}
              </span>
              <div className={step.state === "pending" ? "text-muted" : ""}>
                <p className="text-lg font-medium">{t(`steps.${step.key}.${step.state}`)}</p>
                <p className="text-base text-muted">
                  {t(`stateLabels.${step.state}`)}
                  {step.date && <> · {t("onDate", { date: formatDate(locale, step.date) })}</>}
                </p>
              </div>
            </li>
          );
        })}
    </ol>
  );
}
