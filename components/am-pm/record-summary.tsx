import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AntemortemRecord, PostmortemRecord } from "@/lib/am-pm/queries";
import { Link } from "@/lib/i18n/navigation";
import { recordItemLines } from "./item-lines";

type SummaryProps =
  | { side: "antemortem"; record: AntemortemRecord | null; editHref: string | null }
  | { side: "postmortem"; record: PostmortemRecord | null; editHref: string | null };

function range(min: number | null, max: number | null): { min: string; max: string } | null {
  if (min === null && max === null) return null;
  return { min: String(min ?? "?"), max: String(max ?? min ?? "?") };
}

/** A person's antemortem record or a body's postmortem findings, read-only, with the way to edit them. */
export async function AmPmRecordSummary(props: SummaryProps) {
  const [t, belongings] = await Promise.all([getTranslations("AmPm"), getTranslations("Belongings")]);
  const { record, side, editHref } = props;
  const rows: [string, ReactNode][] = [];
  if (props.side === "antemortem" && props.record) {
    const am = props.record;
    const height = range(am.heightMinCm, am.heightMaxCm);
    rows.push(
      [t("ageAtDisappearance"), am.ageAtDisappearance ?? "—"],
      [t("heightMinCm"), height ? t("centimetres", height) : "—"],
      [t("build"), t(`builds.${am.build as "unknown"}`)],
      [t("hair"), am.hair || "—"],
      [t("eyeColour"), t(`eyeColours.${am.eyeColour as "unknown"}`)],
      [t("informant"), `${am.informantDonorName ?? am.informantName} · ${am.informedOn}`],
    );
  }
  if (props.side === "postmortem" && props.record) {
    const stature = range(props.record.statureMinCm, props.record.statureMaxCm);
    rows.push([t("statureMinCm"), stature ? t("centimetres", stature) : "—"]);
  }
  const lists = record ? recordItemLines(record, t, belongings) : [];
  return (
    <section className="space-y-3" aria-labelledby={`${side}-title`} data-testid={`${side}-summary`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${side}-title`} className="text-lg font-semibold">{t(side === "antemortem" ? "antemortemTitle" : "postmortemTitle")}</h2>
        {editHref && (
          <Link href={editHref} className="rounded border border-line px-4 py-2 font-medium" data-testid={`edit-${side}`}>
            {t(record ? (side === "antemortem" ? "editAntemortem" : "editPostmortem") : side === "antemortem" ? "recordAntemortem" : "recordPostmortem")}
          </Link>
        )}
      </div>
      {!record ? (
        <p className="text-muted">{t(side === "antemortem" ? "noAntemortem" : "noPostmortem")}</p>
      ) : (
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {[...rows, ...lists].map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
