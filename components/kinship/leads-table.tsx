import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ScreenRow } from "@/lib/dna-profiles/screening";
import { Link } from "@/lib/i18n/navigation";
import { LtrText } from "@/components/layout/ltr-text";

/** 10^x written as a mantissa and a power of ten, legible at any size (LRs run to 10^30). */
function formatRatio(log10Lr: number | null, locale: Locale): string {
  if (log10Lr === null) return "0";
  const exponent = Math.floor(log10Lr);
  const mantissa = 10 ** (log10Lr - exponent);
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (exponent >= -2 && exponent <= 3) return digits.format(10 ** log10Lr);
  return `${digits.format(mantissa)} × 10^${new Intl.NumberFormat(locale).format(exponent)}`;
}

function formatPosterior(posterior: number | null, locale: Locale): string {
  if (posterior === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: posterior > 0.999 ? 4 : 1 }).format(posterior);
}

const COLUMNS = ["remains", "bestMatch", "likelihoodRatio", "runnerUp", "posterior", "lociCompared", "inconsistentLoci", "status"] as const;

/** One row per profiled body: its best-fitting missing person(s), how strongly, and whether that is a lead. */
export async function LeadsTable({ rows, locale }: { rows: readonly ScreenRow[]; locale: Locale }) {
  const t = await getTranslations("Kinship");
  const cell = "px-2 py-2 align-top";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-start text-sm" data-testid="kinship-leads">
        <thead>
          <tr className="border-b border-line">
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className={`${cell} text-start`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.remainsId} className={`border-b border-line ${row.isLead ? "bg-emerald-50" : ""}`} data-testid={row.isLead ? "lead-row" : "screen-row"}>
              <td className={cell}>
                <Link href={`/staff/remains/${row.remainsId}`} className="whitespace-nowrap text-accent underline">
                  <LtrText>{row.remainsCode}</LtrText>
                </Link>
              </td>
              <td className={cell}>
                {row.best.length === 0 && t("noCandidate")}
                <ul className="space-y-1">
                  {row.best.map((person) => (
                    <li key={person.id}>
                      <Link href={`/staff/persons/${person.id}`} className="text-accent underline">
                        <LtrText>{person.caseNumber}</LtrText> {person.name}
                      </Link>
                      {row.isLead && (
                        <>
                          {" · "}
                          <Link
                            href={{ pathname: "/staff/identifications/new", query: { remains: row.remainsId, person: person.id, lr: (10 ** (row.log10Lr ?? 0)).toPrecision(3) } }}
                            className="font-medium text-accent underline"
                            data-testid="propose-from-lead"
                          >
                            {t("propose")}
                          </Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {row.best.length > 1 && <p className="text-muted">{t("sameReferences")}</p>}
              </td>
              <td className={`${cell} tabular-nums`}>
                <LtrText>{formatRatio(row.log10Lr, locale)}</LtrText>
              </td>
              <td className={`${cell} tabular-nums`}>
                <LtrText>{row.runnerUpLog10Lr === null ? "—" : row.runnerUpLog10Lr.toFixed(2)}</LtrText>
              </td>
              <td className={`${cell} tabular-nums`}>{formatPosterior(row.posterior, locale)}</td>
              <td className={`${cell} tabular-nums`}>{row.lociCompared}</td>
              <td className={cell}>
                {row.inconsistentLoci.length === 0 ? t("none") : <LtrText>{row.inconsistentLoci.join(", ")}</LtrText>}
              </td>
              <td className={cell}>{row.isLead ? <strong>{t("lead")}</strong> : t("noLead")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
