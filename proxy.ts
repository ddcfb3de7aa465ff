import { getToken } from "next-auth/jwt";
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { readMapTiles, tileImageSource } from "@/lib/map/tiles";
import { actionArgumentNesting, isServerActionRequest, MAX_ACTION_NESTING } from "@/lib/security/action-nesting";
import {
  API_CONTENT_SECURITY_POLICY,
  newNonce,
  pageContentSecurityPolicy,
  SERVICE_WORKER_CONTENT_SECURITY_POLICY,
} from "@/lib/security/content-security-policy";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { environment } from "@/lib/env";
import { PAGE_RENDER_HEADER } from "@/scripts/support/page-render-header.mjs";

const handleLocaleRouting = createMiddleware(routing);
const STAFF_PATH = /^\/(ar|en)\/staff(\/|$)/;

/**
 * Sends visitors to their language's URL, sends signed-out visitors of the staff area to the sign-in
 * page, refuses server-action arguments nested too deeply to decode, and stamps each page with a
 * fresh CSP nonce — except a public page rendered for the production server's page cache
 * (scripts/support/public-page-cache.mjs), which the server sends with script hashes instead. It
 * authorises nothing: every page, server action and route handler checks the
 * session and role itself.
 */
export default async function proxy(request: NextRequest) {
  // The field-capture service worker (app/serwist/[path]): no language, and a policy of its own.
  if (request.nextUrl.pathname.startsWith("/serwist/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", SERVICE_WORKER_CONTENT_SECURITY_POLICY);
    return response;
  }
  // Refused here, before Next.js decodes the arguments by recursion and overflows the stack (a 500).
  if (isServerActionRequest(request) && (await actionArgumentNesting(request.clone())) > MAX_ACTION_NESTING) {
    return NextResponse.json({ error: "invalid", reason: "nestedTooDeeply" }, { status: 400, headers: { "Content-Security-Policy": API_CONTENT_SECURITY_POLICY } });
  }
  const staffMatch = STAFF_PATH.exec(request.nextUrl.pathname);
  if (staffMatch && !(await getToken({ req: request, secret: environment().AUTH_SECRET, decode: decodeSessionToken }))) {
    return NextResponse.redirect(new URL(`/${staffMatch[1]}/login`, request.url));
  }
  const tileSource = tileImageSource(readMapTiles());
  // Only scripts/serve.mjs sets this header: it removes any a client sent. Elsewhere (next dev) a
  // client sending it gets a page whose inline scripts its policy refuses: its own loss, nobody else's.
  const renderedForPageCache = request.headers.has(PAGE_RENDER_HEADER);
  const policy = pageContentSecurityPolicy(
    renderedForPageCache ? null : newNonce(),
    environment().NODE_ENV === "development",
    tileSource ? [tileSource] : [],
  );
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  request.headers.set("Content-Security-Policy", policy);
  const response = handleLocaleRouting(request);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Files at the root (app/icon.svg, favicon.ico, robots.txt) have no language: sent through the
  // locale routing they were redirected to /ar/icon.svg, a 404. API routes neither have a language
  // nor render a page: next.config.js gives them their security policy.
  matcher: ["/((?!api/|_next/static|_next/image|[^/]+\\.\\w+$).*)"],
};
