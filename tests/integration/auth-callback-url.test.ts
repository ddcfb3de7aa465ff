import { createRequire } from "node:module";
import path from "node:path";
import type { OutgoingResponse as ResponseInternal, RequestInternal } from "next-auth";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { authOptions } from "@/lib/auth/next-auth-options";
import { forgetEnvironment } from "@/lib/env";

const ORIGIN = "http://registry.test";

// next-auth's package exports hide its core, which its own route handler calls after reading next/headers.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler(params: { req: RequestInternal; options: typeof authOptions }): Promise<ResponseInternal>;
};

/**
 * What the /api/auth route hands next-auth for a GET: the route file itself reads next/headers,
 * which needs a live Next.js request, so the test feeds the same request to next-auth's core.
 */
async function callAuthRoute(action: "signin" | "signout" | "error" | "csrf", query: Record<string, string>) {
  return AuthHandler({
    req: { method: "GET", action, query, body: {}, cookies: {}, headers: { host: new URL(ORIGIN).host } },
    options: { ...authOptions, secret: "callback-url-test-secret-of-enough-length" },
  });
}

function locationOf(response: Awaited<ReturnType<typeof callAuthRoute>>): URL {
  return new URL(response.redirect ?? "", ORIGIN);
}

describe("callbackUrl handed to the sign-in routes", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_URL = ORIGIN;
    forgetEnvironment();
  });

  it.each(["%E0%A4%A", "http%3A%2F%2F%5B", "javascript%3Aalert(1)", "evil.example%2Fpath"])(
    "the route answers a malformed callbackUrl (%s) with the sign-in error page, not a server error",
    async (callbackUrl) => {
      for (const action of ["signin", "csrf", "providers", "session"]) {
        const request = new NextRequest(`${ORIGIN}/api/auth/${action}?callbackUrl=${callbackUrl}`);
        const response = await GET(request, { params: Promise.resolve({ nextauth: [action] }) });
        expect(response.status).toBe(302);
        const location = new URL(response.headers.get("location") ?? "");
        expect(location.origin + location.pathname).toBe(`${ORIGIN}/ar/login`);
        expect(location.searchParams.get("error")).toBe("CallbackUrl");
      }
    },
  );

  it("the sign-in form's POST with a malformed callbackUrl gets the error page's address as JSON, not a server error", async () => {
    const request = new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "someone", password: "something", callbackUrl: "\uFFFD%A", json: "true" }).toString(),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ url: `${ORIGIN}/ar/login?error=CallbackUrl` });
  });

  it.each(["\uFFFD%A", "%E0%A4%A", "http://[", "javascript:alert(1)", "//evil.example/"])(
    "a malformed or odd callbackUrl (%s) gets the sign-in page, not a server error",
    async (callbackUrl) => {
      const response = await callAuthRoute("signin", { callbackUrl });
      expect(response.status ?? 302).toBeLessThan(500);
      const location = locationOf(response);
      expect(location.origin).toBe(ORIGIN);
      expect(location.pathname).toBe("/ar/login");
    },
  );

  it("a foreign callbackUrl never sends the browser away from the registry", async () => {
    const response = await callAuthRoute("signin", { callbackUrl: "http://evil.example/" });
    expect(response.status ?? 302).toBeLessThan(500);
    expect(response.redirect ?? "").not.toContain("evil.example");
    expect(locationOf(response).origin).toBe(ORIGIN);
  });

  it.each(["http://evil.example/", "//evil.example/"])("a well-formed foreign callbackUrl (%s) is answered, and what next-auth keeps of it stays on the registry", async (callbackUrl) => {
    const response = await callAuthRoute("csrf", { callbackUrl });
    expect(response.status ?? 200).toBeLessThan(500);
    const kept = response.cookies?.find((cookie) => cookie.name.endsWith("callback-url"));
    expect(kept?.value ?? ORIGIN).not.toContain("evil");
  });

  it("a path of the registry is kept", async () => {
    const response = await callAuthRoute("signin", { callbackUrl: "/en/staff/persons" });
    expect(locationOf(response).searchParams.get("callbackUrl")).toBe(`${ORIGIN}/en/staff/persons`);
  });
});
