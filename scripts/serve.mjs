// The production server: Next.js's own request handler, with two things in front of it. The public
// aggregates (/api/public/summary and the grave-site GeoJSON) are asked for by every visitor and
// change only when a case does; answering them through Next's router costs ~10× a static file. So
// the first answer Next gives is kept here, byte for byte with its headers, and replayed until the
// registry changes (lib/public/change-keyed-cache.ts says when: a notification from the database
// or a change made by this process). Everything else, and every conditional, HEAD or non-200
// answer, goes to Next unchanged. It also decides the client's address (setClientAddress), listens
// only where it should (HOSTNAME) and refuses bodies larger than their route allows (body-limits.mjs).
// The public pages are kept the same way, rendered for nobody (support/public-page-cache.mjs).
// Plain JavaScript run by node: no build step, no tsx start-up.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import next from "next";
import { bodyRefusal } from "./support/body-limits.mjs";
import { currentBuild, readBuildInfo } from "./support/build-folders.mjs";
import { decideClientAddress, readServerSettings, ServerSettingError, watchForUnnamedProxy } from "./support/client-address.mjs";
import { PAGE_RENDER_HEADER } from "./support/page-render-header.mjs";
import { PUBLIC_PAGES, PublicPageCache, publicPageRequest, RENDER_AGENTS, sendPage } from "./support/public-page-cache.mjs";
import { createReplayTurns } from "./support/replay-turns.mjs";
import { logEachRequest, routeConsoleToLog, serverLog } from "./support/server-log.mjs";

// JSON lines only, from here on: Next's own reports and any library's warning included (server-log.mjs).
routeConsoleToLog();

// Every setting is checked by lib/env.ts: by `npm start` before this file runs, and by the app itself
// during app.prepare() below (lib/server/startup.ts), which stops the process naming the variable.
// This file cannot import that TypeScript module (node runs it without a build step), so it reads
// the few values it needs before Next starts; the proxy settings with the very parser lib/env.ts uses.
const port = Number(process.env.PORT ?? 3000);
// No usage reports to Vercel, however this file was started (see register-server-only.mjs).
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The build to serve (next.config.js's distDir): the one `npm start` checked, or when this file is
// started by itself, the current one. Fixed for this process: a newer build is served after a restart.
process.env.TARHUNA_DIST_DIR ||= currentBuild()?.distDir ?? "";
let settings;
try {
  settings = readServerSettings();
} catch (error) {
  if (!(error instanceof ServerSettingError)) throw error;
  serverLog.fatal({ event: "server.refused" }, error.message);
  process.exit(1);
}

/**
 * Proves to the app (lib/auth/request-metadata.ts) that the address headers were written here, in
 * this process, and not sent by a client: under any other server (`next start`, `next dev`) the
 * app never sees this value. lib/server/startup.ts refuses to serve production without it.
 */
const clientAddressProof = randomBytes(32).toString("base64url");
// On globalThis because nothing else is shared: node loads this file, while the app's modules are
// loaded by Next's bundler runtime, each bundle (instrumentation, every route) a module graph of its
// own; a module both imported would exist once per graph, and its variables with it.
globalThis.__tarhunaClientAddressProof = clientAddressProof;

/**
 * The client's address (client-address.mjs: the connection's peer, or when that peer is a trusted
 * proxy, the first untrusted hop of its X-Forwarded-For), written into the headers the app reads,
 * whatever the client sent — the family portal's per-address limit and the audit trail rely on it.
 */
const noticeUnnamedProxy = watchForUnnamedProxy(settings);

/**
 * Which instance answered, when several run behind a proxy (deploy/Caddyfile; the systemd unit names
 * each instance after its port): an operator reading a failed answer, and the multi-instance test,
 * can tell them apart. It names a port, nothing more.
 */
const instanceName = process.env.TARHUNA_INSTANCE?.trim() ?? "";

function setClientAddress(request) {
  const warning = noticeUnnamedProxy(request.socket.remoteAddress, request.headers);
  if (warning) serverLog.warn({ event: "proxy.unnamed" }, warning);
  const { address, peerTrusted } = decideClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], settings);
  request.headers["x-tarhuna-client-address"] = address;
  request.headers["x-tarhuna-client-proof"] = clientAddressProof;
  request.headers["x-forwarded-for"] = address;
  delete request.headers["x-real-ip"];
  if (!peerTrusted) {
    // No trusted proxy sent this: whatever host or scheme the client claims to have used is its own word.
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers.forwarded;
  }
}

