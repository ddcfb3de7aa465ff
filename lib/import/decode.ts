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

/** XLSX is a zip archive; anything else must be text to be a CSV file. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) return "xlsx";
  // A NUL byte never occurs in UTF-8 or Windows-1256 text: images, PDFs, old .xls files are refused.
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw new ImportFileError("notSpreadsheet");
  return "csv";
}

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1256";
}

/**
 * UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is taken as Windows-1256,
 * the Arabic code page older Excel versions save CSV in.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
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
