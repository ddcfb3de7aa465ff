import type { NextRequest } from "next/server";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
export const CALLBACK_URL_ERROR = "CallbackUrl";

/**
 * The address to go to after signing in, or null unless it is a well-formed address of the registry
 * itself: an absolute http(s) address of its origin, or a path from its root (as next-auth accepts).
 */
export function sameOriginCallback(value: string, baseUrl: string): string | null {
  try {
    const base = new URL(baseUrl);
    const target = value.startsWith("/") ? new URL(value, base) : new URL(value);
    return target.origin === base.origin && /^https?:$/.test(target.protocol) ? target.href : null;
  } catch {
    return null;
  }
}

function origins(request: NextRequest): string[] {
  const configured = process.env.NEXTAUTH_URL;
  return [request.nextUrl.origin, ...(configured && sameOriginCallback(configured, configured) ? [configured] : [])];
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
 * error, and a foreign one has no business here: both get the sign-in page with an error instead,
 * as a redirect, or as the JSON next-auth's own client reads.
 */
export async function refuseForeignCallbackUrl(request: NextRequest): Promise<Response | null> {
  const allowed = origins(request);
  const callbackUrls = await callbackUrlsOf(request);
  const foreign = callbackUrls.some((value) => allowed.every((origin) => sameOriginCallback(value, origin) === null));
  if (!foreign) return null;
  const signInPage = new URL(`/ar/login?error=${CALLBACK_URL_ERROR}`, request.nextUrl.origin);
  if (request.method === "POST") return Response.json({ url: signInPage.href }, { status: 400 });
  return Response.redirect(signInPage, 302);
}
