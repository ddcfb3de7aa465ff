import type { AppServer } from "./app-server";

/** The name=value pairs of a response's Set-Cookie headers, as a Cookie header sends them back. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0] ?? "");
}

/** Signs a demo staff account in over plain HTTP, as the sign-in form does (next-auth's CSRF token, then the credentials callback). */
export async function staffSessionCookie(server: AppServer, username: string, password = "demo-password"): Promise<string> {
  const csrf = await fetch(server.url("/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(server.url("/api/auth/callback/credentials"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/ar/staff" }).toString(),
  });
  const session = cookiesOf(signedIn).find((cookie) => /session-token=/.test(cookie));
  if (!session) throw new Error(`${username} was not signed in: HTTP ${signedIn.status}, Location ${signedIn.headers.get("location") ?? "none"}`);
  return session;
}

/** Signs a family in to the portal over plain HTTP, as its no-JavaScript form does. */
export async function familySessionCookie(server: AppServer, reference: string, code: string): Promise<string> {
  const signedIn = await fetch(server.url("/ar/family/sign-in"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ reference, code }).toString(),
  });
  // The first Set-Cookie is next-intl's language cookie: the session is the portal's own.
  const session = cookiesOf(signedIn).find((cookie) => cookie.startsWith("tarhuna-family="));
  if (!session) throw new Error(`family ${reference} was not signed in: HTTP ${signedIn.status}, Location ${signedIn.headers.get("location") ?? "none"}`);
  return session;
}
