import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { todayInTarhuna } from "@/lib/people/dates";
import { categoryCell, isPlaceholder, sexCell, type CellResult } from "./cell-values";
import { readDate, type DateOrder, type ReadDate } from "./date-values";

/** A date cell's value: the date, and the other reading while the column's order is not known. */
export interface DateValue {
  date: ReadDate;
  monthFirst?: ReadDate;
}

export interface DateColumnSummary {
  field: string;
  /** Values that prove an order (a day above 12) and values either order could read. */
  dayFirst: number;
  monthFirst: number;
  ambiguous: number;
  /** The order the ambiguous values were read in: the user's, or the one the evidence shows. */
  used: DateOrder;
  confirmed: boolean;
}

/** The fields whose values are codes the registry knows: category of a report, sex of a person. */
export const CODED_FIELDS = { category: ["killing", "disappearance"], sex: ["male", "female", "unknown"] } as const;
export type CodedField = keyof typeof CODED_FIELDS;

export interface CodedValue {
  value: string;
  normalised: string;
  count: number;
  target: string | null;
  /** Known spelling, a mapping remembered from an earlier import or chosen now, or not mapped. */
  source: "known" | "mapped" | null;
}

/** Distinct values kept per coded column: a column of free text is not a code. */
const MAX_DISTINCT = 200;

export interface ColumnSettings {
  dateOrders: Partial<Record<string, DateOrder>>;
  /** Field → normalised value → code. */
  valueMappings: Partial<Record<string, Record<string, string>>>;
}

/**
 * The readers of one file's date and coded columns, with what they saw: how many dates prove each
 * order, each distinct code with its count. Made once per file, shared by all its sheets.
 */
export function columnReaders(settings: ColumnSettings) {
  const today = todayInTarhuna(new Date());
  const dates = new Map<string, { dayFirst: number; monthFirst: number; ambiguous: number }>();
  const codes = new Map<string, Map<string, CodedValue>>();

  function date(field: string, required: boolean): (text: string) => CellResult<DateValue | null> {
    const seen = dates.get(field) ?? { dayFirst: 0, monthFirst: 0, ambiguous: 0 };
    dates.set(field, seen);
    const order = settings.dateOrders[field] ?? null;
    return (text) => {
      const reading = isPlaceholder(text) ? ({ kind: "empty" } as const) : readDate(text, order, today);
      if (reading.kind === "empty") return required ? { ok: false, problem: "required" } : { ok: true, value: null };
      if (reading.kind === "refused") return { ok: false, problem: reading.problem };
      if (reading.kind === "ambiguous") {
        seen.ambiguous += 1;
        return { ok: true, value: { date: reading.dayFirst, monthFirst: reading.monthFirst } };
      }
      if (reading.evidence) seen[reading.evidence] += 1;
      return { ok: true, value: { date: reading.date } };
    };
  }

  function coded<Code extends string>(field: CodedField, known: (text: string) => CellResult<Code>): (text: string) => CellResult<Code> {
    const seen = codes.get(field) ?? new Map<string, CodedValue>();
    codes.set(field, seen);
    const mapped = settings.valueMappings[field] ?? {};
    // A column holds a handful of spellings a hundred thousand times: each is normalised once.
    const normalisedOf = new Map<string, string>();
    return (text) => {
      let normalised = normalisedOf.get(text);
      if (normalised === undefined) {
        normalised = normaliseArabicName(text);
        if (normalisedOf.size < 1_000) normalisedOf.set(text, normalised);
      }
      const result = known(text);
      const target = result.ok ? result.value : ((mapped[normalised] as Code | undefined) ?? null);
      const entry = seen.get(normalised);
      if (entry) entry.count += 1;
      else if (seen.size < MAX_DISTINCT && normalised !== "") seen.set(normalised, { value: text.trim(), normalised, count: 1, target, source: result.ok ? "known" : target ? "mapped" : null });
      if (result.ok || target === null) return result;
      return { ok: true, value: target };
    };
  }

  return {
    date,
    category: coded("category", categoryCell),
    sex: coded("sex", sexCell),
    dateColumns(): DateColumnSummary[] {
      // A column whose dates say nothing of an order (ISO, serials, none at all) has nothing to confirm.
      return [...dates].filter(([, seen]) => seen.dayFirst + seen.monthFirst + seen.ambiguous > 0).map(([field, seen]) => {
        const confirmed = settings.dateOrders[field];
        const used = confirmed ?? (seen.monthFirst > 0 && seen.dayFirst === 0 ? "monthFirst" : "dayFirst");
        return { field, ...seen, used, confirmed: confirmed !== undefined };
      });
    },
    codedValues(): { field: CodedField; values: CodedValue[] }[] {
      return [...codes].filter(([, seen]) => seen.size > 0).map(([field, seen]) => ({ field: field as CodedField, values: [...seen.values()].sort((first, second) => second.count - first.count) }));
    },
  };
}

export type ColumnReaders = ReturnType<typeof columnReaders>;
