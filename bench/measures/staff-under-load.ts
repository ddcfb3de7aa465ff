import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
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

/** A page to open, or a name to search for (the search box's POST, then the results page it leads to). */
export type StaffStep = { page: string } | { search: string };

const STAFF_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/**
 * One step as a browser takes it; true when it ended in a 200 page. A search is the search box's
 * form: POST /api/staff/search answers 303 to the results page with the query sealed for this staff
 * member (app/api/staff/search/route.ts), which is then opened. The results page reads only that
 * sealed token: asked for with the name in the address (`?q=`), as this bench did before
 * 2026-12-07, it showed an empty search and searched nothing.
 */
export async function takeStep(baseUrl: string, cookie: string, step: StaffStep): Promise<boolean> {
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

/** Each worker asks for its next page as soon as the last one answered, until `until`; every answer timed. */
async function browse(baseUrl: string, cookies: string[], steps: (worker: number, step: number) => StaffStep, until: number): Promise<StaffFigures> {
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    cookies.map(async (cookie, worker) => {
      for (let step = 0; Date.now() < until; step += 1) {
        const started = performance.now();
        try {
          if (!(await takeStep(baseUrl, cookie, steps(worker, step)))) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - started);
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

/** What a staff worker does at each step: lists, person pages and name searches in turn, or searches alone. */
export function staffRotation(targets: Targets, searchesOnly: boolean): (worker: number, step: number) => StaffStep {
  const name = (index: number): StaffStep => ({ search: targets.names[index % targets.names.length] ?? "" });
  return (worker, step) => {
    if (searchesOnly) return name(worker * 37 + step);
    const pick = (list: string[]) => list[(worker * 7 + step) % list.length] ?? "/ar/staff";
    return [{ page: pick(LISTS) }, { page: pick(targets.persons) }, name(worker * 7 + step)][step % 3] ?? { page: "/ar/staff" };
  };
}

/** Each kind of page once, unmeasured: Next loads a page's code on its first visit. */
export async function warmUp(baseUrl: string, cookie: string, targets: Targets): Promise<void> {
  const steps: StaffStep[] = [...LISTS, targets.persons[0]].flatMap((page) => (page ? [{ page }] : []));
  if (targets.names[0]) steps.push({ search: targets.names[0] });
  for (const step of steps) await takeStep(baseUrl, cookie, step);
}

/**
 * Issue 30, points 3 and 4: signed-in staff at work (lists, person pages and name searches in turn,
 * or searches alone) while `anonymous` visitors load /ar as fast as it answers.
 */
export async function measureStaffUnderLoad(
  baseUrl: string,
  databaseUrl: string,
  options: { sessions: number; anonymous: number; seconds: number; searchesOnly: boolean },
): Promise<UnderLoadFigures> {
  const [targets, cookies] = await Promise.all([readTargets(databaseUrl), signIn(baseUrl, options.sessions)]);
  const rotation = staffRotation(targets, options.searchesOnly);
  await warmUp(baseUrl, cookies[0] ?? "", targets);
  // The kept /ar exists before the visitors come (the sign-ins above no longer make it stale since
  // migration 0044, but the server may not have rendered it yet), so what is measured is staff
  // beside kept answers.
  for (let index = 0; index < 3; index += 1) await (await fetch(new URL("/ar", baseUrl), { headers: BROWSER_HEADERS })).arrayBuffer();
  const anonymousRun = anonymousVisitors(`${baseUrl}/ar`, options.anonymous, options.seconds);
  const staff = await browse(baseUrl, cookies, rotation, Date.now() + options.seconds * 1000);
  const anonymous = await anonymousRun;
  return { staff, anonymous, load: loadNow() };
}
