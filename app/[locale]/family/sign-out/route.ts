import { NextResponse, type NextRequest } from "next/server";
import { metadataFromHeaders } from "@/lib/auth/request-metadata";
import { isSameOrigin, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { signOutFamily } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE, familySessionCookieOptions } from "@/lib/family-portal/session-token";
import { getDb } from "@/lib/server/database";

/** Ends the family's session on the server (its cookie is refused from now on) and returns to the sign-in form. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const locale = portalLocale((await params).locale);
  if (!isSameOrigin(request)) return new NextResponse(null, { status: 403 });
  const token = request.cookies.get(FAMILY_SESSION_COOKIE)?.value;
  await signOutFamily(await getDb(), token, metadataFromHeaders(Object.fromEntries(request.headers)));
  const response = seeOther(`/${locale}/family?signedOut=1`);
  response.cookies.set(FAMILY_SESSION_COOKIE, "", { ...familySessionCookieOptions(), maxAge: 0 });
  return response;
}
