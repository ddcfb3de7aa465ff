import fs from "node:fs";
import { inflateSync } from "node:zlib";

/**
 * WOFF 1.0 → plain TrueType/OpenType (sfnt). Fontkit reads WOFF, but inflates its tables in
 * JavaScript on every access, which made a dossier take seconds; zlib does it once, natively.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const tableCount = woff.readUInt16BE(12);
  const tables = Array.from({ length: tableCount }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressedLength < length ? inflateSync(stored) : stored,
    };
  });
  const searchPower = 2 ** Math.floor(Math.log2(tableCount));
  const header = Buffer.alloc(12 + tableCount * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tableCount, 4);
  header.writeUInt16BE(searchPower * 16, 6);
  header.writeUInt16BE(Math.log2(searchPower), 8);
  header.writeUInt16BE(tableCount * 16 - searchPower * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

const converted = new Map<string, Buffer>();

/** Each font file is converted once per process; the bytes never change. */
export function loadWoffFont(filePath: string): Buffer {
  let font = converted.get(filePath);
  if (!font) {
    font = woffToSfnt(fs.readFileSync(filePath));
    converted.set(filePath, font);
  }
  return font;
}
