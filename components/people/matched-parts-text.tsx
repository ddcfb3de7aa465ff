import type { PartMatch } from "@/lib/names/name-match";

type PartsKey = "matchedPartsLabel" | `matchedParts.${PartMatch["role"]}` | `matchQuality.${PartMatch["quality"]}`;

/**
 * Which parts of a person's name matched (given ✓ · father ✓ · family ≈), so the registrar sees why
 * a person is listed and how sure the match is, not merely "name". `t` is the People namespace's
 * translator, from the server (search results) or the browser (the duplicate warning).
 */
export function MatchedPartsText({ parts, t, testId }: { parts: readonly PartMatch[]; t: (key: PartsKey) => string; testId: string }) {
  return (
    <span className="text-sm text-muted" data-testid={testId}>
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
