import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoRefusal, type PhotoSize } from "./photo-limits";

export interface ProcessedPhoto {
  /** The file as it arrived, hashed only: it may carry the camera's GPS position and is never stored. */
  receivedSha256: string;
  originalSha256: string;
  width: number;
  height: number;
  contentType: "image/jpeg";
  files: Record<PhotoSize, Buffer>;
}

export class PhotoRefused extends Error {
  constructor(readonly reason: PhotoRefusal) {
    super(`photo refused: ${reason}`);
    this.name = "PhotoRefused";
  }
}

const DECODABLE_FORMATS = new Set(["jpeg", "png", "webp", "heif", "tiff", "gif", "avif"]);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads only the header: the pixel count is known before anything is decoded. */
async function headerOf(bytes: Buffer): Promise<{ width: number; height: number }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRefused("notImage");
  }
  if (!metadata.format || !DECODABLE_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) throw new PhotoRefused("notImage");
  const frames = metadata.pages ?? 1;
  if (metadata.width * metadata.height * frames > MAX_PHOTO_PIXELS) throw new PhotoRefused("tooManyPixels");
  return { width: metadata.width, height: metadata.height };
}

/**
 * The three files kept of one photograph, each re-encoded by sharp, which writes no EXIF, GPS, XMP
 * or IPTC block unless asked to: the original at full size (turned upright first, since the
 * orientation tag goes with the rest), a web size and a thumbnail. Refuses what is not an image,
 * too large a file, and a picture that would decode to more pixels than any camera takes.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.byteLength === 0) throw new PhotoRefused("missingFile");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new PhotoRefused("tooLarge");
  await headerOf(bytes);
  const upright = () => sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" }).rotate();
  let original: { data: Buffer; info: OutputInfo };
  try {
    original = await upright().jpeg({ quality: 92, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  } catch {
    throw new PhotoRefused("notImage");
  }
  const [web, thumbnail] = await Promise.all([
    upright().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer(),
    upright().resize({ width: 360, height: 360, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer(),
  ]);
  return {
    receivedSha256: sha256Hex(bytes),
    originalSha256: sha256Hex(original.data),
    width: original.info.width,
    height: original.info.height,
    contentType: "image/jpeg",
    files: { original: original.data, web, thumbnail },
  };
}
