import { getTranslations } from "next-intl/server";
import type { PartMatch } from "@/lib/names/name-match";
import { MatchedPartsText } from "./matched-parts-text";

/** The parts of a search result's name the typed words matched (see MatchedPartsText). */
export async function MatchedParts({ parts }: { parts: PartMatch[] }) {
  return <MatchedPartsText parts={parts} t={await getTranslations("People")} testId="matched-parts" />;
}
