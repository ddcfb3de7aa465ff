import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { familySessionCookie, staffSessionCookie } from "./support/http-sessions";
import { DESKTOP, openAppPage, PHONE } from "./support/open-page";
import { insertRemains } from "./support/personal-data";
import { countSitesOnMap } from "./support/public-map";
import { digitsOf } from "./support/public-page";

// The public pages are kept by the production server (scripts/support/public-page-cache.mjs) until
// the registry changes; the header says whether an answer was the kept copy.
const server = appServerForThisFile({ database: "postgres", environment: { MAP_TILE_URL: "none" } });
const browser = browserForThisFile();

const CACHE_HEADER = "x-tarhuna-page-cache";

function databaseUrl(): string {
  const url = server.current.databaseUrl;
  if (!url) throw new Error("the server was expected to run on PostgreSQL");
  return url;
}

interface Answer {
  status: number;
  cache: string | null;
  policy: string;
  setCookies: string[];
  html: string;
}

async function get(pathname: string, cookie?: string): Promise<Answer> {
  const response = await fetch(server.current.url(pathname), { redirect: "manual", headers: cookie ? { cookie } : {} });
  return {
    status: response.status,
    cache: response.headers.get(CACHE_HEADER),
    policy: response.headers.get("content-security-policy") ?? "",
    setCookies: response.headers.getSetCookie(),
    html: await response.text(),
  };
}

/** The page as the kept copy, asking until the server has one (the first answers may be renders). */
async function keptCopy(pathname: string): Promise<Answer> {
  let answer = await get(pathname);
  await expect.poll(async () => (answer = await get(pathname)).cache, { timeout: 10_000 }).toBe("hit");
  return answer;
}

function bodiesRecoveredIn(html: string): number {
  const value = /data-testid="figure-bodiesRecovered"[\s\S]*?data-testid="figure-value"[^>]*>([^<]*)</.exec(html)?.[1];
  if (value === undefined) throw new Error("the page shows no bodies-recovered figure");
  return Number(digitsOf(value));
}

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

/** Opens a page in the browser and collects every report of a refused script or style. */
async function openWatchingPolicy(context: TestContext, pathname: string): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = [];
  const page = await openAppPage(context, browser.current, server.current, pathname, PHONE, async (page) => {
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  });
  return { page, violations };
}

let bodyNumber = 950;
const recordBody = () => insertRemains(databaseUrl(), "TRH-GS-01", `TRH-GS-01-B${(bodyNumber += 1)}`);

