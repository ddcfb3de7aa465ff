import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { logEachRequest, routeConsoleToLog } from "@/scripts/support/server-log.mjs";

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
    const { log, lines } = capture();
    const request = { method: "GET", url: `/ar/staff/search?q=${encodeURIComponent(NAME)}`, headers: { cookie: "next-auth.session-token=abc" } as Record<string, string> };
    const response = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: true, headers: {} as Record<string, string>, setHeader(name: string, value: string) { this.headers[name] = value; } });
    logEachRequest(request, response, "3001", log);
    response.emit("close");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ event: "request", method: "GET", path: "/ar/staff/search", status: 200, instance: "3001", requestId: response.headers["X-Request-Id"] });
    expect(typeof entry.durationMs).toBe("number");
    expect(lines[0]).not.toContain("session-token");
    expect(lines[0]).not.toContain("?");
  });
});