/** 413 or 411 before Next reads anything; the body is drained, not kept, so the client hears the answer. */
function refuseBody(request, response) {
  const refusal = bodyRefusal(request.url, request.headers);
  if (!refusal) return false;
  response.writeHead(refusal.status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
  });
  response.end(JSON.stringify({ error: refusal.error, ...(refusal.limit ? { limitBytes: refusal.limit } : {}) }));
  request.resume();
  return true;
}

const REPLAYABLE = new Map([
  ["/api/public/summary", ["summary"]],
  ["/api/public/sites.geojson", ["graveSites"]],
]);

/**
 * Set by lib/public/front-cache.ts once the app has a database: the registry's state now, or null if
 * unknown. On globalThis for the reason given at __tarhunaClientAddressProof above.
 */
const registryToken = (names) => globalThis.__tarhunaRegistryToken?.(names) ?? null;
const isCurrent = (token) => globalThis.__tarhunaIsRegistryTokenCurrent?.(token) === true;

const MAX_KEPT_ANSWERS = 32;

/** Kept answers by path and encoding (Next compresses larger answers as Accept-Encoding allows). */
const kept = new Map();

/** Encodings a server may choose from; any other token in Accept-Encoding changes nothing. */
const KNOWN_ENCODINGS = new Set(["br", "deflate", "gzip", "identity", "zstd", "*"]);

/**
 * The encodings a request accepts, when plain enough to key on (no quality values); else null. Only
 * known encodings count, so a client cannot fill the kept answers with made-up variants.
 */
function readEncodingKey(accepted) {
  if (accepted.includes(";")) return null;
  const encodings = accepted.split(",").map((encoding) => encoding.trim().toLowerCase());
  return [...new Set(encodings.filter((encoding) => KNOWN_ENCODINGS.has(encoding)))].sort().join(",");
}

/**
 * Browsers send one of a handful of Accept-Encoding values, so each is read once: on a press day
 * the parsing above was a tenth of a kept answer's own cost. Bounded like the kept answers.
 */
const encodingKeys = new Map();
function encodingKey(request) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  let key = encodingKeys.get(accepted);
  if (key === undefined) {
    if (encodingKeys.size >= MAX_KEPT_ANSWERS) encodingKeys.clear();
    key = readEncodingKey(accepted);
    encodingKeys.set(accepted, key);
  }
  return key;
}

/** A kept answer for this request, current and in its encoding; undefined when Next must answer. */
function keptAnswer(request) {
  if (request.method !== "GET" || request.headers["if-none-match"] || !REPLAYABLE.has(request.url ?? "")) return undefined;
  const encodings = encodingKey(request);
  if (encodings === null) return undefined;
  const answer = kept.get(`${request.url}\n${encodings}`);
  return answer && isCurrent(answer.token) ? answer : undefined;
}

/**
 * The press-day path for the public aggregates, as replayPublicPage below is for the pages: a kept
 * answer is sent before the address headers, the body check and Next, logged, with its headers as
 * one list (no header map built per answer) and the request's own id appended.
 */
function replayPublicAnswer(request, response) {
  if (request.headers[PAGE_RENDER_HEADER] !== undefined) return false;
  const answer = keptAnswer(request);
  if (!answer) return false;
  const warning = noticeUnnamedProxy(request.socket.remoteAddress, request.headers);
  if (warning) serverLog.warn({ event: "proxy.unnamed" }, warning);
  // The kept list has a place for this answer's id: node reads the list within writeHead and keeps
  // none of it, so one list serves every copy without a new one made per answer.
  answer.headers[answer.idAt] = logEachRequest(request, response, instanceName, undefined, { setHeader: false });
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
  return true;
}

/** On Next's path: a public aggregate with no current kept answer is kept as Next sends it. */
function keepPublicAnswer(request, response) {
  if (request.method !== "GET" || request.headers["if-none-match"]) return;
  const names = REPLAYABLE.get(request.url ?? "");
  const encodings = encodingKey(request);
  if (names && encodings !== null) response.keepAs(`${request.url}\n${encodings}`, names);
}

/** Headers that belong to one answer, never to its copies: each replay writes its own. */
const PER_ANSWER_HEADERS = new Set(["x-request-id", "x-tarhuna-instance", "transfer-encoding", "content-length"]);

