import { getTranslations } from "next-intl/server";
import { lrBasisLines } from "@/lib/identifications/lr-basis-lines";
import type { LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";

/** The registry's exact ratio for the pair and what it rests on, beside any ratio a person reads (#21). */
export async function LikelihoodRatioBasisNote({ basis }: { basis: LikelihoodRatioBasis }) {
  const [identifications, people] = await Promise.all([getTranslations("Identifications"), getTranslations("People")]);
  return (
    <section className="space-y-1 rounded border border-line p-3 text-sm" data-testid="lr-basis">
      <h3 className="font-semibold">{identifications("lrBasis.title")}</h3>
      <ul className="space-y-0.5">
        {lrBasisLines(basis, { identifications: identifications as never, people: people as never }).map((line) => <li key={line} dir="auto">{line}</li>)}
      </ul>
    </section>
  );
}
