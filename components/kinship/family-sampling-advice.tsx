import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { FamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";

const percent = (value: number) => `${(100 * value).toFixed(0)} %`;

/**
 * Which registered relative to ask for a sample next (issue #22, point 6): the powers of the
 * relatives typed now and with each relative not yet sampled, as the sampling refresh stored them
 * (with their date, and marked out of date when the family's inputs changed since). The simulated
 * figures are approximate and say so, with their standard error.
 */
export async function FamilySamplingAdviceSection({ advice, locale }: { advice: FamilySamplingAdvice | null; locale: Locale }) {
  const [t, people] = await Promise.all([getTranslations("People.samplingAdvice"), getTranslations("People")]);
  if (!advice) return null;
  return (
    <section className="space-y-3" aria-labelledby="sampling-advice-title" data-testid="sampling-advice">
      <h2 id="sampling-advice-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("basis", { threshold: advice.threshold, theta: advice.theta, rate: advice.mutationRate, simulations: advice.simulations, table: advice.frequencyTable })}</p>
      <p role="status" data-testid="sampling-advice-status">
        {advice.computedAt === null ? t("notComputed") : t("computedAt", { time: formatDateTime(locale, advice.computedAt) })}
        {advice.computedAt !== null && advice.stale && (
          <strong className="block text-red-700" data-testid="sampling-advice-stale">
            {t("stale")}
          </strong>
        )}
      </p>
      {advice.missingPersons.map((person) => (
        <div key={person.missingPersonId} className="space-y-2 rounded border border-line p-3" data-testid="sampling-advice-person">
          <h3 className="font-semibold">
            <LtrText>{person.caseNumber}</LtrText>
          </h3>
          {person.placementProblem !== null ? (
            <p>{t("unplaceable", { problem: person.placementProblem })}</p>
          ) : (
            <>
              {person.current.theta !== advice.theta && <p className="text-sm text-muted">{t("thetaZero", { theta: advice.theta })}</p>}
              <p>
                {person.exactExclusionPower === null ? t("noneTyped") : t("exclusionExact", { power: percent(person.exactExclusionPower), count: person.typedRelatives })}{" "}
                {t("inclusionNow", { power: percent(person.current.inclusionPower), error: percent(person.current.inclusionStandardError) })}
              </p>
              <table className="w-full text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="text-start">{t("relative")}</th>
                    <th scope="col" className="text-start">{t("inclusionAfter")}</th>
                    <th scope="col" className="text-start">{t("gain")}</th>
                    <th scope="col" className="text-start">{t("exclusionAfter")}</th>
                    <th scope="col" className="text-start">{people("invitation.title")}</th>
                  </tr>
                </thead>
                <tbody>
                  {person.toSample.map((donor) => (
                    <tr key={donor.donorId} data-testid="sampling-advice-donor">
                      <td>
                        {donor.givenName} ({people(`relationships.${donor.relationship}`)})
                      </td>
                      <td>
                        <LtrText>{`${percent(donor.power.inclusionPower)} ± ${percent(donor.power.inclusionStandardError)}`}</LtrText>
                      </td>
                      <td>
                        <LtrText>{`${donor.inclusionGain >= 0 ? "+" : ""}${percent(donor.inclusionGain)}`}</LtrText>
                      </td>
                      <td>
                        <LtrText>{percent(donor.power.exclusionPower)}</LtrText>
                      </td>
                      <td>
                        <Link href={`/staff/donors/${donor.donorId}/invitation`} className="text-accent underline" data-testid="sampling-advice-invitation">
                          {people("invitation.link")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
