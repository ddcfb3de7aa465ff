import { randomBytes } from "node:crypto";
import type { Request as BrowserRequest } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test, type TestContext } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { startAppInstance, type AppInstance } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { caddyBinary, startCaddy, type RunningCaddy } from "./support/caddy";
import { childEnvironment } from "./support/child-environment";
import { findFreePorts } from "./support/free-port";
import type { HttpsAnswer, HttpsClient } from "./support/https-client";
import { killProcessGroupNow } from "./support/process-group";
import { repositoryRoot } from "./support/repository-root";
import { runCommand } from "./support/run-command";
import { copySeededPostgresDatabase } from "./support/seeded-data";
import { testPostgresAnswers, type ThrowawayDatabase } from "./support/throwaway-postgres";

// deploy/Caddyfile as a deployment runs it: Caddy terminating TLS with its internal certificate
// authority, in front of two `npm start` instances (A and B) on one PostgreSQL database. Every
// request of this file goes through HTTPS; which instance answered is read from x-tarhuna-instance.

/**
 * After an instance dies, how long until no public request fails: the proxy's active health check
 * runs every second with a 2 s timeout (deploy/Caddyfile), and a request whose connection is
 * refused is retried on the other instance at once (lb_try_duration).
 */
const HEALTH_CHECK_WINDOW_MILLISECONDS = 3_000;

const caddyMissing = caddyBinary() === null;
const postgresMissing = !(await testPostgresAnswers());
if (caddyMissing) console.warn("reverse-proxy: skipped, caddy is not installed (apt-get install -y caddy; .ci/run installs it)");
if (postgresMissing) console.warn("reverse-proxy: skipped, PostgreSQL does not answer at TEST_POSTGRES_URL");

let database: ThrowawayDatabase | undefined;
let instances: Record<"A" | "B", AppInstance> | undefined;
let proxy: RunningCaddy | undefined;

function https(): HttpsClient {
  if (!proxy) throw new Error("the proxy is not running: beforeAll failed, see above");
  return proxy.client;
}

function databaseUrl(): string {
  if (!database) throw new Error("no database: beforeAll failed, see above");
  return database.url;
}

const otherThan = (instance: string) => (instance === "A" ? "B" : "A");

