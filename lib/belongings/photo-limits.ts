/**
 * What an effect photograph may be, shared by the upload form (to refuse early) and the server
 * (which decides). Import-free, so the browser may read it.
 */
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;
/** A 50-megapixel camera's picture fits; a small file that would decode to more is a decompression bomb. */
export const MAX_PHOTO_PIXELS = 60_000_000;
export const ACCEPTED_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"] as const;
export const PHOTO_SIZES = ["thumbnail", "web", "original"] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** Why an upload was refused: a key of Belongings.photoRefusals. */
export const PHOTO_REFUSALS = ["notImage", "tooLarge", "tooManyPixels", "missingFile", "unknownEffect", "unknownDevice"] as const;
export type PhotoRefusal = (typeof PHOTO_REFUSALS)[number];
