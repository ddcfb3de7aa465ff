import type { NextRequest } from "next/server";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
export const CALLBACK_URL_ERROR = "CallbackUrl";

/** A path from the root, or an absolute http(s) address: what next-auth can read without failing. */
function parsedCallback(value: string, baseUrl: string): URL | null {
  try {
    const target = value.startsWith("/") ? new URL(value, baseUrl) : new URL(value);
    return /^https?:$/.test(target.protocol) ? target : null;
  } catch {
    return null;
  }
}

/** The address to go to after signing in, or null unless it is a well-formed address of the registry itself. */
export function sameOriginCallback(value: string, baseUrl: string): string | null {
  const target = parsedCallback(value, baseUrl);
  return target && target.origin === new URL(baseUrl).origin ? target.href : null;
}

async function callbackUrlsOf(request: NextRequest): Promise<string[]> {
  const values = [request.nextUrl.searchParams.get("callbackUrl")];
  for (const name of CALLBACK_COOKIES) values.push(request.cookies.get(name)?.value ?? null);
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
    values.push(new URLSearchParams(await request.clone().text()).get("callbackUrl"));
  }
  return values.filter((value): value is string => value !== null && value !== "");
}

/**
 * next-auth answers a malformed callbackUrl (in the query, the form or its cookie) with a server
 * error; such a request gets the sign-in page with an error instead, as a redirect, or as the JSON
 * next-auth's own client reads. A well-formed foreign one goes on: the `redirect` callback keeps
 * every answer on the registry's own origin.
 */
export async function refuseMalformedCallbackUrl(request: NextRequest): Promise<Response | null> {
  const base = request.nextUrl.origin;
  const malformed = (await callbackUrlsOf(request)).some((value) => parsedCallback(value, base) === null);
  if (!malformed) return null;
  const signInPage = new URL(`/ar/login?error=${CALLBACK_URL_ERROR}`, base);
  if (request.method === "POST") return Response.json({ url: signInPage.href }, { status: 400 });
  return Response.redirect(signInPage, 302);
}
