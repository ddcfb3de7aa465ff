import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { WorklistEntry } from "@/lib/sampling-worklist/worklist-query";

const percent = (value: number) => `${(100 * value).toFixed(0)} %`;

/**
 * The office's work list (issue 22, point 6): one row per relative to invite, largest gain in
 * inclusion power first. The powers are simulation estimates and carry their standard error; a
 * family whose records changed since its figures were computed is marked stale with the time, and a
 * gain simulated at θ = 0 (a pedigree too wide for the exact θ sum) says so, as the family page does.
 */
export async function SamplingWorklistTable({ entries, theta, locale }: { entries: readonly WorklistEntry[]; theta: number | null; locale: Locale }) {
  const [t, people] = await Promise.all([getTranslations("Kinship.worklist"), getTranslations("People")]);
  return (
    <table className="w-full text-sm" data-testid="sampling-worklist">
      <caption className="text-start text-muted">{t("caption", { count: entries.length })}</caption>
      <thead>
        <tr>
          <th scope="col" className="text-start">{t("rank")}</th>
          <th scope="col" className="text-start">{t("family")}</th>
          <th scope="col" className="text-start">{t("missingPerson")}</th>
          <th scope="col" className="text-start">{t("relative")}</th>
          <th scope="col" className="text-start">{t("inclusionNow")}</th>
          <th scope="col" className="text-start">{t("inclusionAfter")}</th>
          <th scope="col" className="text-start">{t("gain")}</th>
          <th scope="col" className="text-start">{t("computed")}</th>
          <th scope="col" className="text-start print:hidden">{t("invitation")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={entry.donorId} data-testid="sampling-worklist-entry" data-stale={entry.stale ? "true" : undefined} className="border-t border-line align-top">
            <td>{index + 1}</td>
            <td>
              <Link href={`/staff/families/${entry.familyId}`} className="text-accent underline">
                <LtrText>{entry.familyReference}</LtrText>
              </Link>
            </td>
            <td>
              <LtrText>{entry.caseNumber}</LtrText>
            </td>
            <td>
              {entry.givenName} ({people(`relationships.${entry.relationship}`)})
            </td>
            <td>
              <LtrText>{percent(entry.inclusionNow)}</LtrText>
            </td>
            <td>
              <LtrText>{`${percent(entry.inclusionAfter)} ± ${percent(entry.inclusionStandardError)}`}</LtrText>
            </td>
            <td>
              <LtrText>{`${entry.inclusionGain >= 0 ? "+" : ""}${percent(entry.inclusionGain)}`}</LtrText>
              {theta !== null && entry.simulationTheta !== null && entry.simulationTheta !== theta && (
                <span className="block text-muted" data-testid="sampling-worklist-theta">
                  {t("simulatedAtTheta", { simulated: entry.simulationTheta, theta })}
                </span>
              )}
            </td>
            <td>
              {formatDateTime(locale, entry.computedAt)}
              {entry.stale && (
                <strong className="block text-red-700" data-testid="sampling-worklist-stale">
                  {t("stale")}
                </strong>
              )}
            </td>
            <td className="print:hidden">
              <Link href={`/staff/donors/${entry.donorId}/invitation`} className="text-accent underline" data-testid="sampling-worklist-invitation">
                {people("invitation.link")}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
