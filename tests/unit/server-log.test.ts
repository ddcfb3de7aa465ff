import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { logEachRequest, requestLine, routeConsoleToLog } from "@/scripts/support/server-log.mjs";

const NAME = "عبد الرحيم الرماني";
const SQL = `select "id" from "missing_persons" where "given_name" = $1`;

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { log: pino({ level: "debug" }, destination), lines };
}

/** A failed query as drizzle reports it: SQL and values in the message, the database's code on the cause. */
function failedQuery(): Error {
  const cause = Object.assign(new Error(`relation "missing_persons" does not exist`), { name: "PostgresError", code: "42P01" });
  return Object.assign(new Error(`Failed query: ${SQL}\nparams: ${NAME}`, { cause }), { name: "DrizzleQueryError" });
}

const consoleMethods = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug, trace: console.trace };
afterEach(() => Object.assign(console, consoleMethods));

describe("the production server's log", () => {
  it("turns what Next and libraries write to the console into JSON lines without SQL, values or names", () => {
    const { log, lines } = capture();
    routeConsoleToLog(log);
    console.error(failedQuery());
    console.error(`Error: Failed query: ${SQL}\nparams: ${NAME}`);
    console.warn("⚠ a library warning\nwith a second line");
    expect(lines).toHaveLength(3);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ event: "console", errors: [{ errorName: "DrizzleQueryError", cause: { errorName: "PostgresError", errorCode: "42P01" } }] });
    expect(entries[1]).toMatchObject({ event: "console", withheld: true });
    expect(entries[2]).toMatchObject({ msg: "⚠ a library warning" });
    for (const line of lines) {
      expect(line).not.toContain(NAME);
      expect(line).not.toMatch(/select|missing_persons|given_name/i);
    }
  });

  it("writes one line per request: method, path without its query, status, duration, instance, id", () => {
    const lines: string[] = [];
    const request = { method: "GET", url: `/ar/staff/search?q=${encodeURIComponent(NAME)}`, headers: { cookie: "next-auth.session-token=abc" } as Record<string, string> };
    const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: true, headers: {} as Record<string, string>, setHeader(name: string, value: string) { this.headers[name] = value; } });
    logEachRequest(request, response, "3001", (line: string) => lines.push(line));
    response.emit("close");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ event: "request", method: "GET", path: "/ar/staff/search", status: 200, instance: "3001", requestId: response.headers["X-Request-Id"] });
    expect(typeof entry.durationMs).toBe("number");
    expect(lines[0]).not.toContain("session-token");
    expect(lines[0]).not.toContain("?");
  });

  it("marks a request whose connection closed before its answer was finished", () => {
    const lines: string[] = [];
    const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: false, setHeader() {} });
    logEachRequest({ method: "GET", url: "/ar", headers: {} }, response, "", (line: string) => lines.push(line));
    response.emit("close");
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ event: "request", path: "/ar", aborted: true });
    expect(entry).not.toHaveProperty("instance");
  });

  it("writes each request line byte for byte as pino writes the same fields, whatever the path holds", () => {
    const written: string[] = [];
    const log = pino(
      { level: "info", timestamp: () => ',"time":1796681278818' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          written.push(chunk.toString("utf8"));
          done();
        },
      }),
    );
    const cases = [
      { requestId: "e7c40790-1f7f-4bac-bb3a-2df21b251439", method: "GET", path: "/api/public/summary", status: 200, durationMs: 0.12 },
      { requestId: "id", method: "POST", path: '/ar/"quoted"\\back\\slash', status: 413, durationMs: 12, instance: "3001" },
      { requestId: "id", method: "GET", path: "/ar/\u0001\u001f\u007f\u00e9\u2028", status: 404, durationMs: 1234.5, aborted: true },
      { requestId: "id", method: "GET", path: `/${"ا".repeat(511)}…`, status: 200, durationMs: 0, instance: "3002", aborted: true },
    ];
    for (const fields of cases) {
      const { instance, aborted, ...rest } = fields as typeof fields & { instance?: string; aborted?: boolean };
      log.info({ event: "request", ...rest, ...(instance ? { instance } : {}), ...(aborted ? { aborted } : {}) }, "request");
      expect(requestLine(fields, 1796681278818)).toBe(written.at(-1));
    }
  });
});

describe("the server's request lines, written a few kilobytes at a time", () => {
  /** A process that logs `count` requests through the server's own logger, then ends as told. */
  function logRequestsThen(count: number, end: string): string {
    const script = `
      import { EventEmitter } from "node:events";
      import { logEachRequest } from "./scripts/support/server-log.mjs";
      for (let index = 0; index < ${count}; index += 1) {
        const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: true, setHeader() {} });
        logEachRequest({ method: "GET", url: "/api/public/summary", headers: {} }, response, "3001");
        response.emit("close");
      }
      ${end}`;
    // Its output whatever way it ended (killed, in the second test).
    return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: process.cwd(), encoding: "utf8", timeout: 30_000 }).stdout;
  }

  const requestLines = (output: string) => output.split("\n").filter((line) => line.includes('"event":"request"'));

  it("still writes every line when the process exits at once, and each is one whole JSON line", () => {
    const output = logRequestsThen(3, "process.exit(0);");
    expect(requestLines(output)).toHaveLength(3);
    for (const line of requestLines(output)) expect(JSON.parse(line)).toMatchObject({ event: "request", path: "/api/public/summary", status: 200 });
  });

  it("writes a line that waits alone within a moment, without the process ending", () => {
    // The line is read from the process's output while it still runs (it is killed after 1.5 s).
    const output = logRequestsThen(1, "setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);");
    expect(requestLines(output)).toHaveLength(1);
  });
});
