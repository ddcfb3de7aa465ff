import zlib from "node:zlib";
import { ImportFileError } from "./decode";
import { MAX_SHARED_STRINGS, MAX_UNCOMPRESSED_BYTES } from "./limits";
import { sheetLayoutScanner, sheetsOfWorkbook, type SheetLayout, type WorkbookSheet } from "./xlsx-layout";

/**
 * An XLSX file is a zip archive whose few kilobytes may unzip to gigabytes ("zip bomb"), and whose
 * declared sizes may lie. Before ExcelJS sees anything, the parts it will read are unzipped here
 * once, counting the bytes that really come out and stopping at the cap; ExcelJS then gets a new
 * archive of exactly those parts, with the sizes measured here and nothing else in it.
 */

interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  data: Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** A size field of all ones means "see the ZIP64 record": no spreadsheet of 64 MB needs one. */
const ZIP64_SENTINEL = 0xffffffff;
const MAX_ENTRIES = 10_000;
const INFLATE_SLICE = 64 * 1024;

/** The parts ExcelJS's reader uses; the worksheets are found by their name pattern. */
const WORKBOOK_PARTS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SHARED_STRINGS = "xl/sharedStrings.xml";

const unreadable = () => new ImportFileError("unreadableWorkbook");

function endOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw unreadable();
}

/** The archive's entries as its central directory lists them, each with its compressed bytes. */
function centralDirectory(bytes: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  if (count > MAX_ENTRIES) throw unreadable();
  const entries: ZipEntry[] = [];
  let offset = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw unreadable();
    const flags = bytes.readUInt16LE(offset + 8);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const encrypted = (flags & 1) !== 0;
    if (encrypted || compressedSize === ZIP64_SENTINEL || bytes.readUInt32LE(offset + 24) === ZIP64_SENTINEL) throw unreadable();
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw unreadable();
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw unreadable();
    entries.push({
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

function partsToRead(entries: ZipEntry[]): ZipEntry[] {
  const names = new Set<string>();
  for (const entry of entries) {
    // Two entries of one name would let the measured one and the one read differ.
    if (names.has(entry.name)) throw unreadable();
    names.add(entry.name);
  }
  const worksheets = entries.filter((entry) => WORKSHEET.test(entry.name));
  if (worksheets.length === 0) throw unreadable();
  // Workbook, relations, styles and shared strings before the sheets: ExcelJS then reads each sheet
  // as it unzips it, instead of copying it to a temporary file first.
  const parts = WORKBOOK_PARTS.flatMap((name) => entries.filter((entry) => entry.name === name));
  const byNumber = (entry: ZipEntry) => Number(/(\d+)\.xml$/.exec(entry.name)?.[1] ?? 0);
  return [...parts, ...worksheets.sort((first, second) => byNumber(first) - byNumber(second))];
}

/** Counts `<si>` elements across chunk boundaries, without keeping the text. */
function sharedStringCounter() {
  let carried = "";
  let count = 0;
  return {
    add(chunk: Buffer) {
      const text = carried + chunk.toString("latin1");
      count += text.match(/<si[\s>/]/g)?.length ?? 0;
      carried = text.slice(-3);
    },
    get count() {
      return count;
    },
  };
}

/** What is learnt of a part while unzipping it: a worksheet's layout, the small parts' text. */
interface PartReader {
  add(chunk: Buffer): void;
}

/** Unzips one part, counting what comes out; refuses the file once the budget is spent. */
async function measuredSize(entry: ZipEntry, budget: number, reader: PartReader): Promise<number> {
  if (entry.method === STORED) {
    if (entry.data.length > budget) throw new ImportFileError("uncompressedTooLarge", { limit: MAX_UNCOMPRESSED_BYTES / 1024 / 1024 });
    if (entry.name === SHARED_STRINGS) checkSharedStrings([entry.data]);
    reader.add(entry.data);
    return entry.data.length;
  }
  if (entry.method !== DEFLATED) throw unreadable();
  const inflater = zlib.createInflateRaw();
  const strings = sharedStringCounter();
  let size = 0;
  const done = new Promise<void>((resolve, reject) => {
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (entry.name === SHARED_STRINGS) strings.add(chunk);
      reader.add(chunk);
      if (size > budget) inflater.destroy(new ImportFileError("uncompressedTooLarge", { limit: MAX_UNCOMPRESSED_BYTES / 1024 / 1024 }));
      else if (strings.count > MAX_SHARED_STRINGS) inflater.destroy(new ImportFileError("tooManySharedStrings", { limit: MAX_SHARED_STRINGS }));
    });
    inflater.on("end", resolve);
    inflater.on("error", (error) => reject(error instanceof ImportFileError ? error : unreadable()));
  });
  for (let start = 0; start < entry.data.length && !inflater.destroyed; start += INFLATE_SLICE) {
    // Waiting for each slice to drain keeps what is unzipped at any moment small.
    if (!inflater.write(entry.data.subarray(start, start + INFLATE_SLICE))) {
      await new Promise((resolve) => inflater.once("drain", resolve).once("close", resolve));
    }
  }
  if (!inflater.destroyed) inflater.end();
  await done;
  return size;
}

function checkSharedStrings(chunks: Buffer[]): void {
  const strings = sharedStringCounter();
  for (const chunk of chunks) strings.add(chunk);
  if (strings.count > MAX_SHARED_STRINGS) throw new ImportFileError("tooManySharedStrings", { limit: MAX_SHARED_STRINGS });
}

function localHeader(entry: ZipEntry, size: number, name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // names in UTF-8, sizes known here (no data descriptor)
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0x0021, 12); // 1 January 1980: the dates are not read
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return header;
}

