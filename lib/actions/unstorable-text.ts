/**
 * PostgreSQL text cannot hold U+0000, nor a lone UTF-16 surrogate (no UTF-8 encoding exists): such a
 * string makes the insert fail with an encoding error (PGlite) or is silently stored as U+FFFD
 * (postgres.js). The dotted path of every such string in an action's input, so it is refused as invalid.
 */
export function fieldsWithNullCharacter(input: unknown, path: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof input === "string") return input.includes("\u0000") || !input.isWellFormed() ? [path.join(".") || "form"] : [];
  if (typeof input !== "object" || input === null || seen.has(input)) return [];
  seen.add(input);
  return Object.entries(input).flatMap(([key, value]) => fieldsWithNullCharacter(value, [...path, key], seen));
}
