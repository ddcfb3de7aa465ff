import { NextResponse } from "next/server";
import { metadataFromHeaders } from "@/lib/auth/request-metadata";
import { familySessionToken } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE, familySessionCookieOptions } from "@/lib/family-portal/session-token";
import { formText, isSameOrigin, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { signInFamily } from "@/lib/family-portal/sign-in";
import { getDb } from "@/lib/server/database";

/** The portal's sign-in form posts here (it works without JavaScript); one answer for every failure. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const locale = portalLocale((await params).locale);
  if (!isSameOrigin(request)) return new NextResponse(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const family = await signInFamily(await getDb(), {
    reference: formText(form, "reference"),
    code: formText(form, "code"),
    ...metadataFromHeaders(Object.fromEntries(request.headers)),
  });
  if (!family) return seeOther(`/${locale}/family?failed=1`);
  const response = seeOther(`/${locale}/family`);
  response.cookies.set(FAMILY_SESSION_COOKIE, familySessionToken(family), familySessionCookieOptions());
  return response;
}