function centralHeader(entry: ZipEntry, size: number, name: Buffer, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(0x0021, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(localOffset, 42);
  return header;
}

function archive(parts: { entry: ZipEntry; size: number }[]): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { entry, size } of parts) {
    const name = Buffer.from(entry.name, "utf8");
    central.push(centralHeader(entry, size, name, offset), name);
    const local = [localHeader(entry, size, name), name, entry.data];
    pieces.push(...local);
    offset += local.reduce((total, piece) => total + piece.length, 0);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, directory, end]);
}

/** The small parts that name the sheets are kept as text (a few kilobytes), the rest is not. */
const KEPT_AS_TEXT = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]);

function textKeeper() {
  const chunks: Buffer[] = [];
  return { add: (chunk: Buffer) => void chunks.push(Buffer.from(chunk)), text: () => Buffer.concat(chunks).toString("utf8") };
}

export interface CheckedWorkbook {
  archive: Buffer;
  /** The sheets in the workbook's order, each with what ExcelJS's stream reader does not tell. */
  sheets: (WorkbookSheet & { layout: SheetLayout })[];
}

/**
 * The parts of an XLSX file that ExcelJS will read, re-packed after checking what they really
 * unzip to: at most MAX_UNCOMPRESSED_BYTES together and MAX_SHARED_STRINGS shared strings. On the
 * way, each sheet's hidden rows and columns and merged cells are noted (ExcelJS's stream reader
 * drops them), with the sheets' names and visibility.
 */
export async function checkedWorkbook(bytes: Uint8Array): Promise<CheckedWorkbook> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 22) throw unreadable();
  const parts = partsToRead(centralDirectory(buffer));
  const measured: { entry: ZipEntry; size: number }[] = [];
  const texts = new Map<string, ReturnType<typeof textKeeper>>();
  const layouts = new Map<string, ReturnType<typeof sheetLayoutScanner>>();
  let budget = MAX_UNCOMPRESSED_BYTES;
  for (const entry of parts) {
    const reader = KEPT_AS_TEXT.has(entry.name) ? textKeeper() : WORKSHEET.test(entry.name) ? sheetLayoutScanner() : { add: () => {} };
    if ("text" in reader) texts.set(entry.name, reader);
    if ("layout" in reader) layouts.set(entry.name, reader);
    const size = await measuredSize(entry, budget, reader);
    budget -= size;
    measured.push({ entry, size });
  }
  const named = sheetsOfWorkbook(texts.get("xl/workbook.xml")?.text() ?? "", texts.get("xl/_rels/workbook.xml.rels")?.text() ?? "");
  const sheets = named.flatMap((sheet) => {
    const layout = layouts.get(sheet.path);
    return layout ? [{ ...sheet, layout: layout.layout() }] : [];
  });
  return { archive: archive(measured), sheets };
}
