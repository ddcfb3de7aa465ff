// The public pages (/ar, /en and the family portal's sign-in page), kept by the production server
// (scripts/serve.mjs) as rendered bytes until the registry changes. Each render costs ~15 ms of
// Next.js, so a press day's visitors were limited to ~64 pages a second; a kept page is a copy.
//
// What makes one copy right for every visitor:
// - The page is rendered for nobody: serve.mjs asks its own server for it with no cookie, no
//   client headers, a fixed Host (the public address) and a user agent naming only the kind of
//   client Next distinguishes (browser, or a bot that runs no script: Next puts the metadata in
//   the <head> for those). Whoever asked first, staff or family, the copy is the anonymous page.
// - A family portal request carrying the family's session cookie is never answered from here: it
//   goes to Next as before and gets that family's page. So do requests with a query string (the
//   sign-in form's messages), Next's router requests (RSC payloads), HEAD and everything else.
// - A copy is kept only if it was a 200, set no cookie but the language one (the same for every
//   visitor of that path), and the registry did not change while it was rendered; it is replayed
//   only while the registry's state token is current (lib/public/change-keyed-cache.ts: a
//   database notification or a change of this process makes it stale at once).
// - Its policy names the hash of each inline script instead of a nonce (script-hashes.mjs).
import { promisify } from "node:util";
import zlib from "node:zlib";
import isBot from "next/dist/shared/lib/router/utils/is-bot.js";
import { inlineScriptHashes, policyWithScriptHashes } from "./script-hashes.mjs";

/** `hit` when the answer is a kept copy, `miss` when it was rendered for this request. */
export const PAGE_CACHE_HEADER = "x-tarhuna-page-cache";

export const PUBLIC_PAGES = new Set(["/ar", "/en", "/ar/family", "/en/family"]);
const FAMILY_PORTAL = /^\/[a-z]{2}\/family$/;
/** lib/family-portal/session-token.ts; any cookie whose name contains it sends the request to Next. */
const FAMILY_SESSION_COOKIE = "tarhuna-family";
/** Next's client router asks for RSC payloads with these; they are never the HTML page. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];

/** One user agent per kind of client Next renders differently (is-bot.js); none is a visitor's. */
export const RENDER_AGENTS = {
  browser: "Mozilla/5.0 (tarhuna page cache)",
  dom: "Googlebot (tarhuna page cache)",
  html: "Twitterbot (tarhuna page cache)",
};

const clientKinds = new Map();

/** browser, dom or html (is-bot.js), remembered for the first few user agents: a press day's phones send a handful. */
function clientKind(userAgent) {
  let kind = clientKinds.get(userAgent);
  if (kind === undefined) {
    kind = isBot.getBotType(userAgent) ?? "browser";
    if (clientKinds.size < 256) clientKinds.set(userAgent, kind);
  }
  return kind;
}

/** The kept copy this request may be answered with, or null when it must go to Next. */
export function publicPageRequest(request) {
  if (request.method !== "GET") return null;
  const path = request.url ?? "";
  if (!PUBLIC_PAGES.has(path)) return null;
  if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  if (FAMILY_PORTAL.test(path) && String(request.headers.cookie ?? "").includes(FAMILY_SESSION_COOKIE)) return null;
  const variant = clientKind(String(request.headers["user-agent"] ?? ""));
  return { path, variant, key: `${path}\n${variant}` };
}

const ENCODERS = {
  br: promisify(zlib.brotliCompress),
  gzip: promisify(zlib.gzip),
};
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };

/** br, else gzip, else none, as the request's Accept-Encoding allows (a q of 0 refuses). */
export function chooseEncoding(acceptEncoding) {
  const key = String(acceptEncoding ?? "");
  let chosen = chosenEncodings.get(key);
  if (chosen === undefined) {
    chosen = parseAcceptEncoding(key);
    // Browsers send a handful of spellings; anything beyond is parsed each time rather than kept.
    if (chosenEncodings.size < 64) chosenEncodings.set(key, chosen);
  }
  return chosen;
}

const chosenEncodings = new Map();

function parseAcceptEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    accepted.set(name, quality ? Number(quality.slice(2)) : 1);
  }
  const allows = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (allows("br")) return "br";
  if (allows("gzip")) return "gzip";
  return "identity";
}

/** Headers of the render that describe the connection or the body's transfer, not the page. */
const TRANSFER_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);
/**
 * Headers that belong to one answer, not to the page: each answer that sends the kept copy adds its
 * own (serve.mjs). Kept with the copy, they went out twice ("x-tarhuna-instance: A, A"), since a
 * replay writes its headers as a list, which node does not merge by name.
 */
const PER_ANSWER_HEADERS = new Set(["x-tarhuna-instance", "x-request-id"]);
/** The language cookie next-intl sets on a page of that language: the same for every visitor. */
const LANGUAGE_COOKIE = /^NEXT_LOCALE=[a-z]{2}; Path=\/; SameSite=lax$/i;

function pageHeaders(rendered, html) {
  const headers = {};
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (!TRANSFER_HEADERS.has(name) && !PER_ANSWER_HEADERS.has(name.toLowerCase()) && value !== undefined) headers[name] = value;
  }
  const policy = headers["content-security-policy"];
  if (html && typeof policy === "string") headers["content-security-policy"] = policyWithScriptHashes(policy, inlineScriptHashes(rendered.body.toString("utf8")));
  const vary = String(headers.vary ?? "");
  if (!/\baccept-encoding\b/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  return headers;
}