/** A kept answer's headers as name, value, name, value… with its length, which node then need not chunk. */
function flatHeaders(headers, length) {
  const flat = [];
  for (const [name, value] of Object.entries(headers)) {
    if (PER_ANSWER_HEADERS.has(name) || value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) flat.push(name, String(each));
  }
  flat.push("content-length", String(length));
  return flat;
}

/**
 * The response class of this server (http.createServer's `ServerResponse` option, node's supported
 * way to extend responses): a subclass that, once asked to keep an answer, collects the bytes Next
 * writes (compressed, when Next compresses) and keeps them if the registry did not change while the
 * answer was made. Next's handler needs the real response (headers, socket, streaming), so a wrapper
 * of our own cannot stand in for it; a subclass is the response itself.
 */
class KeepingResponse extends http.ServerResponse {
  /** @type {{ key: string, names: string[], tokenBefore: string | null, chunks: Buffer[] } | null} */
  #keeping = null;

  keepAs(key, names) {
    this.#keeping = { key, names, tokenBefore: registryToken(names), chunks: [] };
  }

  write(chunk, ...rest) {
    if (this.#keeping && chunk) this.#keeping.chunks.push(Buffer.from(chunk));
    return super.write(chunk, ...rest);
  }

  end(chunk, ...rest) {
    const keeping = this.#keeping;
    this.#keeping = null;
    if (keeping) {
      if (chunk && typeof chunk !== "function") keeping.chunks.push(Buffer.from(chunk));
      const tokenAfter = registryToken(keeping.names);
      if (this.statusCode === 200 && keeping.tokenBefore !== null && keeping.tokenBefore === tokenAfter) {
        // At most a few variants per path (see encodingKey); a full map starts afresh.
        if (kept.size >= MAX_KEPT_ANSWERS) kept.clear();
        const body = Buffer.concat(keeping.chunks);
        const flat = flatHeaders(this.getHeaders(), body.length);
        const headers = [...flat, "X-Request-Id", "", ...(instanceName ? ["x-tarhuna-instance", instanceName] : [])];
        kept.set(keeping.key, { token: tokenAfter, status: 200, headers, idAt: flat.length + 1, body });
      }
    }
    return super.end(chunk, ...rest);
  }
}

/**
 * Proves that a request for a public page comes from this server's page cache (renderPage below),
 * which alone may ask Next for a page without a nonce: the header is removed from every other request.
 */
const pageRenderSecret = Buffer.from(randomBytes(32).toString("base64url"));

function isOwnRender(request) {
  const sent = request.headers[PAGE_RENDER_HEADER];
  delete request.headers[PAGE_RENDER_HEADER];
  return typeof sent === "string" && sent.length === pageRenderSecret.length && timingSafeEqual(Buffer.from(sent), pageRenderSecret);
}

/**
 * The address the public reaches the registry at (NEXTAUTH_URL, which `npm start` always sets): a
 * kept page is rendered for it, so no visitor's Host header ends up in what every visitor is sent
 * (next-intl names the page's language versions by absolute address in the Link header).
 */
const publicOrigin = new URL(process.env.NEXTAUTH_URL || `http://localhost:${port}`);

/** Marks a render of the page cache as such for proxy.ts, and gives it the public address. */
function markOwnRender(request) {
  request.headers[PAGE_RENDER_HEADER] = "1";
  request.headers.host = publicOrigin.host;
  request.headers["x-forwarded-host"] = publicOrigin.host;
  request.headers["x-forwarded-proto"] = publicOrigin.protocol.replace(/:$/, "");
}

const loopbackAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
let server;

/** Asks this very server for a page as an anonymous client: Next renders it like any page. */
function renderPage(path, variant) {
  const { address, family, port: listening } = server.address();
  const unspecified = address === "0.0.0.0" || address === "::";
  const host = unspecified ? (family === "IPv6" ? "::1" : "127.0.0.1") : address;
  return new Promise((resolve, reject) => {
    const asked = http.request(
      {
        host,
        port: listening,
        path,
        method: "GET",
        agent: loopbackAgent,
        headers: {
          [PAGE_RENDER_HEADER]: pageRenderSecret.toString(),
          accept: "text/html",
          "accept-encoding": "identity",
          "user-agent": RENDER_AGENTS[variant] ?? RENDER_AGENTS.browser,
        },
      },
      (answer) => {
        const chunks = [];
        answer.on("data", (chunk) => chunks.push(chunk));
        answer.on("error", reject);
        answer.on("end", () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
      },
    );
    asked.on("error", reject);
    asked.end();
  });
}

const pages = new PublicPageCache({ render: renderPage, registryToken: () => registryToken([]), isCurrent });

/** Answers a public page from the page cache; if its own render fails to connect, Next answers as before. */
async function servePublicPage(request, response, wanted) {
  let answer;
  try {
    answer = await pages.page(wanted);
  } catch {
    return void handle(request, response);
  }
  await sendPage(request, response, answer.page, answer.fromCache);
}

/**
 * The press-day path, tried first: a visitor's request for a public page whose kept copy is current
 * and ready in its encoding is answered with a copy, logged, and nothing more. Its address headers
 * are not written (no part of the app reads this request) and the headers go out in one list
 * (replay). Everything the cheaper path leaves out costs a staff member's page its turn: they share
 * this one event loop, and each of a staff page's database round trips waits behind the copies sent
 * meanwhile (issue 30, point 3). False when the request takes the ordinary path below.
 */
function replayPublicPage(request, response) {
  if (request.headers[PAGE_RENDER_HEADER] !== undefined) return false;
  const publicPage = publicPageRequest(request);
  if (!publicPage || !pages.canReplay(publicPage, request)) return false;
  // The unnamed-proxy warning counts these requests too: behind a proxy, most of a press day's are these.
  const warning = noticeUnnamedProxy(request.socket.remoteAddress, request.headers);
  if (warning) serverLog.warn({ event: "proxy.unnamed" }, warning);
  const requestId = logEachRequest(request, response, instanceName, undefined, { setHeader: false });
  return pages.replay(publicPage, request, response, instanceName ? ["X-Request-Id", requestId, "x-tarhuna-instance", instanceName] : ["X-Request-Id", requestId]);
}

/** The release this server runs, for its first log line (docs/DEPLOY.md, "Releases and versions"). */
const { version, commit } = readBuildInfo(process.env.TARHUNA_DIST_DIR) ?? {};
const runningVersion = { version, commit };

const app = next({ dev: false, dir: process.cwd(), port, hostname: settings.hostname });
const handle = app.getRequestHandler();
await app.prepare();
/** Kept copies share each turn of the event loop with the requests in flight (support/replay-turns.mjs). */
const turns = createReplayTurns();

/** Whether a kept copy may answer this request: the press-day paths below decide for certain. */
const mayBeKeptCopy = (request) =>
  request.method === "GET" && request.headers[PAGE_RENDER_HEADER] === undefined && (PUBLIC_PAGES.has(request.url ?? "") || REPLAYABLE.has(request.url ?? ""));

function answer(request, response) {
  if (replayPublicPage(request, response) || replayPublicAnswer(request, response)) return;
  response.once("close", turns.otherStarted());
  const ownRender = isOwnRender(request);
  if (instanceName) response.setHeader("x-tarhuna-instance", instanceName);
  // The page cache's own renders are this server asking itself: the visitor's request is logged.
  if (!ownRender) logEachRequest(request, response, instanceName);
  setClientAddress(request);
  if (refuseBody(request, response)) return;
  if (ownRender) {
    markOwnRender(request);
    return void handle(request, response);
  }
  // A kept copy ready to replay was sent above (replayPublicPage); here the copy is rendered, or
  // encoded for the first time in this request's encoding.
  const publicPage = publicPageRequest(request);
  if (publicPage) return void servePublicPage(request, response, publicPage).catch(() => response.destroy());
  keepPublicAnswer(request, response);
  void handle(request, response);
}

server = http
  .createServer({ ServerResponse: KeepingResponse }, (request, response) => {
    if (mayBeKeptCopy(request)) turns.replay(() => answer(request, response));
    else answer(request, response);
  })
  // Without HOSTNAME and without proxies: every interface, as a server reached directly must.
  .listen(port, settings.hostname, () => {
    const where = settings.hostname ?? "every interface";
    const proxies = settings.trustedEntries.length > 0 ? `; X-Forwarded-For believed from ${settings.trustedEntries.join(", ")}` : "";
    serverLog.info(
      { event: "server.ready", port, instance: instanceName || undefined, build: process.env.TARHUNA_DIST_DIR, ...runningVersion },
      `Ready on port ${port} (${where}${proxies})`,
    );
  });
