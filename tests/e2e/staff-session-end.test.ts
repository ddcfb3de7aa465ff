import { describe, expect, test } from "vitest";
import type { AppServer } from "./support/app-server";
import { sharedAppServerForReaders } from "./support/fixtures";

/** The cookies of a response, as "name=value" pairs keyed by name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((header) => {
    const pair = header.split(";")[0] ?? "";
    const equals = pair.indexOf("=");
    return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
  }));
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function csrf(server: AppServer, cookies = new Map<string, string>()) {
  const response = await fetch(server.url("/api/auth/csrf"), { headers: { cookie: cookieHeader(cookies) } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookies: new Map([...cookies, ...cookiesOf(response)]) };
}

/** Signs the demo viewer in as the sign-in form does, without a browser; returns the browser's cookies. */
async function signIn(server: AppServer): Promise<Map<string, string>> {
  const { csrfToken, cookies } = await csrf(server);
  const response = await fetch(server.url("/api/auth/callback/credentials"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, username: "viewer", password: "demo-password", callbackUrl: "/ar/staff" }),
  });
  expect(response.status).toBe(302);
  return new Map([...cookies, ...cookiesOf(response)]);
}

async function staffPageStatus(server: AppServer, cookies: Map<string, string>): Promise<{ status: number; location: string | null }> {
  const response = await fetch(server.url("/ar/staff/families"), { redirect: "manual", headers: { cookie: cookieHeader(cookies) } });
  return { status: response.status, location: response.headers.get("location") };
}

describe("the end of a staff session, on the production server", () => {
  const server = sharedAppServerForReaders();

  test("a session cookie replayed after sign-out opens nothing, while another signed-in browser of the user stays in", async () => {
    const signedOutBrowser = await signIn(server.current);
    const otherBrowser = await signIn(server.current);
    expect((await staffPageStatus(server.current, signedOutBrowser)).status).toBe(200);

    const { csrfToken, cookies } = await csrf(server.current, signedOutBrowser);
    const signOut = await fetch(server.current.url("/api/auth/signout"), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/ar/login" }),
    });
    expect(signOut.status).toBe(302);

    // The old cookie, kept by an attacker: the server-side session behind it has ended.
    const replay = await staffPageStatus(server.current, signedOutBrowser);
    expect(replay.status).toBeGreaterThanOrEqual(300);
    expect(replay.status).toBeLessThan(400);
    expect(new URL(replay.location ?? "", server.current.baseUrl).pathname).toBe("/ar/login");
    expect((await staffPageStatus(server.current, otherBrowser)).status).toBe(200);
  });

  test("a malformed callbackUrl gets the sign-in page with an error, a foreign one goes nowhere, neither a server error", async () => {
    const malformed = await fetch(server.current.url("/api/auth/csrf?callbackUrl=%E0%A4%A"), { redirect: "manual" });
    expect(malformed.status).toBe(302);
    const location = new URL(malformed.headers.get("location") ?? "", server.current.baseUrl);
    expect(location.pathname).toBe("/ar/login");
    expect(location.searchParams.get("error")).toBe("CallbackUrl");
    expect((await fetch(location, { redirect: "manual" })).status).toBe(200);

    const foreign = await fetch(server.current.url("/api/auth/signin?callbackUrl=http%3A%2F%2Fevil.example%2F"), { redirect: "manual" });
    expect(foreign.status).toBeLessThan(500);
    expect(foreign.headers.get("location") ?? "").not.toContain("evil.example");
    expect(foreign.headers.getSetCookie().join(" ")).not.toContain("evil.example");
  });
});
