import { getTranslations } from "next-intl/server";
import type { PartMatch } from "@/lib/names/name-match";

/**
 * Which parts of the person's name the typed words matched (given ✓ · father ✓ · family ≈), so
 * the registrar sees why a person is listed and how sure the match is, not merely "name".
 */
export async function MatchedParts({ parts }: { parts: PartMatch[] }) {
  const t = await getTranslations("People");
  return (
    <span className="text-sm text-muted" data-testid="matched-parts">
      <span className="sr-only">{t("matchedPartsLabel")}: </span>
      {parts.map((part, index) => (
        <span key={part.role}>
          {index > 0 && " · "}
          {t(`matchedParts.${part.role}`)} {t(`matchQuality.${part.quality}`)}
        </span>
      ))}
    </span>
  );
}
