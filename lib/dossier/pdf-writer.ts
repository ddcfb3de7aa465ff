import path from "node:path";
import PDFDocument from "pdfkit";
import { hasArabic, visualRuns } from "./bidi-text";
import { loadWoffFont } from "./woff-font";

const FONT_DIRECTORY = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules/@fontsource/amiri/files");
const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const LABEL_WIDTH = 120;
const GAP = 10;
const VALUE_START = PAGE.margin + LABEL_WIDTH + GAP;
const VALUE_WIDTH = PAGE.width - 2 * PAGE.margin - 2 * (LABEL_WIDTH + GAP);
/** Fontkit's cursive attachment moves glyphs vertically and splits words for text extraction. */
const ARABIC_FEATURES = { curs: false, kern: false } as unknown as PDFKit.Mixins.TextOptions["features"];

type Weight = "regular" | "bold";

/** One column of a table: its heading in both languages and its share of the page's width. */
export interface TableColumn {
  en: string;
  ar: string;
  width: number;
}

const TABLE_SIZE = 7.5;
const TABLE_LINE = 10;
const CELL_PADDING = 3;
/** Courier's advance is 0.6 em: how many characters of a monospaced line fit across the page. */
const CODE_SIZE = 7.2;
const CODE_CHARACTERS_PER_LINE = Math.floor((PAGE.width - 2 * PAGE.margin) / (CODE_SIZE * 0.6));

/**
 * A bilingual page layout on PDFKit: English on the left, Arabic (shaped, right-to-left) on the
 * right, values in between. Text is drawn in logical order so that a PDF reader extracts it as
 * written.
 */
export class DossierWriter {
  readonly document: PDFKit.PDFDocument;
  private y = PAGE.margin;

  constructor(info: { title: string }) {
    this.document = new PDFDocument({ size: "A4", margin: PAGE.margin, info: { Title: info.title, Creator: "Tarhuna case registry" } });
    this.document.registerFont("arabic-regular", loadWoffFont(path.join(FONT_DIRECTORY, "amiri-arabic-400-normal.woff")));
    this.document.registerFont("arabic-bold", loadWoffFont(path.join(FONT_DIRECTORY, "amiri-arabic-700-normal.woff")));
  }

  private font(arabic: boolean, weight: Weight, size: number): void {
    const name = arabic ? `arabic-${weight}` : weight === "bold" ? "Helvetica-Bold" : "Helvetica";
    this.document.font(name).fontSize(arabic ? size * 1.15 : size);
  }

  width(text: string, direction: "rtl" | "ltr", weight: Weight, size: number): number {
    return visualRuns(text, direction).reduce((total, run) => {
      this.font(run.arabic, weight, size);
      return total + this.document.widthOfString(run.text, run.arabic ? { features: ARABIC_FEATURES } : {});
    }, 0);
  }

  /** One line, no wrapping: left-aligned (LTR) from x, or right-aligned (RTL) to x + width. */
  private line(text: string, x: number, width: number, direction: "rtl" | "ltr", weight: Weight, size: number, baseline = size): void {
    const runs = visualRuns(text, direction).map((run) => {
      this.font(run.arabic, weight, size);
      return { ...run, width: this.document.widthOfString(run.text, run.arabic ? { features: ARABIC_FEATURES } : {}) };
    });
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let cursor = direction === "rtl" ? x + width - total : x;
    const placed = runs.map((run) => {
      const at = cursor;
      cursor += run.width;
      return { ...run, at };
    });
    for (const run of placed.sort((first, second) => first.logicalIndex - second.logicalIndex)) {
      this.font(run.arabic, weight, size);
      // One baseline for both fonts: Amiri's tall ascender would otherwise push Arabic below Latin.
      this.document.text(run.text, run.at, this.y + baseline, {
        lineBreak: false,
        baseline: "alphabetic",
        ...(run.arabic ? { features: ARABIC_FEATURES } : {}),
      });
    }
  }

  /** Breaks text into lines that fit the width, at spaces; words are measured once each. */
  private wrap(text: string, width: number, direction: "rtl" | "ltr", weight: Weight, size: number): string[] {
    const lines: string[] = [];
    // A space is drawn in either font; the wider one keeps every line inside the margins.
    const space = Math.max(...[true, false].map((arabic) => {
      this.font(arabic, weight, size);
      return this.document.widthOfString(" ");
    }));
    for (const paragraph of text.split(/\r?\n/)) {
      let current = "";
      let currentWidth = 0;
      for (const word of paragraph.split(/\s+/).filter((part) => part !== "")) {
        const wordWidth = this.width(word, direction, weight, size);
        if (current !== "" && currentWidth + space + wordWidth > width) {
          lines.push(current);
          current = word;
          currentWidth = wordWidth;
        } else {
          current = current === "" ? word : `${current} ${word}`;
          currentWidth += (current === word ? 0 : space) + wordWidth;
        }
      }
      lines.push(current);
    }
    return lines;
  }

  private ensureSpace(height: number): void {
    if (this.y + height <= PAGE.height - PAGE.margin) return;
    this.document.addPage();
    this.y = PAGE.margin;
  }

  title(english: string, arabic: string): void {
    this.ensureSpace(30);
    this.line(english, PAGE.margin, 240, "ltr", "bold", 15);
    this.line(arabic, PAGE.width - PAGE.margin - 240, 240, "rtl", "bold", 15);
    this.y += 28;
  }

