import { getTranslations } from "next-intl/server";
import { AUDIT_ENTITIES, AUDIT_ENTRY_KINDS, isAuditEntity, type AuditFilters } from "@/lib/audit/filters";
import { withIsolatedValues } from "@/components/layout/ltr-text";
import { Link } from "@/lib/i18n/navigation";
import { formatDayMonthYear } from "@/lib/forms/day-month-year";

const input = "w-full rounded border border-line bg-white px-2 py-1";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export async function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const [t, entities, common] = await Promise.all([getTranslations("Audit.filters"), getTranslations("Audit.entities"), getTranslations("Common")]);
  return (
    <form method="get" className="rounded border border-line bg-white p-4" data-testid="audit-filters">
      <fieldset className="space-y-4">
        <legend className="font-semibold">{t("legend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
          <label className="space-y-1 text-sm">
            <span className="block">{t("actor")}</span>
            <input name="actor" defaultValue={filters.actor} dir="ltr" autoComplete="off" className={input} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t("entity")}</span>
            <select name="entity" defaultValue={filters.entity ?? ""} className={input} data-testid="audit-entity">
              <option value="">{t("entityAll")}</option>
              {AUDIT_ENTITIES.map((entity) => (
                <option key={entity} value={entity}>{entities(entity)}</option>
              ))}
              {/* A bookmarked view may name a type no longer written: it stays chosen, under its code. */}
              {filters.entity !== undefined && !isAuditEntity(filters.entity) ? <option value={filters.entity}>{filters.entity}</option> : null}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t("entityId")}</span>
            <input name="entityId" defaultValue={filters.entityId} dir="ltr" autoComplete="off" aria-describedby="audit-entity-id-hint" className={input} />
            <span id="audit-entity-id-hint" className="block text-xs text-muted">{withIsolatedValues((values) => t("entityIdHint", values), { example: "TRH-MP-00457" })}</span>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t("from")}</span>
            <input name="from" defaultValue={formatDayMonthYear(filters.from)} inputMode="numeric" dir="ltr" autoComplete="off" placeholder={common("datePlaceholder")} aria-describedby="audit-date-hint" className={`${input} text-start`} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t("to")}</span>
            <input name="to" defaultValue={formatDayMonthYear(filters.to)} inputMode="numeric" dir="ltr" autoComplete="off" placeholder={common("datePlaceholder")} aria-describedby="audit-date-hint" className={`${input} text-start`} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block">{t("kind")}</span>
            <select name="kind" defaultValue={filters.kind ?? ""} className={input} data-testid="audit-kind">
              <option value="">{t("kinds.all")}</option>
              {AUDIT_ENTRY_KINDS.map((kind) => (
                <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>
              ))}
            </select>
          </label>
        </div>
        <p id="audit-date-hint" className="text-xs text-muted">{withIsolatedValues((values) => t("dateHint", values), { format: common("dateHint") })}</p>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-accent px-4 py-1.5 font-medium text-white">
            {t("apply")}
          </button>
          <Link href="/staff/audit" className="text-sm text-accent underline">
            {t("clear")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
