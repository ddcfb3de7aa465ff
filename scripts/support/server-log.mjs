// The production server's log: JSON lines on standard output (pino), one per request and one per
// event, read by journald or any log shipper without guessing where an entry ends. Whatever the
// process writes through `console` (Next's own error reports, a library's warning) is turned into
// such a line too, keeping what names the problem (an error's name and code, a message's first
// line) and dropping what may quote a query, its values or a missing person's name (an error's
// message, a multi-line dump). Plain JavaScript for scripts/serve.mjs, which node runs without a build step.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { format } from "node:util";
import pino from "pino";

/** The one logger of the server process (the app's modules have theirs, lib/server/logger.ts, same format). */
export const serverLog = pino({ level: process.env.LOG_LEVEL || "info" });

/**
 * The request lines' own destination: the same standard output, written a few kilobytes at a time
 * instead of a write per line. On a press day a line per kept public answer was a system call per
 * answer: the server's CPU per kept answer fell by about a quarter without it (bench/RESULTS.md,
 * 2026-12-07 11:00). A line waits at most REQUEST_LINES_FLUSH_MS, and what is held is written when
 * the process exits; events and errors go through serverLog, a line at a time as before, so a
 * crash's own report is never held back.
 */
const REQUEST_LINES_FLUSH_MS = 200;
const requestLines = pino.destination({ dest: 1, minLength: 4096, sync: true });
setInterval(() => requestLines.flush(), REQUEST_LINES_FLUSH_MS).unref();
process.on("exit", () => requestLines.flushSync());
const requestLog = pino({ level: process.env.LOG_LEVEL || "info" }, requestLines);

/**
 * What every request line starts with, as pino writes it for an info line of requestLog: level,
 * then the time, then pid and hostname (pino's base), then the line's own fields.
 */
const LINE_LEVEL = `{"level":${pino.levels.values.info},"time":`;
const LINE_BASE = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;

/**
 * One request line, byte for byte what `requestLog.info(fields, "request")` writes (the unit test
 * holds the two side by side), built from its few fields directly. On a press day this line is
 * written for every kept public answer; pino's general path (an object built per line, its keys
 * walked and each value's type asked) took 2.4–3.1 µs a line where this takes 1.4 µs (one process
 * writing 300,000 lines to /dev/null, AMD EPYC, 2026-12-07). Strings go through JSON.stringify, as
 * pino's do whenever they need escaping.
 *
 * @param {{ requestId: string, method: string | undefined, path: string, status: number, durationMs: number, instance?: string, aborted?: boolean }} fields
 * @param {number} [time] milliseconds since the epoch, as pino's default timestamp
 * @returns {string}
 */
export function requestLine({ requestId, method, path, status, durationMs, instance, aborted }, time = Date.now()) {
  return (
    `${LINE_LEVEL}${time}${LINE_BASE},"event":"request","requestId":${JSON.stringify(requestId)},"method":${JSON.stringify(method)}` +
    `,"path":${JSON.stringify(path)},"status":${status},"durationMs":${durationMs}` +
    `${instance ? `,"instance":${JSON.stringify(instance)}` : ""}${aborted ? ',"aborted":true' : ""},"msg":"request"}\n`
  );
}

/**
 * Writes a request line to the batched destination, when LOG_LEVEL lets info lines through.
 * @type {(line: string) => void}
 */
const writeRequestLine = requestLog.isLevelEnabled("info") ? (line) => void requestLines.write(line) : () => {};

/**
 * Words that give a line away as SQL or a failed query's report (drizzle: "Failed query: … params: …").
 * Such a line is withheld whole: its values may be a searched name.
 */
const QUERY_TEXT = /\b(select|insert|update|delete|from|where|values|params|failed query)\b/i;

const LONGEST_MESSAGE = 300;

/** What an error may say in a log: its kind and codes (PostgreSQL's SQLSTATE, Next's digest), never its message. */
export function describeError(error) {
  const described = { errorName: error?.name ?? typeof error };
  for (const key of ["code", "digest", "severity"]) {
    const value = error?.[key];
    if (typeof value === "string" && value.length <= 64) described[key === "code" ? "errorCode" : key] = value;
  }
  // DrizzleQueryError carries the database's own error as its cause: that one has the SQLSTATE.
  if (error?.cause instanceof Error) described.cause = describeError(error.cause);
  return described;
}

/** A console message reduced to one line that quotes no query; null when nothing of it may be kept. */
export function safeMessage(text) {
  const firstLine = String(text).split("\n", 1)[0].trim().slice(0, LONGEST_MESSAGE);
  if (firstLine === "" || QUERY_TEXT.test(firstLine)) return null;
  return firstLine;
}

const CONSOLE_LEVELS = { error: "error", warn: "warn", log: "info", info: "info", debug: "debug", trace: "debug" };

/**
 * Replaces console.error/warn/log/info/debug/trace with JSON lines. Errors among the arguments are
 * described by describeError; the rest is formatted as console would, then cut to its first line
 * and withheld if it looks like SQL.
 */
export function routeConsoleToLog(log = serverLog) {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method] = (...args) => {
      const errors = args.filter((arg) => arg instanceof Error).map(describeError);
      const text = format(...args.filter((arg) => !(arg instanceof Error)));
      const message = safeMessage(text);
      const fields = { event: "console", ...(errors.length > 0 ? { errors } : {}) };
      if (message === null && text.trim() !== "") fields.withheld = true;
      log[level](fields, message ?? (errors.length > 0 ? "error reported" : "message withheld"));
    };
  }
}

/** The request's path without its query string: a query may hold a name, a token, a search. */
export function pathOnly(url) {
  const path = String(url ?? "").split("?", 1)[0].split("#", 1)[0];
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

/**
 * Gives the request an id (X-Request-Id on the answer, and to the app; a client's own is replaced,
 * so an id in the log is always this server's) and writes one line when the answer is finished or
 * the connection closed: method, path without query, status, duration, instance, id. Never headers,
 * cookies, the query or the body.
 *
 * @param {(line: string) => void} [write] where the line goes (the batched standard output; a test's own)
 */
export function logEachRequest(request, response, instance, write = writeRequestLine, { setHeader = true } = {}) {
  const requestId = randomUUID();
  const started = process.hrtime.bigint();
  request.headers["x-request-id"] = requestId;
  // A caller that writes the answer's headers in one go (a kept public page) sends the id itself.
  if (setHeader) response.setHeader("X-Request-Id", requestId);
  // `on`, not `once`: 'close' comes once per response, and once's wrapper was one more object per answer.
  response.on("close", () => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    write(
      requestLine({
        requestId,
        method: request.method,
        path: pathOnly(request.url),
        status: response.statusCode,
        durationMs,
        instance,
        aborted: !response.writableFinished,
      }),
    );
  });
  return requestId;
}
