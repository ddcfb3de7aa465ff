import { sql } from "drizzle-orm";
import fc from "fast-check";
import { selectRows, type Database } from "@/db/client";
import { hostileString, hostileValue, TEXT_PAYLOADS } from "./hostile-values";

/**
 * Hostile values by the kind of field they go into (free text with its limit, a number with its
 * range, a row version, a date, a Libyan local time, a record id, a CSV file), put into a valid
 * input at dotted paths, and a cheap fingerprint of the database to show a refusal saved nothing.
 */
export type FieldKind =
  | { kind: "text"; max: number; /** Fields that must hold the same value (a password and its confirmation). */ alsoSets?: readonly string[] }
  | { kind: "number"; min: number; max: number; integer?: boolean }
  | { kind: "version" }
  | { kind: "date" }
  | { kind: "dateTime" }
  | { kind: "id" }
  | { kind: "csv"; valid: string };

export type Input = Record<string, unknown>;

/** A version relative to the current one: -1 is stale, +1 is one nobody has saved yet. */
export class VersionOffset {
  constructor(readonly offset: number) {}
}

const PAYLOADS = [
  ...TEXT_PAYLOADS,
  "\u0001\u0007\u001B[31m\u007F",
  "\r\n\t\u000B\u000C",
  "\uD800",
  "\uDFFF\uD800",
  "__proto__",
  "سالم\u200Fعمر",
];

const NAMES = ["سالم", "Ahmed", "", " ", "عائشة الرماني"];

/** Units a string at a field's limit is made of: 1, 2 (astral) or several UTF-16 units each. */
const LIMIT_UNITS = ["x", "ب", "\u202E", "\u200B", "😀", "<b>", "'", "\u0007"];

const EDGE_NUMBERS = [
  0, -0, 1, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, Number.MAX_VALUE,
  -Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

function textAt(limit: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...LIMIT_UNITS), fc.constantFrom(-1, 0, 1), fc.boolean())
    .map(([unit, delta, padded]) => {
      const text = unit.repeat(Math.max(0, Math.floor(limit / unit.length) + delta));
      // Padding is trimmed away by the schemas, so a padded string at the limit is still valid.
      return padded ? ` \t${text} \n` : text;
    });
}

function hostileText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...PAYLOADS), fc.constantFrom(...NAMES)).map((parts) => parts.join("")), weight: 4 },
    { arbitrary: textAt(max), weight: 2 },
    { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 20 }), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
    { arbitrary: hostileString, weight: 2 },
  );
}

function hostileNumber(kind: { min: number; max: number; integer?: boolean }): fc.Arbitrary<unknown> {
  const inRange = kind.integer ? fc.integer({ min: kind.min, max: kind.max }) : fc.double({ min: kind.min, max: kind.max, noNaN: true });
  return fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 3 },
    { arbitrary: fc.constantFrom(kind.min, kind.max, kind.min - 1, kind.max + 1, kind.min - Number.EPSILON, kind.max + 1e-9, (kind.min + kind.max) / 2 + 0.5), weight: 3 },
    { arbitrary: inRange, weight: 3 },
    { arbitrary: fc.constantFrom(String(kind.max), "", null, "1e3", "0x10"), weight: 1 },
  );
}

const hostileVersion: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(-1, 1, 2).map((offset) => new VersionOffset(offset)), weight: 3 },
  { arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "1", null), weight: 2 },
);

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const IMPOSSIBLE_DATES = ["2019-02-29", "2019-02-31", "2019-13-01", "2019-00-10", "0000-01-01", "0000-00-00", "-001-01-01", "275760-09-14", "+002019-06-01", "2019-6-1", "20190601", "٢٠١٩-٠٦-٠١", "２０１９-０６-０１", "2019-06-01T00:00", "Invalid Date"];

const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES), weight: 3 },
  // Real days at the edges: the first storable day, leap days, the epoch, today, tomorrow, the far future.
  { arbitrary: fc.constantFrom("0001-01-01", "1000-01-01", "1900-02-28", "1969-12-31", "1970-01-01", "2000-02-29", "2020-02-29", "9999-12-31").map(String), weight: 3 },
  { arbitrary: fc.constantFrom(0, -1, 1).map(dayOffset), weight: 2 },
  { arbitrary: fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)), weight: 2 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: hostileString, weight: 1 },
);

const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom("2024-02-30T10:00", "2024-05-01T24:00", "2024-05-01T23:60", "0000-01-01T00:00", "2024-05-01T09:30:00", "2024-05-01 09:30", "2024-05-01T9:30", "2024-05-01"), weight: 3 },
  { arbitrary: fc.constantFrom("0001-01-01T00:00", "1970-01-01T00:00", "2020-02-29T23:59", "9999-12-31T23:59"), weight: 2 },
  { arbitrary: fc.constantFrom(-1, 0, 1).map((days) => `${dayOffset(days)}T${new Date().toISOString().slice(11, 16)}`), weight: 2 },
  { arbitrary: hostileString, weight: 1 },
);

