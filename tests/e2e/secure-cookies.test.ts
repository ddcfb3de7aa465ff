import { describe, expect, test } from "vitest";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import type { AppServer } from "./support/app-server";
import { appServerForThisFile, sharedAppServerForReaders } from "./support/fixtures";

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case, with their values ("" for flags such as Secure). */
  attributes: Map<string, string>;
}

function parseSetCookie(header: string): SetCookie {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const equals = pair.indexOf("=");
  return {
    name: pair.slice(0, equals),
    value: pair.slice(equals + 1),
    attributes: new Map(
      attributes.map((attribute) => {
        const [name = "", ...value] = attribute.split("=");
        return [name.toLowerCase(), value.join("=")] as const;
      }),
    ),
  };
}

function setCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map(parseSetCookie);
}

function cookieHeader(cookies: SetCookie[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Signs the demo registrar in the way the sign-in form does, without a browser; returns the cookies set. */
async function staffSignIn(server: AppServer): Promise<SetCookie[]> {
  const csrfResponse = await fetch(server.url("/api/auth/csrf"));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = setCookies(csrfResponse);
  const response = await fetch(server.url("/api/auth/callback/credentials"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrfCookies) },
    body: new URLSearchParams({ csrfToken, username: "registrar", password: "demo-password", callbackUrl: "/ar/staff" }),
  });
  expect(response.status).toBe(302);
  return [...csrfCookies, ...setCookies(response)];
}

/** Signs a demo family into the status portal through its form's POST route; returns the cookies set. */
async function familySignIn(server: AppServer): Promise<SetCookie[]> {
  const family = DEMO_FAMILY_ACCESS[0];
  const response = await fetch(server.url("/ar/family/sign-in"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
    body: new URLSearchParams({ reference: family.reference, code: family.code }),
  });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/ar/family");
  return setCookies(response);
}

function staffSession(cookies: SetCookie[]): SetCookie {
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`no staff session cookie among: ${cookies.map((cookie) => cookie.name).join(", ")}`);
  return session;
}

function familySession(cookies: SetCookie[]): SetCookie {
  const session = cookies.find((cookie) => cookie.name === FAMILY_SESSION_COOKIE);
  if (!session) throw new Error(`no family session cookie among: ${cookies.map((cookie) => cookie.name).join(", ")}`);
  return session;
}

/** HttpOnly and a SameSite that keeps other sites' requests from carrying the cookie. */
function expectHttpOnlySameSite(cookie: SetCookie): void {
  expect(cookie.value, cookie.name).not.toBe("");
  expect(cookie.attributes.has("httponly"), `${cookie.name} HttpOnly`).toBe(true);
  expect(["lax", "strict"], `${cookie.name} SameSite`).toContain(cookie.attributes.get("samesite")?.toLowerCase());
}

/** The signed-in staff area answers with the cookie, i.e. the server reads back the cookie it set. */
async function expectStaffAreaOpens(server: AppServer, session: SetCookie): Promise<void> {
  const response = await fetch(server.url("/ar/staff/families"), { redirect: "manual", headers: { cookie: cookieHeader([session]) } });
  expect(response.status).toBe(200);
}

async function expectFamilyPortalOpens(server: AppServer, session: SetCookie): Promise<void> {
  const response = await fetch(server.url("/ar/family"), { headers: { cookie: cookieHeader([session]) } });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain(DEMO_FAMILY_ACCESS[0].reference);
}

describe("production server whose public address is https", () => {
  // The test talks plain http to the server, as a TLS-terminating reverse proxy in front of it would.
  const server = appServerForThisFile({ environment: { NEXTAUTH_URL: "https://registry.tarhuna.example" } });

  test("the staff session cookie is Secure, HttpOnly and SameSite, and signs the user in", async () => {
    const cookies = await staffSignIn(server.current);
    const session = staffSession(cookies);
    expectHttpOnlySameSite(session);
    expect(session.attributes.has("secure"), "Secure").toBe(true);
    // next-auth's __Secure- prefix: a browser refuses such a cookie unless it is Secure.
    expect(session.name).toBe("__Secure-next-auth.session-token");
    for (const cookie of cookies) expect(cookie.attributes.has("secure"), `${cookie.name} Secure`).toBe(true);
    await expectStaffAreaOpens(server.current, session);
  });

  test("the family portal's session cookie is Secure, HttpOnly and SameSite, and opens the family's page", async () => {
    const session = familySession(await familySignIn(server.current));
    expectHttpOnlySameSite(session);
    expect(session.attributes.has("secure"), "Secure").toBe(true);
    await expectFamilyPortalOpens(server.current, session);
  });
});

describe("production server run on plain http (the local demo: NEXTAUTH_URL defaults to http://localhost)", () => {
  // The default settings: the server shared by the files that only sign in and read serves the same.
  const server = sharedAppServerForReaders();

  test("the staff session cookie is HttpOnly and SameSite but not Secure, so the browser keeps it over http", async () => {
    const session = staffSession(await staffSignIn(server.current));
    expectHttpOnlySameSite(session);
    expect(session.attributes.has("secure"), "Secure").toBe(false);
    await expectStaffAreaOpens(server.current, session);
  });

  test("the family portal's session cookie is HttpOnly and SameSite but not Secure", async () => {
    const session = familySession(await familySignIn(server.current));
    expectHttpOnlySameSite(session);
    expect(session.attributes.has("secure"), "Secure").toBe(false);
    await expectFamilyPortalOpens(server.current, session);
  });
});
