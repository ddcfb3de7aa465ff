import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { fullArabicName } from "@/components/people/person-name";
import type { Ranking } from "@/lib/am-pm/comparison";
import type { BodyLeadSubject, PersonLeadSubject } from "@/lib/am-pm/queries";
import { Link } from "@/lib/i18n/navigation";
import { reasonText } from "./reason-text";

type NonDnaLeadsProps =
  | { side: "body"; ranking: Ranking<PersonLeadSubject> | null }
  | { side: "person"; ranking: Ranking<BodyLeadSubject> | null };

function candidateOf(props: NonDnaLeadsProps, index: number) {
  if (props.side === "body") {
    const subject = props.ranking?.leads[index]?.subject;
    return subject && { href: `/staff/persons/${subject.id}`, label: <><LtrText>{subject.caseNumber}</LtrText> · {fullArabicName(subject)}</> };
  }
  const subject = props.ranking?.leads[index]?.subject;
  return subject && { href: `/staff/remains/${subject.id}`, label: <LtrText>{subject.code}</LtrText> };
}

/**
 * The AM/PM comparison's ranked leads, labelled as what they are: a count of agreeing evidence,
 * never DNA, never a likelihood ratio or a probability (docs/AM-PM.md).
 */
export async function NonDnaLeads(props: NonDnaLeadsProps) {
  const [t, belongings] = await Promise.all([getTranslations("AmPm"), getTranslations("Belongings")]);
  const { ranking } = props;
  return (
    <section className="space-y-3 rounded border border-line p-4" aria-labelledby="non-dna-leads-title" data-testid="non-dna-leads">
      <h2 id="non-dna-leads-title" className="text-lg font-semibold">{t("leadsTitle")}</h2>
      <p className="text-sm text-muted">{t(props.side === "body" ? "leadsBodyIntro" : "leadsPersonIntro")} {t("leadsModel")}</p>
      {ranking === null ? (
        <p>{t("noAntemortemForLeads")}</p>
      ) : (
        <>
          <p className="text-sm">{t("leadsSummary", { compared: ranking.compared, ruledOut: ranking.excluded })}</p>
          {ranking.leads.length === 0 ? (
            <p>{t("noLeads")}</p>
          ) : (
            <table className="w-full text-start text-sm">
              <thead>
                <tr>
                  <th scope="col" className="text-start">{t("rank")}</th>
                  <th scope="col" className="text-start">{t("candidate")}</th>
                  <th scope="col" className="text-start">{t("score")}</th>
                  <th scope="col" className="text-start">{t("reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.leads.map((lead, index) => {
                  const candidate = candidateOf(props, index);
                  return (
                    <tr key={index} className="border-t border-line align-top" data-testid="non-dna-lead">
                      <td>{index + 1}</td>
                      <td>{candidate && <Link href={candidate.href} className="text-accent underline">{candidate.label}</Link>}</td>
                      <td>{t("points", { points: lead.score })}</td>
                      <td>
                        <ul className="list-disc ps-5">
                          {lead.reasons.map((reason, at) => (
                            <li key={at}>{reasonText(reason, t, belongings)}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
