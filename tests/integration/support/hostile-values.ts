import fc from "fast-check";
import type { z } from "zod";

/** Text an attacker or a careless copy-paste could put in any field. */
export const TEXT_PAYLOADS = [
  "<img src=x onerror=window.__xss=1><script>window.__xss=1</script>",
  "\"><svg onload=alert(1)>",
  "javascript:alert(1)",
  "'; DROP TABLE missing_persons; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10)",
  "$1 $2 \\x00 %s %n {{7*7}} ${process.exit()}",
  "\u202Eأحمد\u202C",
  "\u200B\u200C\u200D\u2060\uFEFF",
];

const PAYLOADS = [
  ...TEXT_PAYLOADS,
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "\r\n\t\u000B\u000C\u001B[31m",
  "２０１９-０６-０１",
  "٢٠١٩-٠٦-٠١",
  "2019-02-31",
  "2019-13-01",
  "0000-00-00",
  "0000-01-01",
  "0000-01-01T00:00",
  "2024-02-30T25:61",
  "9999-12-31",
  "-001-01-01",
  "275760-09-14",
  "1e308",
  "NaN",
  "-0",
  "00000000-0000-0000-0000-000000000000",
  "TRH-F-0000",
  "TRH-MP-99999",
  "__proto__",
  "constructor",
];

const EDGE_NUMBERS = [
  0, -0, 1, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

const controlCharacters = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const invisibleCharacters = fc.string({ unit: fc.constantFrom("\u202E", "\u202D", "\u200B", "\u200F", "\u061C", "\uFEFF", "\u2066"), maxLength: 20 });

/** Sizes around every limit the schemas use (200, 4000) and far past them. */
const hugeString = fc
  .tuple(fc.constantFrom(199, 200, 201, 3999, 4000, 4001, 65_536, 1_000_000), fc.constantFrom("x", "ب", "\u202E", "😀", "\u0000"))
  .map(([length, unit]) => unit.repeat(length));

/** Strings shaped like a date or a datetime-local value whose parts may not exist on any calendar. */
const dateShaped = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
  .map(([year, month, day, hour, withTime]) => {
    const pad = (value: number, width = 2) => String(value).padStart(width, "0");
    const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return withTime ? `${date}T${pad(hour)}:${pad(day)}` : date;
  });

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PAYLOADS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 3 },
  { arbitrary: controlCharacters, weight: 1 },
  { arbitrary: invisibleCharacters, weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 8 }), invisibleCharacters).map((parts) => parts.join("")), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: dateShaped, weight: 2 },
  { arbitrary: fc.uuid().map(String), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString().slice(0, 10))), weight: 1 },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom(true, false, null, undefined), weight: 1 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 8 },
  { arbitrary: fc.array(scalar, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.array(fc.dictionary(hostileString, scalar, { maxKeys: 4 }), { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }), weight: 1 },
);

interface SchemaInternals {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: unknown; options?: unknown[]; innerType?: unknown } };
}

/** The field names an object schema expects (through pipes, unions and wrappers), for targeted input. */
export function fieldNamesOf(schema: unknown): string[] {
  const def = (schema as SchemaInternals)._zod?.def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  if (def.in) return fieldNamesOf(def.in);
  if (def.innerType) return fieldNamesOf(def.innerType);
  return (def.options ?? []).flatMap(fieldNamesOf);
}

/**
 * Input for a schema: anything at all, or an object with the schema's own field names holding hostile
 * values, or such an object starting from a valid one so the hostile value reaches deeper checks.
 */
export function hostileInputFor(schema: z.ZodType, valid?: Record<string, unknown>): fc.Arbitrary<unknown> {
  const names = fieldNamesOf(schema);
  const targeted =
    names.length > 0
      ? fc.record(Object.fromEntries(names.map((name) => [name, hostileValue])), { requiredKeys: [] })
      : fc.dictionary(hostileString, hostileValue, { maxKeys: 6 });
  const arbitraries: fc.Arbitrary<unknown>[] = [fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }), targeted];
  if (valid) arbitraries.push(mutationOf(valid));
  return fc.oneof(...arbitraries);
}

/** A valid input with one to three fields replaced by hostile values (strings mostly stay strings). */
export function mutationOf(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(valid);
  const replacement = fc.oneof({ arbitrary: hostileString, weight: 5 }, { arbitrary: hostileValue, weight: 1 });
  return fc
    .array(fc.tuple(fc.constantFrom(...names), replacement), { minLength: 1, maxLength: 3 })
    .map((changes) => ({ ...valid, ...Object.fromEntries(changes) }));
}
