import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { createRandom } from "@/lib/demo/random";
import { repositoryRoot } from "../../tests/e2e/support/repository-root";
import type { AppServer } from "../../tests/e2e/support/app-server";
import { staffSessionCookie } from "../../tests/e2e/support/http-sessions";
import { BROWSER_HEADERS, type LoadFigures } from "./public-answers";
import { loadNow, percentile } from "./timing";

/** The demo accounts (lib/demo/users.ts) every bench database has; sessions are spread over them. */
const ACCOUNTS = ["admin", "registrar", "forensic", "forensic2", "viewer"];
const LISTS = ["/ar/staff/families", "/ar/staff/remains", "/ar/staff/reports", "/ar/staff"];

export interface StaffFigures {
  requests: number;
  p50: number;
  p95: number;
  errors: number;
}

export interface UnderLoadFigures {
  staff: StaffFigures;
  anonymous: LoadFigures;
  load: string;
}

export interface Targets {
  persons: string[];
  /** Names as a staff member types them into the search box. */
  names: string[];
}

/**
 * A page to open; a name to search for through the search box (its POST, then the results page it
 * leads to); or a name typed into a form's search-as-you-type box (one POST answered with JSON: the
 * name search itself, as issue 31 times it, with the HTTP server around it and no page to render).
 */
export type StaffStep = { page: string } | { search: string } | { typed: string };

/** What the staff do: lists, person pages and the search box in turn; the search box alone; typed searches alone. */
export type StaffWork = "browse" | "search-page" | "typed-search";

const STAFF_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/**
 * One step as a browser takes it; true when it ended in a 200 page. A search is the search box's
 * form: POST /api/staff/search answers 303 to the results page with the query sealed for this staff
 * member (app/api/staff/search/route.ts), which is then opened. The results page reads only that
 * sealed token: asked for with the name in the address (`?q=`), as this bench did before
 * 2026-12-07, it showed an empty search and searched nothing.
 */
