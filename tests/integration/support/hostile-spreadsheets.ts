import zlib from "node:zlib";

/**
 * Spreadsheets an attacker (or a broken export) could upload, written part by part so that the
 * test controls what ExcelJS would never write: a cell in column XFD of every row, a shared-string
 * table of hundreds of megabytes in a few hundred kilobytes, sizes in the zip that lie.
 */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="reports" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

interface Part {
  name: string;
  data: Buffer;
  /** What the zip claims the part unzips to; the truth when left out. */
  declaredSize?: number;
  /** The part's real unzipped size, when `data` is already deflated. */
  realSize?: number;
}

function zip(parts: Part[]): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const deflated = part.realSize === undefined ? zlib.deflateRawSync(part.data) : part.data;
    const size = part.declaredSize ?? part.realSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    pieces.push(local, name, deflated);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const inlineCell = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
const COLUMNS = ["A", "B", "C", "D", "E"];

function sheet(rows: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

function headerRow(headers: readonly string[]): string {
  return `<row r="1">${headers.map((header, index) => inlineCell(`${COLUMNS[index]}1`, header)).join("")}</row>`;
}

function workbook(sheetXml: string, sharedStrings?: Omit<Part, "name">): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS) },
    ...(sharedStrings ? [{ name: "xl/sharedStrings.xml", ...sharedStrings }] : []),
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet([sheetXml])) },
  ]);
}

/** A valid header row and `rows` data rows each holding one value, in the last column (XFD). */
export function lastColumnWorkbook(headers: readonly string[], rows: number): Buffer {
  const data = Array.from({ length: rows }, (_, index) => `<row r="${index + 2}">${inlineCell(`XFD${index + 2}`, "x")}</row>`);
  return workbook(headerRow(headers) + data.join(""));
}

/**
 * A shared-string table of one text that unzips to `realMegabytes` while the zip says it unzips to
 * 1 kB, and a sheet that names it. Deflated a megabyte at a time, so the test never holds it whole.
 */
export async function sharedStringBomb(headers: readonly string[], realMegabytes: number): Promise<Buffer> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflater.on("end", resolve));
  const megabyte = Buffer.alloc(1024 * 1024, "a");
  const start = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`);
  const parts = [start, ...Array.from({ length: realMegabytes }, () => megabyte), Buffer.from("</t></si></sst>")];
  for (const part of parts) {
    if (!deflater.write(part)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await ended;
  const realSize = parts.reduce((total, part) => total + part.length, 0);
  return workbook(headerRow(headers) + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, { data: Buffer.concat(chunks), realSize, declaredSize: 1024 });
}

/** `count` shared strings of one letter each: a small table with more entries than allowed. */
export function manySharedStrings(headers: readonly string[], count: number): Buffer {
  const table = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>a</t></si>".repeat(count)}</sst>`;
  return workbook(headerRow(headers) + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, { data: Buffer.from(table) });
}
