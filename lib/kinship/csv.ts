import { isAllele, parseGenotype } from "./alleles";
import type { Genotype } from "./types";

/** Splits one CSV line: double quotes around a cell, "" for a quote inside one. */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const character = line[i] ?? "";
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else cell += character;
  }
  cells.push(cell.trim());
  return cells;
}

interface Line {
  number: number;
  cells: string[];
}

/** The file's non-empty lines after an optional header, numbered as a spreadsheet shows them. */
function dataLines(text: string, headerWord: string): Line[] {
  const physical = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  // Excel in locales with a decimal comma saves with semicolons; the first line tells which.
  const firstLine = physical.find((line) => line.trim() !== "") ?? "";
  const delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(";") ? ";" : ",";
  const lines = physical.map((line, index) => ({ number: index + 1, cells: splitLine(line, delimiter) }));
  const filled = lines.filter((line) => line.cells.some((cell) => cell !== ""));
  const [first] = filled;
  const hasHeader = first?.cells.some((cell) => cell.toLowerCase().includes(headerWord)) ?? false;
  return hasHeader ? filled.slice(1) : filled;
}

export type RowErrorCode = "missingColumns" | "unknownLocus" | "malformedAllele" | "badFrequency" | "duplicate" | "unknownBarcode";

export interface RowError {
  line: number;
  code: RowErrorCode;
  /** The offending value, to show beside the message. */
  value: string;
}

export interface ProfileRow {
  line: number;
  barcode: string;
  locus: string;
  genotype: Genotype;
}

/**
 * The laboratory's long form: sample barcode, locus, allele 1, allele 2 (empty or repeated for a
 * homozygote). A locus must be one the frequency table knows; each row stands or falls alone.
 */
export function parseProfileCsv(text: string, knownLoci: ReadonlySet<string>): { rows: ProfileRow[]; errors: RowError[] } {
  const rows: ProfileRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { number, cells } of dataLines(text, "locus")) {
    const [barcode = "", locus = "", first = "", second = ""] = cells;
    if (!barcode || !locus || !first) {
      errors.push({ line: number, code: "missingColumns", value: cells.join(", ") });
      continue;
    }
    if (!knownLoci.has(locus)) {
      errors.push({ line: number, code: "unknownLocus", value: locus });
      continue;
    }
    const genotype = parseGenotype(first, second);
    if (!genotype) {
      errors.push({ line: number, code: "malformedAllele", value: [first, second].filter(Boolean).join(", ") });
      continue;
    }
    const key = `${barcode}|${locus}`;
    if (seen.has(key)) {
      errors.push({ line: number, code: "duplicate", value: `${barcode} ${locus}` });
      continue;
    }
    seen.add(key);
    rows.push({ line: number, barcode, locus, genotype });
  }
  return { rows, errors };
}

export interface FrequencyRow {
  line: number;
  locus: string;
  allele: string;
  frequency: number;
}

/** A published table in long form: locus, allele, frequency in (0, 1]. */
export function parseFrequencyCsv(text: string): { rows: FrequencyRow[]; errors: RowError[] } {
  const rows: FrequencyRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { number, cells } of dataLines(text, "locus")) {
    const [locus = "", allele = "", frequencyText = ""] = cells;
    if (!locus || !allele || !frequencyText) {
      errors.push({ line: number, code: "missingColumns", value: cells.join(", ") });
      continue;
    }
    if (!isAllele(allele)) {
      errors.push({ line: number, code: "malformedAllele", value: allele });
      continue;
    }
    const frequency = Number(frequencyText.replace(",", "."));
    if (!(frequency > 0 && frequency <= 1)) {
      errors.push({ line: number, code: "badFrequency", value: frequencyText });
      continue;
    }
    const key = `${locus}|${allele}`;
    if (seen.has(key)) {
      errors.push({ line: number, code: "duplicate", value: `${locus} ${allele}` });
      continue;
    }
    seen.add(key);
    rows.push({ line: number, locus, allele, frequency });
  }
  return { rows, errors };
}
