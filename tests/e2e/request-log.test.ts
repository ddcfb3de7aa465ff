import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appServerForThisFile } from "./support/fixtures";
import { staffSessionCookie } from "./support/http-sessions";

/**
 * The production server's log, as journald would keep it (issue 29, point 7): JSON lines only, one
 * per request with its method, path, status, duration, instance and id, and nothing of what was
 * asked: no query string, no name searched for, no SQL — not even when a query fails.
 */
const INSTANCE = "3101";
const server = appServerForThisFile({ database: "postgres", keepLog: true, environment: { TARHUNA_INSTANCE: INSTANCE } });

let sql: postgres.Sql;
/** A demo missing person's name parts, as a registrar would type them. */
let givenName = "";
let familyName = "";

beforeAll(async () => {
  sql = postgres(server.current.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  const [person] = await sql<{ given_name: string; family_name: string }[]>`
    select given_name, family_name from missing_persons where voided_at is null and family_name <> '' order by case_number limit 1`;
  if (!person) throw new Error("the demo data has no missing person");
  givenName = person.given_name;
  familyName = person.family_name;
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
});

interface LogEntry {
  event?: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  instance?: string;
}

/** Posts the staff search box as the browser does, and follows to the results page. */
async function searchByForm(cookie: string, query: string): Promise<{ location: string; results: Response }> {
  const posted = await fetch(server.current.url("/api/staff/search"), {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ locale: "ar", q: query }).toString(),
  });
  expect(posted.status).toBe(303);
  const location = posted.headers.get("location") ?? "";
  const results = await fetch(server.current.url(location), { headers: { cookie } });
  return { location, results };
}

describe("the production server's log", () => {
  test("is JSON lines with one request line per request, and no name, query string or SQL even when a query fails", async () => {
    const name = `${givenName} ${familyName}`;
    const cookie = await staffSessionCookie(server.current, "registrar");

    const { location, results } = await searchByForm(cookie, name);
    expect(location).toMatch(/^\/ar\/staff\/search\?s=[A-Za-z0-9_-]+$/);
    expect(results.status).toBe(200);
    expect(await results.text()).toContain(familyName);

    const typed = await fetch(server.current.url("/api/staff/persons/search"), {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ q: name }),
    });
    expect(typed.status).toBe(200);
    // An address someone else built, with a name in its query string: the log keeps its path only.
    await (await fetch(server.current.url(`/ar/staff/families?q=${encodeURIComponent(name)}&token=secret-in-query`), { headers: { cookie } })).text();

    // A failed database query: the search's table is gone for a moment.
    await sql`alter table missing_persons rename to missing_persons_away`;
    let failed: Response;
    let failedPage: string;
    try {
      ({ results: failed } = await searchByForm(cookie, name));
      failedPage = await failed.text();
    } finally {
      await sql`alter table missing_persons_away rename to missing_persons`;
    }
    // The page had begun to stream (200) when the query failed: it shows the error page, not results.
    expect(failedPage).not.toContain(familyName);

    // A request's line is written when its answer ends, and request lines a few kilobytes at a time
    // (each within a moment, in order: server-log.mjs): once the second search page's line (the last
    // request) is there, every line before it is too.
    const lastPath = new URL(server.current.url("/ar/staff/search")).pathname;
    const searchPageLines = () => server.current.logLines().filter((line) => line.includes('"event":"request"') && line.includes(`"path":"${lastPath}"`)).length;
    await expect.poll(searchPageLines).toBeGreaterThanOrEqual(2);
    const lines = server.current.logLines();

    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as LogEntry;
      } catch {
        throw new Error(`a log line is not JSON: ${line.slice(0, 300)}`);
      }
    });
    const requests = entries.filter((entry) => entry.event === "request");
    for (const entry of requests) {
      expect(entry).toMatchObject({ method: expect.any(String), path: expect.stringMatching(/^\//), status: expect.any(Number), durationMs: expect.any(Number), instance: INSTANCE, requestId: expect.any(String) });
      expect(entry.path).not.toContain("?");
    }
    expect(new Set(requests.map((entry) => entry.requestId)).size).toBe(requests.length);
    const seen = requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "POST /api/staff/search 303",
        "GET /ar/staff/search 200",
        "POST /api/staff/persons/search 200",
        "GET /ar/staff/families 200",
        `GET /ar/staff/search ${failed.status}`,
      ]),
    );

    const whole = lines.join("\n");
    for (const forbidden of [givenName, familyName, encodeURIComponent(givenName), "secret-in-query", "session-token"]) {
      expect(whole).not.toContain(forbidden);
    }
    expect(whole).not.toMatch(/\bselect\b.{0,300}\bfrom\b|failed query|params:|does not exist/i);
    // The failure is in the log all the same, by the database's code (42P01: no such table).
    expect(whole).toContain("42P01");
  });
});
