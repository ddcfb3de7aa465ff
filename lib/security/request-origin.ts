import { environment } from "@/lib/env";
/**
 * Whether a request was sent by the app's own pages. Browsers say where a request comes from in
 * Sec-Fetch-Site, and for POSTs and cross-origin fetches in Origin, which the site's no-referrer
 * policy turns into "null" on its own forms, so "null" alone proves nothing. A request sent by
 * another site, or naming another origin, is refused; one without either header (a script, curl)
 * is not a browser carrying a victim's cookies and passes on to the session check.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return false;
  }
  // NEXTAUTH_URL is the public address; behind a trusted proxy the public host arrives as
  // X-Forwarded-Host (scripts/serve.mjs drops it from anyone else); directly, as Host.
  const publicAddress = environment().NEXTAUTH_URL;
  if (publicAddress && safeOrigin(publicAddress) === claimed.origin) return true;
  const hosts = [request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(request.url).host];
  return hosts.includes(claimed.host);
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
