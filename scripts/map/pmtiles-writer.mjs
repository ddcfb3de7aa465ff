// A PMTiles version 3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
// from a list of tiles: the small, single-directory case this project needs. The `pmtiles`
// package reads archives but does not write them; zxyToTileId is its Hilbert tile numbering.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { zxyToTileId } from "pmtiles";

const HEADER_BYTES = 127;
/** The root directory must fit, with the header, in the first 16 KiB a reader fetches. */
const FIRST_FETCH_BYTES = 16_384;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

function varint(value, bytes) {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

function serialiseDirectory(entries) {
  const bytes = [];
  varint(entries.length, bytes);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId, bytes);
    lastId = entry.tileId;
  }
  for (const entry of entries) varint(entry.runLength, bytes);
  for (const entry of entries) varint(entry.length, bytes);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    const contiguous = previous !== undefined && entry.offset === previous.offset + previous.length;
    varint(contiguous ? 0 : entry.offset + 1, bytes);
  });
  return gzipSync(Buffer.from(bytes), { level: 9 });
}

function header(fields) {
  const view = new DataView(new ArrayBuffer(HEADER_BYTES));
  "PMTiles".split("").forEach((character, index) => view.setUint8(index, character.charCodeAt(0)));
  view.setUint8(7, 3);
  const u64 = [
    fields.rootOffset, fields.rootLength, fields.metadataOffset, fields.metadataLength,
    fields.leavesOffset, 0, fields.tileDataOffset, fields.tileDataLength,
    fields.addressedTiles, fields.tileEntries, fields.tileContents,
  ];
  u64.forEach((value, index) => view.setBigUint64(8 + index * 8, BigInt(value), true));
  view.setUint8(96, 0); // not clustered: identical tiles share one copy wherever it lies
  view.setUint8(97, COMPRESSION_GZIP);
  view.setUint8(98, COMPRESSION_GZIP);
  view.setUint8(99, TILE_TYPE_MVT);
  view.setUint8(100, fields.minZoom);
  view.setUint8(101, fields.maxZoom);
  const [west, south, east, north] = fields.bounds;
  for (const [offset, degrees] of [[102, west], [106, south], [110, east], [114, north]]) view.setInt32(offset, Math.round(degrees * 1e7), true);
  view.setUint8(118, fields.centre.zoom);
  view.setInt32(119, Math.round(fields.centre.longitude * 1e7), true);
  view.setInt32(123, Math.round(fields.centre.latitude * 1e7), true);
  return Buffer.from(view.buffer);
}

/**
 * @param {{ z: number, x: number, y: number, data: Uint8Array }[]} tiles vector tiles, uncompressed
 * @param {{ bounds: number[], centre: { longitude: number, latitude: number, zoom: number }, metadata: object }} options
 * @returns {Buffer} the archive
 */
export function writePmtiles(tiles, options) {
  const sorted = tiles.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.tileId - b.tileId);
  const contents = [];
  const offsetByHash = new Map();
  let tileDataLength = 0;
  const entries = [];
  for (const tile of sorted) {
    const compressed = gzipSync(tile.data, { level: 9 });
    const hash = createHash("sha256").update(compressed).digest("hex");
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = tileDataLength;
      offsetByHash.set(hash, offset);
      contents.push(compressed);
      tileDataLength += compressed.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === offset && last.tileId + last.runLength === tile.tileId) last.runLength += 1;
    else entries.push({ tileId: tile.tileId, offset, length: compressed.length, runLength: 1 });
  }
  const root = serialiseDirectory(entries);
  if (HEADER_BYTES + root.length > FIRST_FETCH_BYTES) throw new Error(`root directory of ${root.length} bytes: too many tiles for one directory`);
  const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata)), { level: 9 });
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const zooms = sorted.map((tile) => tile.z);
  const head = header({
    rootOffset, rootLength: root.length, metadataOffset, metadataLength: metadata.length,
    leavesOffset: tileDataOffset + tileDataLength, tileDataOffset, tileDataLength,
    addressedTiles: sorted.length, tileEntries: entries.length, tileContents: contents.length,
    minZoom: Math.min(...zooms), maxZoom: Math.max(...zooms), bounds: options.bounds, centre: options.centre,
  });
  return Buffer.concat([head, root, metadata, ...contents]);
}
