/**
 * How deeply a server action's arguments may nest. React decodes them (decodeReply, inside Next.js,
 * before any code of ours runs) by recursion: once per bracket level of a JSON part, and once per
 * part when parts reference one another. In a bare Node process one part 8,000 levels deep, or a
 * chain of 1,000 parts, overflowed the stack, which Next answers with a 500. No form of the app
 * sends more than a few levels; this bound stays far below either figure.
 */
export const MAX_ACTION_NESTING = 256;

const QUOTE = 34;
const BACKSLASH = 92;
const OPENERS = new Set([91, 123]);
const CLOSERS = new Set([93, 125]);

/** The deepest bracket nesting of JSON text; brackets inside strings do not count. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (OPENERS.has(code)) {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (CLOSERS.has(code)) {
      depth -= 1;
    }
  }
  return deepest;
}

/** Whether a POST to a page is one Next.js would decode as a server action (fetch or form). */
export function isServerActionRequest(request: Request): boolean {
  if (request.method !== "POST") return false;
  const type = request.headers.get("content-type") ?? "";
  return request.headers.has("next-action") || type.startsWith("multipart/form-data");
}

/**
 * An upper bound of the recursion depth decoding the request's action arguments takes: a text body
 * is one JSON part; in a multipart body every part may chain to the next, so each adds one level
 * plus its own nesting. A body that cannot be read as its type says counts as too deep.
 */
export async function actionArgumentNesting(request: Request): Promise<number> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return jsonNestingDepth(await request.text());
  const form = await request.formData().catch(() => null);
  if (!form) return Number.POSITIVE_INFINITY;
  let nesting = 0;
  for (const [, value] of form) nesting += 1 + (typeof value === "string" ? jsonNestingDepth(value) : 0);
  return nesting;
}
