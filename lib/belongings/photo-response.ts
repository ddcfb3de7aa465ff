import "server-only";
import type { PhotoSize } from "./photo-limits";

/** A photograph's bytes for a signed-in reader: never cached by anyone else, never sniffed as another type. */
export function photoResponse(bytes: Buffer, size: PhotoSize): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Disposition": size === "original" ? "attachment" : "inline",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
