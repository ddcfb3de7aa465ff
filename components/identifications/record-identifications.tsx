import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { IdentificationSummary } from "@/lib/identifications/queries";
import { bodyStatusFor, isActive } from "@/lib/identifications/state-machine";
import { IdentificationTable } from "./identification-table";

interface RecordIdentificationsProps {
  rows: IdentificationSummary[];
  locale: Locale;
  /** A body's page also shows the status its active identification gives it (bodies have no status column). */
  side: "body" | "person";
  /** Where "propose" starts from (?remains= or ?person=), shown only to those who may propose. */
  proposeHref: string | null;
}

/** A body's or a person's every identification, rejected and retracted ones included. */
export async function RecordIdentifications({ rows, locale, side, proposeHref }: RecordIdentificationsProps) {
  const t = await getTranslations("Identifications");
  const active = rows.find((row) => isActive(row.status));
  return (
    // Not a named landmark: its table's scrolling box is the region named "identifications" (ScrollTable),
    // and two landmarks of one name would leave a screen reader unable to tell them apart.
    <section className="space-y-3" data-testid="record-identifications">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="record-identifications-title" className="text-lg font-semibold">{t("recordIdentifications")}</h2>
        {proposeHref && !active && (
          <Link href={proposeHref} className="rounded border border-line px-4 py-2 font-medium" data-testid="propose-identification-link">
            {t(side === "body" ? "proposeForBody" : "proposeForPerson")}
          </Link>
        )}
      </div>
      {/* A body or a person has one active identification at a time (the proposal would be refused):
          instead of a link that leads to a refusal, say why there is none and where the active one is. */}
      {proposeHref && active && (
        <p className="rounded border border-line bg-paper px-3 py-2 text-sm" data-testid="propose-identification-held">
          {t(side === "body" ? "proposeHeldBody" : "proposeHeldPerson", { status: t(`statuses.${active.status}`) })}{" "}
          <Link href={`/staff/identifications/${active.id}`} className="text-accent underline">
            {t("proposeHeldOpen")}
          </Link>
        </p>
      )}
      {side === "body" && (
        <p data-testid="body-status">
          <span className="text-muted">{t("currentStatus")}: </span>
          {t(`bodyStatuses.${bodyStatusFor(active?.status ?? null)}`)}
        </p>
      )}
      {rows.length === 0 ? <p className="text-muted">{t("recordIdentificationsEmpty")}</p> : <IdentificationTable rows={rows} locale={locale} testId="record-identification-table" />}
    </section>
  );
}
