import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { normaliseArabicText } from "./normalise-arabic";

/**
 * The trigram thresholds a free-text match runs under (set with setTrigramThresholds): a stored
 * text whose closest stretch of words shares half the query's trigrams is a match, as a name is
 * in the staff search. "هونداي" against "مفتاح سيارة هيونداي" scores 0.57; PostgreSQL's default of
 * 0.6 would miss it.
 */
export const TEXT_MATCH_THRESHOLDS = { similarity: 0.3, wordSimilarity: 0.5 };

/** ILIKE treats % and _ as wildcards; a search for "B_01" means those characters literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * `column` holds normalise_arabic_text of some text (migration 0015): it matches when it contains
 * the normalised query, or when some run of its words resembles it ("هونداي" finds "هيونداي",
 * "قميص ازرق" finds "قميص أزرق"). Both tests are answered by the column's trigram index. An empty
 * query after normalisation (only marks or spaces) matches nothing rather than everything.
 */
export function matchesNormalisedText(column: AnyPgColumn, query: string): SQL {
  const normalised = normaliseArabicText(query);
  if (normalised === "") return sql`false`;
  return sql`(${column} ilike ${containsPattern(normalised)} or ${normalised} <% ${column})`;
}