const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.uuid().map(String),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "", "' OR '1'='1", "TRH-MP-00001"),
  hostileString,
);

function hostileCsv(valid: string): fc.Arbitrary<string> {
  const lines = valid.split("\n");
  const cell = fc.oneof(hostileText(200), fc.constantFrom("\"", "\"\"", ",", ";", "\t", "0", "-1", "1e999", "NaN", "0,5", "99.9.9"));
  return fc.oneof(
    // One cell of one row replaced, the row quoted or not.
    fc.tuple(fc.nat(), fc.nat(), cell, fc.boolean()).map(([row, column, value, quoted]) => {
      const index = 1 + (row % (lines.length - 1));
      const cells = (lines[index] ?? "").split(",");
      cells[column % cells.length] = quoted ? `"${value.replaceAll("\"", "\"\"")}"` : value;
      return lines.map((line, at) => (at === index ? cells.join(",") : line)).join("\n");
    }),
    // A hostile line added, or the header replaced.
    fc.tuple(cell, fc.boolean()).map(([value, header]) => (header ? [value, ...lines.slice(1)] : [...lines, value]).join("\n")),
    // Separators and line ends of other spreadsheets, a byte-order mark.
    fc.constantFrom(valid.replaceAll(",", ";"), valid.replaceAll(",", "\t"), valid.replaceAll("\n", "\r\n"), `\uFEFF${valid}`, `${valid}\n\n\n`),
    hostileString,
  );
}

export function hostileValueFor(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind.kind) {
    case "text":
      return hostileText(kind.max);
    case "number":
      return hostileNumber(kind);
    case "version":
      return hostileVersion;
    case "date":
      return hostileDate;
    case "dateTime":
      return hostileDateTime;
    case "id":
      return hostileId;
    case "csv":
      return hostileCsv(kind.valid);
  }
}

export type Change = readonly [path: string, value: unknown];

/** One to three fields of the base replaced: mostly by values of their own kind, sometimes by anything. */
export function hostileChanges(fields: Record<string, FieldKind>): fc.Arbitrary<Change[]> {
  const change = fc.oneof(
    ...Object.entries(fields).map(([path, kind]) =>
      fc.oneof({ arbitrary: hostileValueFor(kind), weight: 6 }, { arbitrary: hostileValue, weight: 1 }).map((value): Change => [path, value]),
    ),
  );
  return fc.array(change, { minLength: 1, maxLength: 3 });
}

function setPath(target: Input, path: string, value: unknown): void {
  const keys = path.split(".");
  let container: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = container[key];
    if (typeof next !== "object" || next === null) return;
    container = next as Record<string, unknown>;
  }
  const last = keys.at(-1);
  if (last !== undefined) container[last] = value;
}

/** The base with the changes made (a version offset becomes the current version plus the offset). */
export function applyChanges(base: Input, fields: Record<string, FieldKind>, changes: readonly Change[]): Input {
  const input = structuredClone(base);
  for (const [path, value] of changes) {
    const resolved = value instanceof VersionOffset ? Number(base[path] ?? 1) + value.offset : value;
    setPath(input, path, resolved);
    const kind = fields[path];
    if (kind?.kind === "text") for (const other of kind.alsoSets ?? []) setPath(input, other, resolved);
  }
  return input;
}

/**
 * Row counts and version sums of every table, and the audit log's length: a refused call must leave
 * all of them as they were (except tables named in `ignoring`). Cheap enough to take around every
 * call, unlike a digest of every row.
 */
export async function databaseFingerprint(db: Database): Promise<(ignoring?: readonly string[]) => Promise<string>> {
  const tables = await selectRows<{ name: string; versioned: boolean }>(
    db,
    sql`select t.table_name as name,
          exists (select 1 from information_schema.columns c
                  where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'version') as versioned
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by t.table_name`,
  );
  const parts = tables.map(({ name, versioned }) =>
    versioned
      ? sql`select ${name} || ':' || count(*) || ':' || coalesce(sum(version), 0) as part from ${sql.identifier(name)}`
      : sql`select ${name} || ':' || count(*) as part from ${sql.identifier(name)}`,
  );
  const query = sql.join(parts, sql` union all `);
  return async (ignoring: readonly string[] = []) =>
    (await selectRows<{ part: string }>(db, query))
      .map((row) => row.part)
      .filter((part) => !ignoring.some((table) => part.startsWith(`${table}:`)))
      .join(" ");
}