async function startEverything(): Promise<void> {
  database = await copySeededPostgresDatabase();
  const [portA, portB, httpsPort, httpPort] = (await findFreePorts(4)) as [number, number, number, number];
  const shared = {
    DATABASE_URL: database.url,
    // One secret for both: a session signed by one instance is read by the other.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `https://127.0.0.1:${httpsPort}`,
    // Only Caddy's address is believed when it names the client (docs/DEPLOY.md).
    TRUSTED_PROXIES: "127.0.0.1",
    MAP_TILE_URL: "none",
  };
  const [a, b] = await Promise.all([
    startAppInstance(portA, { ...shared, TARHUNA_INSTANCE: "A" }),
    startAppInstance(portB, { ...shared, TARHUNA_INSTANCE: "B" }),
  ]);
  instances = { A: a, B: b };
  // Each instance answers for itself before the proxy is put in front of them.
  for (const [name, instance] of Object.entries(instances)) {
    const answer = await fetch(`${instance.baseUrl}/api/health`);
    if (answer.headers.get("x-tarhuna-instance") !== name) {
      throw new Error(`${instance.baseUrl} answered as "${answer.headers.get("x-tarhuna-instance")}", not as instance ${name}`);
    }
  }
  proxy = await startCaddy({ httpsPort, httpPort, upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`] });
}

/** "name=value; …" from the pairs, later pairs of one name replacing earlier ones. */
function cookieHeader(...lists: string[][]): string {
  const byName = new Map<string, string>();
  for (const pair of lists.flat()) byName.set(pair.slice(0, pair.indexOf("=")), pair);
  return [...byName.values()].join("; ");
}

async function csrf(cookies: string[] = []): Promise<{ csrfToken: string; cookies: string[]; instance: string }> {
  const answer = await https().request("/api/auth/csrf", { headers: { cookie: cookieHeader(cookies) } });
  const { csrfToken } = JSON.parse(answer.body) as { csrfToken: string };
  return { csrfToken, cookies: [...cookies, ...answer.cookies], instance: answer.instance };
}

/**
 * A staff sign-in through the proxy as the sign-in form sends it; `headers` as an attacker may add.
 * One CSRF token may serve several tries, as a browser's does: each try is then one request, and
 * successive tries land on alternate instances.
 */
async function staffSignIn(username: string, password: string, headers: Record<string, string> = {}, token?: Awaited<ReturnType<typeof csrf>>) {
  const { csrfToken, cookies } = token ?? (await csrf());
  const answer = await https().request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/ar/staff" }).toString(),
  });
  const session = answer.cookies.find((cookie) => /session-token=/.test(cookie));
  return { answer, cookies: session ? [...cookies, session] : null };
}

async function familySignIn(code: string, headers: Record<string, string> = {}): Promise<HttpsAnswer> {
  return https().request("/ar/family/sign-in", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ reference: DEMO_FAMILY_ACCESS[0].reference, code }).toString(),
  });
}

/** What a staff page of `instance` answers this browser: 200 signed in, a redirect to /ar/login when not. */
async function staffPageOn(instance: string, cookies: string[]): Promise<{ status: number; location: string }> {
  const answer = await https().requestOn(instance, "/ar/staff/families", { headers: { cookie: cookieHeader(cookies) } });
  return { status: answer.status, location: String(answer.headers.location ?? "") };
}

/** A spoofed client address per request: the proxy must drop it, so it buys the attacker nothing. */
const spoofed = (index: number) => ({ "x-forwarded-for": `203.0.113.${index + 1}`, "x-real-ip": `198.51.100.${index + 1}` });

describe.skipIf(caddyMissing || postgresMissing)("Caddy with TLS in front of two app instances on one PostgreSQL database (deploy/Caddyfile)", () => {
  beforeAll(async () => {
    const started = Date.now();
    await startEverything();
    console.log(`reverse-proxy: two instances and Caddy answering over HTTPS after ${Math.round((Date.now() - started) / 1000)} s`);
  }, 300_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([instances?.A.stop(), instances?.B.stop()]);
    await database?.drop();
  });

  test("answers over HTTPS with Caddy's certificate, shares the requests between both instances, and takes a large body only on the import route", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => https().request("/api/health")));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((answer) => answer.instance))).toEqual(new Set(["A", "B"]));
    expect(answers[0]?.headers["strict-transport-security"]).toBe("max-age=31536000");

    const twoMegabytes = Buffer.alloc(2 * 1024 * 1024, 120);
    // Refused by the proxy itself, every time, and no instance is taken out of service by it.
    for (let index = 0; index < 4; index += 1) {
      const ordinary = await https().request("/ar/login", { method: "POST", headers: { "content-type": "text/plain" }, body: twoMegabytes });
      expect(ordinary.status).toBe(413);
      expect(JSON.parse(ordinary.body)).toEqual({ error: "tooLarge", limitBytes: 1024 * 1024 });
    }
    const afterwards = await Promise.all(Array.from({ length: 6 }, () => https().request("/api/health")));
    expect(afterwards.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(new Set(afterwards.map((answer) => answer.instance))).toEqual(new Set(["A", "B"]));
    const toImport = await https().request("/api/staff/import", { method: "POST", headers: { "content-type": "text/plain" }, body: twoMegabytes });
    // Past the size limit; refused only for want of a session.
    expect([401, 403]).toContain(toImport.status);
  });

  test("a session started on one instance is valid on the other, and signing out ends it on both", async () => {
    const signedIn = await staffSignIn("registrar", "demo-password");
    expect(signedIn.cookies, `sign-in answered HTTP ${signedIn.answer.status}`).not.toBeNull();
    const cookies = signedIn.cookies ?? [];
    const signedInOn = signedIn.answer.instance;
    expect(["A", "B"]).toContain(signedInOn);
    expect((await staffPageOn(otherThan(signedInOn), cookies)).status).toBe(200);
    expect((await staffPageOn(signedInOn, cookies)).status).toBe(200);

    const { csrfToken, cookies: withCsrf } = await csrf(cookies);
    const signOut = await https().request("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(withCsrf) },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/ar/login" }).toString(),
    });
    expect(signOut.status).toBe(302);
    // The cookie as it was before signing out, replayed to each instance: the session has ended on both.
    for (const instance of ["A", "B"]) {
      const replay = await staffPageOn(instance, cookies);
      expect(replay.status, `instance ${instance}`).toBe(307);
      expect(new URL(replay.location, https().origin).pathname, `instance ${instance}`).toBe("/ar/login");
    }
  });

  test("one attacker spreading guesses over both instances, with forged address headers, gets no more tries: the staff lockout and the family portal's limit hold", async () => {
    // Five wrong passwords for one account from one address lock it for that address (USERNAME_ADDRESS_RULE).
    const guesses = [];
    const token = await csrf();
    for (let index = 0; index < 5; index += 1) guesses.push(await staffSignIn("forensic2", `wrong-password-${index}`, spoofed(index), token));
    expect(guesses.every((guess) => guess.cookies === null)).toBe(true);
    expect(new Set(guesses.map((guess) => guess.answer.instance))).toEqual(new Set(["A", "B"]));
    // The right password now, on either instance, is refused: the lock is in the shared database.
    for (let index = 5; index < 7; index += 1) {
      const withRightPassword = await staffSignIn("forensic2", "demo-password", spoofed(index), token);
      expect(withRightPassword.cookies, `on instance ${withRightPassword.answer.instance}`).toBeNull();
    }

    // The family portal: five wrong codes for one reference from one address, then its right code is refused too.
    const wrongCodes = [];
    for (let index = 0; index < 5; index += 1) wrongCodes.push(await familySignIn(`AAAA-BBBB-CC${String(index).padStart(2, "0")}`, spoofed(index)));
    expect(wrongCodes.some((answer) => answer.cookies.some((cookie) => cookie.startsWith("tarhuna-family=")))).toBe(false);
    expect(new Set(wrongCodes.map((answer) => answer.instance))).toEqual(new Set(["A", "B"]));
    for (let index = 5; index < 7; index += 1) {
      const withRightCode = await familySignIn(DEMO_FAMILY_ACCESS[0].code, spoofed(index));
      expect(withRightCode.cookies.some((cookie) => cookie.startsWith("tarhuna-family=")), `on instance ${withRightCode.instance}`).toBe(false);
    }
  });

  test("100 concurrent saves of one grave site, split across both instances: 1 saved, 99 conflicts, the audit chain intact; the change shows in the other instance's public answers within 1 s", async (context) => {
    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    const [site] = await sql<{ id: string; version: number; nameEn: string }[]>`
      select id, version, name_en as "nameEn" from grave_sites where is_public and voided_at is null order by code limit 1`;
    if (!site) throw new Error("the demo data has no public grave site");
    const auditBefore = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where entity_id = ${site.id}`;

    // Both instances hold the public sites (cached) before the change.
    for (const instance of ["A", "B"]) expect((await https().requestOn(instance, "/api/public/sites.geojson")).body).toContain(site.nameEn);

    const save = await captureSiteSave(context, site.id, `${site.nameEn} (${Date.now() % 100_000})`);
    const answers = await Promise.all(Array.from({ length: 100 }, () => https().request(save.url, { method: "POST", headers: save.headers, body: save.body })));
    const conflicts = answers.filter((answer) => /"error":"conflict"/.test(answer.body));
    const saved = answers.filter((answer) => !/"error":"conflict"/.test(answer.body));
    const savedAt = Date.now();
    expect(answers.map((answer) => answer.status).filter((status) => status >= 400)).toEqual([]);
    const sample = [...new Set(answers.map((answer) => `HTTP ${answer.status} ${answer.body.slice(0, 300)}`))].slice(0, 3).join("\n");
    expect(saved, sample).toHaveLength(1);
    expect(conflicts).toHaveLength(99);
    expect(new Set(answers.map((answer) => answer.instance))).toEqual(new Set(["A", "B"]));

    const [after] = await sql<{ version: number; nameEn: string }[]>`select version, name_en as "nameEn" from grave_sites where id = ${site.id}`;
    expect(after).toEqual({ version: site.version + 1, nameEn: save.newName });
    const auditAfter = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where entity_id = ${site.id}`;
    expect((auditAfter[0]?.n ?? 0) - (auditBefore[0]?.n ?? 0)).toBe(1);
    await sql.end();

    // The instance that did not save shows the new name in its public answer within a second.
    const other = otherThan(saved[0]?.instance ?? "");
    let seenAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - savedAt < 5_000) {
      const answer = await https().requestOn(other, "/api/public/sites.geojson");
      if (answer.body.includes(save.newName)) {
        seenAfter = Date.now() - savedAt;
        break;
      }
    }
    console.log(`reverse-proxy: instance ${other} showed the save made through instance ${saved[0]?.instance} after ${seenAfter} ms`);
    expect(seenAfter).toBeLessThan(1_000);

    const verified = await runCommand("npm", ["run", "audit:verify"], {
      cwd: repositoryRoot,
      env: childEnvironment({ DATABASE_URL: databaseUrl(), NODE_ENV: "production" }),
      timeoutMilliseconds: 120_000,
    });
    expect(verified).toMatch(/intact/i);
  });

  test(`killing instance A mid-traffic: the proxy sends everything to B, and no public request fails once the health check's window (${HEALTH_CHECK_WINDOW_MILLISECONDS / 1000} s) has passed`, async () => {
    const outcomes: { startedAt: number; ok: boolean; instance: string; what: string }[] = [];
    let running = true;
    const paths = ["/api/public/summary", "/api/public/sites.geojson", "/ar", "/en"];
    const worker = async (index: number) => {
      for (let round = 0; running; round += 1) {
        const startedAt = Date.now();
        const path = paths[(index + round) % paths.length] ?? "/ar";
        try {
          const answer = await https().request(path, {}, 10_000);
          outcomes.push({ startedAt, ok: answer.status === 200, instance: answer.instance, what: `${path}: HTTP ${answer.status}` });
        } catch (error) {
          outcomes.push({ startedAt, ok: false, instance: "", what: `${path}: ${(error as Error).message}` });
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, index) => worker(index));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const killedAt = Date.now();
    if (!instances) throw new Error("no instances");
    killProcessGroupNow(instances.A.server);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_CHECK_WINDOW_MILLISECONDS + 5_000));
    running = false;
    await Promise.all(workers);

    const before = outcomes.filter((outcome) => outcome.startedAt < killedAt);
    const during = outcomes.filter((outcome) => outcome.startedAt >= killedAt && outcome.startedAt < killedAt + HEALTH_CHECK_WINDOW_MILLISECONDS);
    const after = outcomes.filter((outcome) => outcome.startedAt >= killedAt + HEALTH_CHECK_WINDOW_MILLISECONDS);
    console.log(
      `reverse-proxy: ${before.length} requests before the kill, ${during.length} in the window (${during.filter((o) => !o.ok).length} failed), ` +
        `${after.length} after it (${after.filter((o) => !o.ok).length} failed)`,
    );
    expect(new Set(before.map((outcome) => outcome.instance))).toEqual(new Set(["A", "B"]));
    expect(after.length).toBeGreaterThan(50);
    expect(after.filter((outcome) => !outcome.ok).map((outcome) => outcome.what)).toEqual([]);
    expect(new Set(after.map((outcome) => outcome.instance))).toEqual(new Set(["B"]));
  });
});

