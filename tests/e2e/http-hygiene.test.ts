import type { BrowserContext, Page, Request } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = appServerForThisFile();
const browser = browserForThisFile();

/** What a response must never show: a stack frame, a file path of the server, a module folder. */
const INTERNALS = /\bat [\w$.<>]+ \(|\/(work|tmp|home|app|usr)\/|node_modules|\.next(-builds\/[\w-]+)?\/server|webpack-internal|Error: /;

const registrarPage = (context: TestContext): Promise<Page> => openSignedInPage(context, browser.current, server.current);

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

function expectCommonHeaders(response: Response, what: string): void {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(response.headers.get("strict-transport-security"), what).toMatch(/max-age=\d{7,}/);
  expect(response.headers.get("x-powered-by"), what).toBeNull();
}

function expectPolicy(response: Response, what: string): void {
  const policy = response.headers.get("content-security-policy") ?? "";
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toMatch(/default-src '(self|none)'/);
  expect(policy, what).not.toContain("'unsafe-eval'");
}

describe("HTTP hygiene of the production server", () => {
  test("every route type carries the security headers; pages and API routes their content security policy", async (context) => {
    const page = await registrarPage(context);
    const cookie = await cookieHeader(page.context());
    const html = await (await fetch(server.current.url("/ar"))).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset, "the public page links a static script").toBeDefined();
    const routes: { what: string; path: string; cookie?: string; status: number; policy: boolean }[] = [
      { what: "public page", path: "/ar", status: 200, policy: true },
      { what: "public page, English", path: "/en", status: 200, policy: true },
      { what: "staff page, signed out (redirect)", path: "/ar/staff/families", status: 307, policy: false },
      { what: "staff page, signed in", path: "/ar/staff/families", cookie, status: 200, policy: true },
      { what: "API route", path: "/api/health", status: 200, policy: true },
      { what: "public API route", path: "/api/public/summary", status: 200, policy: true },
      // Asked again, the public aggregates come from the front server's memory (scripts/serve.mjs).
      { what: "public API route, answered again", path: "/api/public/summary", status: 200, policy: true },
      { what: "public GeoJSON", path: "/api/public/sites.geojson", status: 200, policy: true },
      { what: "public GeoJSON, answered again", path: "/api/public/sites.geojson", status: 200, policy: true },
      { what: "staff API route, signed out", path: "/api/staff/persons", status: 401, policy: true },
      { what: "family portal", path: "/ar/family", status: 200, policy: true },
      { what: "static asset", path: asset ?? "/", status: 200, policy: false },
      // The icon every page links: once redirected to /ar/icon.svg, a 404 on every page.
      { what: "site icon", path: "/icon.svg", status: 200, policy: false },
      { what: "404 page", path: "/ar/no-such-page", status: 404, policy: true },
    ];
    for (const route of routes) {
      const response = await fetch(server.current.url(route.path), { redirect: "manual", headers: route.cookie ? { cookie: route.cookie } : {} });
      const what = `${route.what} ${route.path}`;
      if (route.what.startsWith("staff API")) expect([401, 403, 404], what).toContain(response.status);
      else expect(response.status, what).toBe(route.status);
      expectCommonHeaders(response, what);
      if (route.policy) expectPolicy(response, what);
      if (route.status === 307) expect(response.headers.get("location"), what).toContain("/ar/login");
    }
  });

  test("each copy of a public aggregate has its own request id and its length, so it is not sent in chunks", async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 3; index += 1) {
      const response = await fetch(server.current.url("/api/public/summary"), { headers: { "accept-encoding": "identity" } });
      const body = Buffer.from(await response.arrayBuffer());
      // The first answer may be Next's own; from the second on it is the front server's kept copy.
      if (index > 0) expect(response.headers.get("content-length")).toBe(String(body.length));
      expect(JSON.parse(body.toString("utf8"))).toHaveProperty("bodiesRecovered");
      ids.add(response.headers.get("x-request-id") ?? "");
    }
    expect(ids.size).toBe(3);
  });

  test("the staff session cookie is httpOnly and SameSite", async (context) => {
    const page = await registrarPage(context);
    const session = (await page.context().cookies()).find((cookie) => cookie.name.includes("session-token"));
    expect(session).toMatchObject({ httpOnly: true });
    expect(["Lax", "Strict"]).toContain(session?.sameSite);
  });

  test("a server action replayed from a foreign origin is refused; the same request from the app's origin is answered", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").locator("a").first().click();
    await page.getByTestId("edit-family").click();
    await page.waitForURL((url) => url.pathname.endsWith("/edit"));
    await expect.poll(() => page.locator("#contactName").inputValue()).not.toBe("");
    const actionRequest = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
    await page.locator("#area").fill("وادي الربط");
    await page.getByTestId("edit-family-form").locator('button[type="submit"]').click();
    const captured: Request = await actionRequest;
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));

    const replay = async (origin: string) => {
      const headers = { ...captured.headers(), cookie: await cookieHeader(page.context()), origin };
      const response = await fetch(captured.url(), { method: "POST", headers, body: captured.postData() ?? "", redirect: "manual" });
      return { status: response.status, body: await response.text() };
    };
    // From the app itself the replayed save is carried out and refused as stale (the first one won).
    const sameOrigin = await replay(server.current.baseUrl);
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.body).toContain("conflict");
    const foreign = await replay("https://attacker.example");
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.body).not.toContain("conflict");
    expect(foreign.body).not.toMatch(INTERNALS);
  });

  test("a page that fails shows the calm error or not-found page, with no stack trace or server path", async (context) => {
    const page = await registrarPage(context);
    const cookie = await cookieHeader(page.context());
    for (const path of ["/ar/staff/persons/not-a-uuid", "/ar/staff/families/%00%27", "/ar/staff/persons/by-case/%E2%80%AE", "/api/staff/persons?q=%00"]) {
      const response = await fetch(server.current.url(path), { headers: { cookie } });
      const body = await response.text();
      expect(body, path).not.toMatch(INTERNALS);
      expect(response.status, path).toBeLessThan(500);
    }
  });
});
