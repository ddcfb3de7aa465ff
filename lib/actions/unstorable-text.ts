/**
 * PostgreSQL text cannot hold U+0000: a string carrying one makes the insert fail with an encoding
 * error. The dotted path of every such string in an action's input, so it is refused as invalid.
 */
export function fieldsWithNullCharacter(input: unknown, path: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof input === "string") return input.includes("\u0000") ? [path.join(".") || "form"] : [];
  if (typeof input !== "object" || input === null || seen.has(input)) return [];
  seen.add(input);
  return Object.entries(input).flatMap(([key, value]) => fieldsWithNullCharacter(value, [...path, key], seen));
}
