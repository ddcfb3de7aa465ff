// The production server: Next.js's own request handler, with two things in front of it. The public
// aggregates (/api/public/summary and the grave-site GeoJSON) are asked for by every visitor and
// change only when a case does; answering them through Next's router costs ~10× a static file. So
// the first answer Next gives is kept here, byte for byte with its headers, and replayed until the
// registry changes (lib/public/change-keyed-cache.ts says when: a notification from the database
// or a change made by this process). Everything else, and every conditional, HEAD or non-200
// answer, goes to Next unchanged. It also decides the client's address (setClientAddress), listens
// only where it should (HOSTNAME) and refuses bodies larger than their route allows (body-limits.mjs).
// Plain JavaScript run by node: no build step, no tsx start-up.
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import { bodyRefusal } from "./support/body-limits.mjs";
import { decideClientAddress, readServerSettings, ServerSettingError, watchForUnnamedProxy } from "./support/client-address.mjs";

// Every setting is checked by lib/env.ts: by `npm start` before this file runs, and by the app itself
// during app.prepare() below (lib/server/startup.ts), which stops the process naming the variable.
// This file cannot import that TypeScript module (node runs it without a build step), so it reads
// the few values it needs before Next starts; the proxy settings with the very parser lib/env.ts uses.
const port = Number(process.env.PORT ?? 3000);
// No usage reports to Vercel, however this file was started (see register-server-only.mjs).
process.env.NEXT_TELEMETRY_DISABLED = "1";
let settings;
try {
  settings = readServerSettings();
} catch (error) {
  if (!(error instanceof ServerSettingError)) throw error;
  console.error(error.message);
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

function setClientAddress(request) {
  const warning = noticeUnnamedProxy(request.socket.remoteAddress, request.headers);
  if (warning) console.warn(warning);
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
function encodingKey(request) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  if (accepted.includes(";")) return null;
  const encodings = accepted.split(",").map((encoding) => encoding.trim().toLowerCase());
  return [...new Set(encodings.filter((encoding) => KNOWN_ENCODINGS.has(encoding)))].sort().join(",");
}

function replay(request, response) {
  if (request.method !== "GET" || request.headers["if-none-match"]) return false;
  const names = REPLAYABLE.get(request.url ?? "");
  const encodings = encodingKey(request);
  if (!names || encodings === null) return false;
  const key = `${request.url}\n${encodings}`;
  const answer = kept.get(key);
  if (answer && isCurrent(answer.token)) {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return true;
  }
  response.keepAs(key, names);
  return false;
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
        kept.set(keeping.key, { token: tokenAfter, status: 200, headers: this.getHeaders(), body: Buffer.concat(keeping.chunks) });
      }
    }
    return super.end(chunk, ...rest);
  }
}

const app = next({ dev: false, dir: process.cwd(), port, hostname: settings.hostname });
const handle = app.getRequestHandler();
await app.prepare();
http
  .createServer({ ServerResponse: KeepingResponse }, (request, response) => {
    setClientAddress(request);
    if (refuseBody(request, response)) return;
    if (!replay(request, response)) void handle(request, response);
  })
  // Without HOSTNAME and without proxies: every interface, as a server reached directly must.
  .listen(port, settings.hostname, () => {
    const where = settings.hostname ?? "every interface";
    const proxies = settings.trustedEntries.length > 0 ? `; X-Forwarded-For believed from ${settings.trustedEntries.join(", ")}` : "";
    console.log(`Ready on port ${port} (${where}${proxies})`);
  });