  section(english: string, arabic: string): void {
    this.ensureSpace(40);
    this.y += 8;
    this.document.moveTo(PAGE.margin, this.y - 3).lineTo(PAGE.width - PAGE.margin, this.y - 3).strokeColor("#888888").lineWidth(0.5).stroke();
    this.line(english, PAGE.margin, 240, "ltr", "bold", 11.5);
    this.line(arabic, PAGE.width - PAGE.margin - 240, 240, "rtl", "bold", 11.5);
    this.y += 20;
  }

  /** English label, value (in its own direction, wrapped), Arabic label. */
  field(english: string, arabic: string, value: string): void {
    const direction = hasArabic(value) ? "rtl" : "ltr";
    const lines = this.wrap(value === "" ? "—" : value, VALUE_WIDTH, direction, "regular", 9.5);
    this.ensureSpace(14 * Math.min(lines.length, 3));
    this.line(english, PAGE.margin, LABEL_WIDTH, "ltr", "bold", 8.5, 9.5);
    this.line(arabic, PAGE.width - PAGE.margin - LABEL_WIDTH, LABEL_WIDTH, "rtl", "bold", 8.5, 9.5);
    for (const text of lines) {
      this.ensureSpace(14);
      this.line(text, VALUE_START, VALUE_WIDTH, direction, "regular", 9.5);
      this.y += 14;
    }
  }

  /** A sentence given in both languages, one under the other, each across the page. */
  note(english: string, arabic: string): void {
    const width = PAGE.width - 2 * PAGE.margin;
    for (const text of this.wrap(english, width, "ltr", "regular", 8.5)) {
      this.ensureSpace(13);
      this.line(text, PAGE.margin, width, "ltr", "regular", 8.5);
      this.y += 13;
    }
    for (const text of this.wrap(arabic, width, "rtl", "regular", 8.5)) {
      this.ensureSpace(14);
      this.line(text, PAGE.margin, width, "rtl", "regular", 8.5);
      this.y += 14;
    }
    this.y += 4;
  }

  /** The name of a record (codes, numbers, perhaps an Arabic station), one line across the page. */
  recordName(text: string): void {
    this.ensureSpace(12);
    this.line(text, PAGE.margin, PAGE.width - 2 * PAGE.margin, "ltr", "regular", 8);
    this.y += 13;
  }

  /** A monospaced line (hashes): never wrapped, so it is copied whole. */
  code(text: string): void {
    this.ensureSpace(12);
    this.document.font("Courier").fontSize(CODE_SIZE).text(text, PAGE.margin, this.y, { lineBreak: false });
    this.y += 11;
  }

  /**
   * A table with headings in English over Arabic, cells wrapped within their column, each row kept
   * on one page; the headings are repeated at the top of every page the table continues on. Column
   * widths are shares of the page's width.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => ((PAGE.width - 2 * PAGE.margin) * column.width) / total);
    const lefts = widths.map((_, index) => PAGE.margin + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
    const heading = () => {
      this.ensureSpace(2 * TABLE_LINE + 6);
      columns.forEach((column, index) => {
        this.line(column.en, (lefts[index] ?? 0) + CELL_PADDING, (widths[index] ?? 0) - 2 * CELL_PADDING, "ltr", "bold", TABLE_SIZE);
      });
      this.y += TABLE_LINE;
      columns.forEach((column, index) => {
        this.line(column.ar, (lefts[index] ?? 0) + CELL_PADDING, (widths[index] ?? 0) - 2 * CELL_PADDING, "rtl", "bold", TABLE_SIZE);
      });
      this.y += TABLE_LINE + 2;
      this.rule(0.5);
    };
    heading();
    for (const row of rows) {
      const cells = row.map((text, index) => {
        const direction = hasArabic(text) ? "rtl" : "ltr";
        return { direction, lines: this.wrap(text === "" ? "—" : text, (widths[index] ?? 0) - 2 * CELL_PADDING, direction, "regular", TABLE_SIZE) } as const;
      });
      const height = Math.max(...cells.map((cell) => cell.lines.length)) * TABLE_LINE + 4;
      if (this.y + height > PAGE.height - PAGE.margin) {
        this.document.addPage();
        this.y = PAGE.margin;
        heading();
      }
      const top = this.y + 2;
      cells.forEach((cell, index) => {
        cell.lines.forEach((text, lineIndex) => {
          this.y = top + lineIndex * TABLE_LINE;
          this.line(text, (lefts[index] ?? 0) + CELL_PADDING, (widths[index] ?? 0) - 2 * CELL_PADDING, cell.direction, "regular", TABLE_SIZE);
        });
      });
      this.y = top + height - 2;
      this.rule(0.25);
    }
    this.y += 6;
  }

  private rule(width: number): void {
    this.document.moveTo(PAGE.margin, this.y).lineTo(PAGE.width - PAGE.margin, this.y).strokeColor("#999999").lineWidth(width).stroke();
    this.y += 2;
  }

  /** A monospaced text too long for one line, cut into whole lines of characters (never at a space). */
  codeLines(text: string): void {
    for (let start = 0; start < text.length; start += CODE_CHARACTERS_PER_LINE) this.code(text.slice(start, start + CODE_CHARACTERS_PER_LINE));
  }

  space(height = 6): void {
    this.y += height;
  }

  toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.document.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<Buffer>((resolve, reject) => {
      this.document.on("end", () => resolve(Buffer.concat(chunks)));
      this.document.on("error", reject);
    });
    this.document.end();
    return ended;
  }
}