export async function takeStep(baseUrl: string, cookie: string, step: StaffStep): Promise<boolean> {
  if ("typed" in step) {
    const answer = await fetch(new URL("/api/staff/persons/search", baseUrl), {
      method: "POST",
      headers: { cookie, "content-type": "application/json", ...STAFF_HEADERS },
      body: JSON.stringify({ q: step.typed }),
    });
    const body = (await answer.json().catch(() => null)) as { results?: unknown[] } | null;
    return answer.status === 200 && Array.isArray(body?.results);
  }
  let pathname: string;
  if ("search" in step) {
    const sealed = await fetch(new URL("/api/staff/search", baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ q: step.search, locale: "ar" }).toString(),
    });
    await sealed.arrayBuffer();
    const location = sealed.headers.get("location");
    if (sealed.status !== 303 || !location?.includes("?s=")) return false;
    pathname = location;
  } else {
    pathname = step.page;
  }
  const response = await fetch(new URL(pathname, baseUrl), { headers: { cookie, ...STAFF_HEADERS }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Person pages and names to search for, picked from the database like a day's work would. */
export async function readTargets(databaseUrl: string): Promise<Targets> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: string; name: string }[]>`
      select id, given_name || ' ' || family_name as name from missing_persons
      where merged_into_id is null and voided_at is null order by md5(id::text) limit 200`;
    return { persons: rows.map((row) => `/ar/staff/persons/${row.id}`), names: rows.map((row) => row.name) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function signIn(baseUrl: string, sessions: number): Promise<string[]> {
  const server = { url: (pathname: string) => new URL(pathname, baseUrl).toString() } as AppServer;
  const cookies: string[] = [];
  // One after another: each sign-in is an argon2 hash, and a burst of them is not what is measured.
  for (let index = 0; index < sessions; index += 1) cookies.push(await staffSessionCookie(server, ACCOUNTS[index % ACCOUNTS.length] ?? "registrar"));
  return cookies;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Each worker asks for its next page once the last one answered, after reading it for
 * `readingMilliseconds` on average (drawn evenly between half and one and a half times that, from
 * a seeded sequence, so runs compare), or at once when it is 0; until `until`; every answer timed.
 */
async function browse(
  baseUrl: string,
  cookies: string[],
  steps: (worker: number, step: number) => StaffStep,
  until: number,
  readingMilliseconds: number,
): Promise<StaffFigures> {
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    cookies.map(async (cookie, worker) => {
      const random = createRandom(1000 + worker);
      // Staff do not all start in the same instant: the first page comes within one reading time.
      if (readingMilliseconds > 0) await sleep(random.next() * readingMilliseconds);
      for (let step = 0; Date.now() < until; step += 1) {
        const started = performance.now();
        try {
          if (!(await takeStep(baseUrl, cookie, steps(worker, step)))) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - started);
        if (readingMilliseconds > 0) await sleep(readingMilliseconds * (0.5 + random.next()));
      }
    }),
  );
  return { requests: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), errors };
}

/**
 * The anonymous visitors, from an autocannon process of their own: in this process their 100
 * connections would take the event loop from the staff requests being timed.
 */
async function anonymousVisitors(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const headers = Object.entries(BROWSER_HEADERS).flatMap(([name, value]) => ["-H", `${name}=${value}`]);
  const cli = path.join(repositoryRoot, "node_modules", ".bin", "autocannon");
  const { stdout } = await promisify(execFile)(cli, ["-j", "-c", String(connections), "-d", String(seconds), ...headers, url], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number; timeouts: number };
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

/** What a staff worker does at each step. */
export function staffRotation(targets: Targets, work: StaffWork): (worker: number, step: number) => StaffStep {
  const nameAt = (index: number) => targets.names[index % targets.names.length] ?? "";
  const name = (index: number): StaffStep => ({ search: nameAt(index) });
  return (worker, step) => {
    if (work === "search-page") return name(worker * 37 + step);
    if (work === "typed-search") return { typed: nameAt(worker * 37 + step) };
    const pick = (list: string[]) => list[(worker * 7 + step) % list.length] ?? "/ar/staff";
    return [{ page: pick(LISTS) }, { page: pick(targets.persons) }, name(worker * 7 + step)][step % 3] ?? { page: "/ar/staff" };
  };
}

/** Each kind of page once, unmeasured: Next loads a page's code on its first visit. */
export async function warmUp(baseUrl: string, cookie: string, targets: Targets): Promise<void> {
  const steps: StaffStep[] = [...LISTS, targets.persons[0]].flatMap((page) => (page ? [{ page }] : []));
  if (targets.names[0]) steps.push({ search: targets.names[0] }, { typed: targets.names[0] });
  for (const step of steps) await takeStep(baseUrl, cookie, step);
}

/**
 * A server staff use has been in use: its pooled database connections are open. One typed search
 * per session at once (names from the end of the list, which the runs reach last) opens as many.
 */
async function openConnections(baseUrl: string, cookies: string[], targets: Targets): Promise<void> {
  await Promise.all(cookies.map((cookie, worker) => takeStep(baseUrl, cookie, { typed: targets.names[targets.names.length - 1 - worker] ?? "" })));
}

/**
 * Issue 30, points 3 and 4: signed-in staff at work (lists, person pages and name searches in turn,
 * or searches alone) while `anonymous` visitors load /ar as fast as it answers.
 */
export async function measureStaffUnderLoad(
  baseUrl: string,
  databaseUrl: string,
  options: { sessions: number; anonymous: number; seconds: number; work: StaffWork; readingMilliseconds: number },
): Promise<UnderLoadFigures> {
  const [targets, cookies] = await Promise.all([readTargets(databaseUrl), signIn(baseUrl, options.sessions)]);
  const rotation = staffRotation(targets, options.work);
  await warmUp(baseUrl, cookies[0] ?? "", targets);
  await openConnections(baseUrl, cookies, targets);
  // The kept /ar exists before the visitors come (the sign-ins above no longer make it stale since
  // migration 0044, but the server may not have rendered it yet), so what is measured is staff
  // beside kept answers.
  for (let index = 0; index < 3; index += 1) await (await fetch(new URL("/ar", baseUrl), { headers: BROWSER_HEADERS })).arrayBuffer();
  const anonymousRun = anonymousVisitors(`${baseUrl}/ar`, options.anonymous, options.seconds);
  const staff = await browse(baseUrl, cookies, rotation, Date.now() + options.seconds * 1000, options.readingMilliseconds);
  const anonymous = await anonymousRun;
  return { staff, anonymous, load: loadNow() };
}