describe("the public pages kept by the production server", () => {
  test("are answered from the kept copy, and show a change within a second", async () => {
    const kept = await keptCopy("/en");
    const before = bodiesRecoveredIn(kept.html);
    expect((await get("/en")).html).toBe(kept.html);

    await recordBody();
    const recorded = Date.now();
    let shown = before;
    while (shown === before && Date.now() - recorded < 5_000) {
      shown = bodiesRecoveredIn((await get("/en")).html);
    }
    const elapsed = Date.now() - recorded;
    expect(shown).toBe(before + 1);
    expect(elapsed, "milliseconds from the commit to the page showing it").toBeLessThanOrEqual(1_000);
    // And the new state is kept in its turn.
    expect(bodiesRecoveredIn((await keptCopy("/en")).html)).toBe(before + 1);
  });

  test("stay kept through a staff sign-in, and still show a published change within a second", async () => {
    const kept = await keptCopy("/ar");
    // A sign-in writes an audit entry (auth.signIn), but no published figure changes: every answer
    // meanwhile is that same copy, none a render (a render is answered "miss" to whoever asked for it).
    await staffSessionCookie(server.current, "registrar");
    const signedIn = Date.now();
    const answers: Answer[] = [];
    while (Date.now() - signedIn < 1_500) answers.push(await get("/ar"));
    expect(answers.map((answer) => answer.cache).filter((cache) => cache !== "hit"), "answers after the sign-in that were not the kept copy").toEqual([]);
    expect(answers.every((answer) => answer.html === kept.html)).toBe(true);

    const before = bodiesRecoveredIn(kept.html);
    await recordBody();
    const recorded = Date.now();
    let shown = before;
    while (shown === before && Date.now() - recorded < 5_000) shown = bodiesRecoveredIn((await get("/ar")).html);
    expect(shown).toBe(before + 1);
    expect(Date.now() - recorded, "milliseconds from the commit to the page showing it").toBeLessThanOrEqual(1_000);
  });

  test("carry script hashes instead of a nonce, and their scripts run: the map loads, nothing is refused", async (context) => {
    for (const pathname of ["/ar", "/en", "/ar/family"]) {
      const kept = await keptCopy(pathname);
      expect(kept.policy, pathname).not.toContain("'nonce-");
      expect(kept.policy, pathname).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
      expect(kept.html, pathname).not.toMatch(/\bnonce="/);
    }
    const { page, violations } = await openWatchingPolicy(context, "/ar");
    expect(await countSitesOnMap(page)).toBeGreaterThan(0);
    expect(violations).toEqual([]);

    const portal = await openWatchingPolicy(context, "/ar/family");
    await portal.page.getByTestId("family-sign-in-form").waitFor({ state: "visible" });
    // The page's own scripts have run: Next's router answers a client-side navigation.
    await portal.page.waitForFunction(() => "__next_f" in window);
    expect(portal.violations).toEqual([]);
  });

  test("staff pages still get a fresh nonce on every request", async () => {
    const cookie = await staffSessionCookie(server.current, "registrar");
    const first = await get("/ar/staff/families", cookie);
    const second = await get("/ar/staff/families", cookie);
    expect(first.status).toBe(200);
    expect(first.cache).toBeNull();
    const [nonce, nextNonce] = [nonceOf(first.policy), nonceOf(second.policy)];
    expect(nonce).toBeDefined();
    expect(nextNonce).not.toBe(nonce);
    expect(first.html).toContain(`nonce="${nonce}"`);
  });

  test("a signed-in staff member's visit and an anonymous one get the same anonymous page, whichever comes first", async () => {
    const cookie = await staffSessionCookie(server.current, "registrar");
    // The signed-in account's display name (lib/demo/users.ts) and anything of next-auth's.
    const staffOnlyText = [/نوال/, /next-auth/];
    for (const order of [["staff", "anonymous"], ["anonymous", "staff"]] as const) {
      const counted = (await (await fetch(server.current.url("/api/public/summary"))).json()) as { bodiesRecovered: number };
      await recordBody();
      // Until the app has heard of the change (the summary replay follows the same state), without asking for the page.
      await expect
        .poll(async () => ((await (await fetch(server.current.url("/api/public/summary"))).json()) as { bodiesRecovered: number }).bodiesRecovered, { timeout: 5_000 })
        .toBe(counted.bodiesRecovered + 1);
      const answers: Partial<Record<"staff" | "anonymous", Answer>> = {};
      for (const who of order) answers[who] = await get("/ar", who === "staff" ? cookie : undefined);
      const [first, second] = order.map((who) => answers[who]) as [Answer, Answer];
      const what = order.join(" then ");
      expect([first.cache, second.cache], what).toEqual(["miss", "hit"]);
      expect(second.html, what).toBe(first.html);
      expect(bodiesRecoveredIn(first.html), what).toBe(counted.bodiesRecovered + 1);
      for (const who of order) {
        const answer = answers[who] as Answer;
        for (const text of staffOnlyText) expect(answer.html, who).not.toMatch(text);
        // Rendered for nobody: a page Next renders for a visitor carries that request's nonce.
        expect(answer.html, who).not.toMatch(/\bnonce="/);
        expect(answer.setCookies.filter((value) => !value.startsWith("NEXT_LOCALE=")), who).toEqual([]);
      }
    }
  });

  test("a family signed in sees its own page, never the kept sign-in page, and the next visitor never sees the family's", async (context) => {
    const [family] = DEMO_FAMILY_ACCESS;
    const signedOut = await keptCopy("/ar/family");
    expect(signedOut.html).toContain('data-testid="family-sign-in-form"');
    const cookie = await familySessionCookie(server.current, family.reference, family.code);
    const own = await get("/ar/family", cookie);
    expect(own.cache).toBeNull();
    expect(own.html).toContain(family.reference);
    expect(own.html).not.toContain('data-testid="family-sign-in-form"');
    // (The family's sign-in changes no published figure: the kept copy stays the one rendered for nobody.)
    const next = await keptCopy("/ar/family");
    expect(next.html).not.toContain(family.reference);
    expect(next.html).toContain('data-testid="family-sign-in-form"');
    expect((await get("/ar/family", cookie)).html).toContain(family.reference);
    // In the browser too: the family's page after signing in, not a copy of the form.
    const page = await openAppPage(context, browser.current, server.current, "/ar/family", DESKTOP);
    await page.context().addCookies([{ name: cookie.split("=")[0] ?? "", value: cookie.slice(cookie.indexOf("=") + 1), url: server.current.baseUrl }]);
    await page.reload();
    await expect.poll(() => page.content()).toContain(family.reference);
  });
});
