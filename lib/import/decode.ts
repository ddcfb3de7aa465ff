import { MAX_LINE_CHARACTERS } from "./limits";

export type FileFormat = "csv" | "xlsx";

/** A file-level refusal: nothing of the file is imported. Keys of the Import.fileErrors messages. */
export class ImportFileError extends Error {
  constructor(
    readonly key:
      | "notSpreadsheet"
      | "empty"
      | "tooLarge"
      | "lineTooLong"
      | "noHeader"
      | "unreadableWorkbook"
      | "failed"
      | "uncompressedTooLarge"
      | "tooManySharedStrings"
      | "tooManyRows"
      | "tooManyColumns"
      | "tooComplex"
      | "importRunning",
    readonly values: Record<string, string | number> = {},
  ) {
    super(`import refused: ${key}`);
    this.name = "ImportFileError";
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export type TextEncodingName = "utf-8" | "windows-1256" | "utf-16le" | "utf-16be";

/**
 * UTF-16 ("Unicode text" in Excel's Save As) by its byte-order mark, or without one by the NUL
 * byte every ASCII character (digits, separators) carries in it, on the even or the odd bytes.
 */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 16) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls += 1;
    if (sample[index + 1] === 0) oddNuls += 1;
  }
  const pairs = sample.length / 2;
  const guess = oddNuls > pairs * 0.3 && evenNuls === 0 ? "utf-16le" : evenNuls > pairs * 0.3 && oddNuls === 0 ? "utf-16be" : null;
  // Binary files have NUL bytes too: text has no control characters but tab and line ends.
  if (guess === null || /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(new TextDecoder(guess).decode(sample))) return null;
  return guess;
}

/** XLSX is a zip archive; anything else must be text to be a CSV file. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) return "xlsx";
  if (utf16Of(bytes)) return "csv";
  // A NUL byte never occurs in UTF-8 or Windows-1256 text: images, PDFs, old .xls files are refused.
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw new ImportFileError("notSpreadsheet");
  return "csv";
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * UTF-16 by its mark or its NUL bytes; UTF-8 with or without a byte-order mark; a file that is not
 * valid UTF-8 is taken as Windows-1256, the Arabic code page older Excel versions save CSV in.
 * (The WHATWG TextDecoder of Node with full ICU knows all of them, and drops the byte-order mark.)
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1256").decode(bytes), encoding: "windows-1256" };
  }
}

/** Refuses the whole file when one physical line is absurdly long (a wrong or hostile file). */
export function assertLineLengths(text: string): void {
  let lineStart = 0;
  let line = 1;
  while (lineStart <= text.length) {
    const next = text.indexOf("\n", lineStart);
    const lineEnd = next === -1 ? text.length : next;
    if (lineEnd - lineStart > MAX_LINE_CHARACTERS) {
      throw new ImportFileError("lineTooLong", { line, limit: MAX_LINE_CHARACTERS });
    }
    if (next === -1) return;
    lineStart = next + 1;
    line += 1;
  }
}
