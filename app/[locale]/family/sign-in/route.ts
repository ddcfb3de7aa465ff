import { NextResponse } from "next/server";
import { metadataFromHeaders } from "@/lib/auth/request-metadata";
import { familySessionToken } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE, familySessionCookieOptions } from "@/lib/family-portal/session-token";
import { formText, isSameOrigin, portalLocale, seeOther, waitMinutes } from "@/lib/family-portal/portal-request";
import { signInFamily } from "@/lib/family-portal/sign-in";
import { getDb } from "@/lib/server/database";

/**
 * The portal's sign-in form posts here (it works without JavaScript). One answer for every failure,
 * except that a person who must wait is told for how long (the same for any reference).
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const locale = portalLocale((await params).locale);
  if (!isSameOrigin(request)) return new NextResponse(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const outcome = await signInFamily(await getDb(), {
    reference: formText(form, "reference"),
    code: formText(form, "code"),
    ...metadataFromHeaders(Object.fromEntries(request.headers)),
  });
  if (!outcome.ok) {
    return seeOther(outcome.waitSeconds === null ? `/${locale}/family?failed=1` : `/${locale}/family?wait=${waitMinutes(outcome.waitSeconds)}`);
  }
  const response = seeOther(`/${locale}/family`);
  response.cookies.set(FAMILY_SESSION_COOKIE, familySessionToken(outcome.family), familySessionCookieOptions());
  return response;
}