/**
 * The save a browser sends from the grave site's edit form, through the proxy, held back before it
 * leaves: the same request, with the version the form was opened at, is then sent 100 times at once.
 */
async function captureSiteSave(context: TestContext, siteId: string, newName: string) {
  const browser = await launchBrowser();
  context.onTestFinished(() => browser.close());
  const browserContext = await browser.newContext({ ignoreHTTPSErrors: true });
  browserContext.setDefaultTimeout(30_000);
  const page = await browserContext.newPage();
  const origin = https().origin;
  await page.goto(`${origin}/ar/login`);
  await page.locator("#username").fill("admin");
  await page.locator("#password").fill("demo-password");
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
  await page.goto(`${origin}/ar/staff/sites/${siteId}/edit`);
  await expect.poll(() => page.locator("#nameEn").inputValue()).not.toBe("");

  let captured: BrowserRequest | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] !== undefined) {
      captured = request;
      await route.abort();
    } else await route.continue();
  });
  await page.locator("#nameEn").fill(newName);
  await page.getByTestId("grave-site-form").locator('button[type="submit"]').click();
  await expect.poll(() => captured !== undefined).toBe(true);
  const request = captured as unknown as BrowserRequest;
  const cookies = (await browserContext.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  // HTTP/2's pseudo-headers and the length are the client's to write, not the replay's.
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(":") && !["content-length", "host"].includes(name)),
  );
  Object.assign(headers, { cookie: cookies, origin });
  return { url: new URL(request.url()).pathname + new URL(request.url()).search, headers, body: request.postData() ?? "", newName };
}