/**
 * A rendered page, ready to be sent in any encoding (each encoded once, when first asked for).
 * Once an encoding is ready, its whole answer is kept (`replayable`), so a replay is two calls.
 */
function preparePage(rendered, token) {
  const html = /^text\/html\b/i.test(String(rendered.headers["content-type"] ?? ""));
  const headers = pageHeaders(rendered, html);
  const compressible = html && rendered.body.length > 0;
  const encoded = new Map();
  const replayable = new Map();
  const answerFor = (encoding, bytes) => {
    const all = { ...headers, "content-length": String(bytes.length), ...(encoding === "identity" ? {} : { "content-encoding": encoding }), [PAGE_CACHE_HEADER]: "hit" };
    // Name, value, name, value…: what response.writeHead takes without building a header map per answer.
    const flat = Object.entries(all).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((each) => [name, each]) : [name, value]));
    return { status: rendered.status, headers: all, flat, bytes };
  };
  return {
    status: rendered.status,
    headers,
    token,
    body(encoding) {
      const chosen = compressible ? encoding : "identity";
      let body = encoded.get(chosen);
      if (!body) {
        body = chosen === "identity" ? Promise.resolve(rendered.body) : ENCODERS[chosen](rendered.body, chosen === "br" ? BROTLI_OPTIONS : {});
        encoded.set(chosen, body);
        body.then((bytes) => replayable.set(chosen, answerFor(chosen, bytes)), () => encoded.delete(chosen));
      }
      return body.then((bytes) => ({ encoding: chosen, bytes }));
    },
    /** The whole answer in this encoding, if it has been sent once already; else undefined. */
    replayable(encoding) {
      return replayable.get(compressible ? encoding : "identity");
    },
  };
}

function keepable(rendered) {
  const cookies = [rendered.headers["set-cookie"] ?? []].flat();
  return rendered.status === 200 && cookies.every((cookie) => LANGUAGE_COOKIE.test(cookie));
}

export class PublicPageCache {
  /** @type {Map<string, ReturnType<typeof preparePage>>} */
  #kept = new Map();
  /** Renders under way, by key: the visitors who arrive meanwhile wait for the same one. */
  #pending = new Map();
  #render;
  #registryToken;
  #isCurrent;

  /**
   * @param {{
   *   render: (path: string, variant: string) => Promise<{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }>,
   *   registryToken: () => string | null,
   *   isCurrent: (token: string) => boolean,
   * }} options
   */
  constructor({ render, registryToken, isCurrent }) {
    this.#render = render;
    this.#registryToken = registryToken;
    this.#isCurrent = isCurrent;
  }

  /**
   * Sends the kept copy at once when it is current and was sent in the request's encoding before
   * (the press-day case), with `extraHeaders` (name, value, …) added; false when the request must
   * wait for `page`. Nothing may have been set on the response before.
   */
  /** Whether `replay` would answer this request now. */
  canReplay(wanted, request) {
    const kept = this.#kept.get(wanted.key);
    return kept !== undefined && this.#isCurrent(kept.token) && kept.replayable(chooseEncoding(request.headers["accept-encoding"])) !== undefined;
  }

  replay(wanted, request, response, extraHeaders = []) {
    const kept = this.#kept.get(wanted.key);
    if (!kept || !this.#isCurrent(kept.token)) return false;
    const answer = kept.replayable(chooseEncoding(request.headers["accept-encoding"]));
    if (!answer) return false;
    // Headers as one flat list and none set on the response before: node then stores them as given
    // instead of merging them one by one into a map (a third of a replay's CPU when measured).
    response.writeHead(answer.status, extraHeaders.length > 0 ? answer.flat.concat(extraHeaders) : answer.flat);
    response.end(answer.bytes);
    return true;
  }

  /** The page for `request` (see publicPageRequest): the kept copy while current, else a new render. */
  async page({ path, variant, key }) {
    const kept = this.#kept.get(key);
    if (kept && this.#isCurrent(kept.token)) return { page: kept, fromCache: true };
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#renderAndKeep(path, variant, key).finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return { page: await pending, fromCache: false };
  }

  async #renderAndKeep(path, variant, key) {
    const tokenBefore = this.#registryToken();
    const rendered = await this.#render(path, variant);
    const tokenAfter = this.#registryToken();
    const unchanged = tokenBefore !== null && tokenBefore === tokenAfter;
    const page = preparePage(rendered, unchanged ? tokenAfter : null);
    if (unchanged && keepable(rendered)) this.#kept.set(key, page);
    else this.#kept.delete(key);
    return page;
  }
}

/** Writes `page` as the answer, compressed as the request allows. */
export async function sendPage(request, response, page, fromCache) {
  const { encoding, bytes } = await page.body(chooseEncoding(request.headers["accept-encoding"]));
  const headers = { ...page.headers, "content-length": String(bytes.length), [PAGE_CACHE_HEADER]: fromCache ? "hit" : "miss" };
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  response.writeHead(page.status, headers);
  response.end(bytes);
}
