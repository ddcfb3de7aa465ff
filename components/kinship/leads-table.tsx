import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { leadOffer } from "@/lib/dna-profiles/lead-offer";
import type { HeldIdentification, ScreenRow } from "@/lib/dna-profiles/screening";
import { Link } from "@/lib/i18n/navigation";
import { formatLog10LikelihoodRatio } from "@/lib/identifications/likelihood-ratio";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

function formatPosterior(posterior: number | null, locale: Locale): string {
  if (posterior === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: posterior > 0.999 ? 4 : 1 }).format(posterior);
}

const COLUMNS = ["remains", "bestMatch", "likelihoodRatio", "runnerUp", "columnRunnerUp", "posterior", "lociCompared", "inconsistentLoci", "status"] as const;

/** A body or person already in a proposed or confirmed identification: a link to it, never a second proposal. */
async function HeldMark({ held }: { held: HeldIdentification }) {
  const [t, identificationTerms] = await Promise.all([getTranslations("Kinship"), getTranslations("Identifications")]);
  return (
    <Link href={`/staff/identifications/${held.id}`} className="font-medium text-accent underline" data-testid="held-identification">
      {t("alreadyInIdentification", { status: identificationTerms(`statuses.${held.status}`) })}
    </Link>
  );
}

/** One row per profiled body: its best-fitting missing person(s), how strongly, and whether that is a lead. */
export async function LeadsTable({ rows, locale }: { rows: readonly ScreenRow[]; locale: Locale }) {
  const [t, people] = await Promise.all([getTranslations("Kinship"), getTranslations("People")]);
  const relatives = (keys: readonly string[]) => keys.map((key) => people(`relationships.${key}` as Parameters<typeof people>[0])).join(locale === "ar" ? "، " : ", ");
  const cell = "px-2 py-2 align-top";
  return (
    <ScrollTable label={t("leadsTitle")}>
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
                {row.remainsIdentification && (
                  <p>
                    <HeldMark held={row.remainsIdentification} />
                  </p>
                )}
              </td>
              <td className={cell}>
                {row.best.length === 0 && t("noCandidate")}
                <ul className="space-y-1">
                  {row.best.map((person) => ({ person, offer: leadOffer(row, person) })).map(({ person, offer }) => (
                    <li key={person.id}>
                      <Link href={`/staff/persons/${person.id}`} className="text-accent underline">
                        <LtrText>{person.caseNumber}</LtrText> {person.name}
                      </Link>
                      {offer?.kind === "held" && (
                        <>
                          {" · "}
                          <HeldMark held={offer.identification} />
                        </>
                      )}
                      {offer?.kind === "propose" && (
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
                {row.excludedCount > 0 && <p className="text-muted" data-testid="excluded-count">{t("excludedCount", { excluded: row.excludedCount })}</p>}
                {row.belowFloorCount > 0 && <p className="text-muted">{t("belowFloor", { count: row.belowFloorCount })}</p>}
              </td>
              <td className={`${cell} tabular-nums`}>
                <LtrText>{formatLog10LikelihoodRatio(row.log10Lr)}</LtrText>
                {row.relativesUsed.length > 0 && <p className="text-muted" data-testid="relatives-used">{t("relativesUsed", { relatives: relatives(row.relativesUsed) })}</p>}
                {row.sidesAssumed.length > 0 && <p role="note" data-testid="sides-assumed">{t("sidesAssumed", { relatives: relatives(row.sidesAssumed) })}</p>}
                {row.familyUnplaceable && <p role="alert" data-testid="family-unplaceable">{t("familyUnplaceable")}</p>}
                {row.familyInconsistentLoci.length > 0 && (
                  <p role="alert" data-testid="family-inconsistent">{t("familyInconsistent", { lociNames: row.familyInconsistentLoci.join(", ") })}</p>
                )}
              </td>
              <td className={`${cell} tabular-nums`}>
                <LtrText>{row.runnerUpLog10Lr === null ? "—" : formatLog10LikelihoodRatio(row.runnerUpLog10Lr)}</LtrText>
              </td>
              <td className={`${cell} tabular-nums`}>
                {row.columnRunnerUp === null ? (
                  "—"
                ) : (
                  <>
                    <LtrText>{formatLog10LikelihoodRatio(row.columnRunnerUp.log10Lr)}</LtrText> <LtrText>{row.columnRunnerUp.remainsCode}</LtrText>
                  </>
                )}
              </td>
              <td className={`${cell} tabular-nums`}>
                <span data-testid="posterior">{formatPosterior(row.posterior, locale)}</span>
                <p className="text-muted" data-testid="not-in-database">{t("notInDatabase", { probability: formatPosterior(row.notInDatabase, locale) })}</p>
              </td>
              <td className={`${cell} tabular-nums`}>{row.lociCompared}</td>
              <td className={cell}>
                {row.inconsistentLoci.length === 0 ? t("none") : <LtrText>{row.inconsistentLoci.join(", ")}</LtrText>}
              </td>
              <td className={cell}>{row.isLead ? <strong>{t("lead")}</strong> : t("noLead")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
