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
  names: string[];
}

/** Person pages and names to search for, picked from the database like a day's work would. */
export async function readTargets(databaseUrl: string): Promise<Targets> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: string; name: string }[]>`
      select id, given_name || ' ' || family_name as name from missing_persons
      where merged_into_id is null and voided_at is null order by md5(id::text) limit 200`;
    return { persons: rows.map((row) => `/ar/staff/persons/${row.id}`), names: rows.map((row) => `/ar/staff/search?q=${encodeURIComponent(row.name)}`) };
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
async function browse(baseUrl: string, cookies: string[], pages: (worker: number, step: number) => string, until: number): Promise<StaffFigures> {
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    cookies.map(async (cookie, worker) => {
      for (let step = 0; Date.now() < until; step += 1) {
        const started = performance.now();
        try {
          const response = await fetch(new URL(pages(worker, step), baseUrl), { headers: { cookie, "accept-encoding": "gzip, deflate, br" }, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
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

/** The page a staff worker asks for at each step: lists, person pages and name searches in turn, or searches alone. */
export function staffRotation(targets: Targets, searchesOnly: boolean): (worker: number, step: number) => string {
  return (worker, step) => {
    if (searchesOnly) return targets.names[(worker * 37 + step) % targets.names.length] ?? "/ar/staff/search";
    const pick = (list: string[]) => list[(worker * 7 + step) % list.length] ?? "/ar/staff";
    return [pick(LISTS), pick(targets.persons), pick(targets.names)][step % 3] ?? "/ar/staff";
  };
}

/** Each kind of page once, unmeasured: Next loads a page's code on its first visit. */
export async function warmUp(baseUrl: string, cookie: string, targets: Targets): Promise<void> {
  for (const page of [...LISTS, targets.persons[0], targets.names[0]]) {
    if (page) await (await fetch(new URL(page, baseUrl), { headers: { cookie } })).arrayBuffer();
  }
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
  // The sign-ins above are audited changes: the kept /ar is rendered anew once, before the visitors
  // come, so what is measured is staff beside kept answers (a render queued behind 20 staff pages
  // made every visitor wait for it, up to autocannon's 10 s timeout at load 40).
  for (let index = 0; index < 3; index += 1) await (await fetch(new URL("/ar", baseUrl), { headers: BROWSER_HEADERS })).arrayBuffer();
  const anonymousRun = anonymousVisitors(`${baseUrl}/ar`, options.anonymous, options.seconds);
  const staff = await browse(baseUrl, cookies, rotation, Date.now() + options.seconds * 1000);
  const anonymous = await anonymousRun;
  return { staff, anonymous, load: loadNow() };
}
