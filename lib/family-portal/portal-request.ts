import { NextResponse } from "next/server";
import { routing, type Locale } from "@/lib/i18n/routing";

/** The portal's language from the URL, Arabic when it is not one the registry speaks. */
export function portalLocale(value: string): Locale {
  return (routing.locales as readonly string[]).includes(value) ? (value as Locale) : routing.defaultLocale;
}

/** A form posted from another site is refused: the portal's forms are only ever sent from its own pages. */
export { isSameOriginRequest as isSameOrigin } from "@/lib/security/request-origin";

/** 303: the browser follows with a GET, so reloading the page never posts the code again. */
export function seeOther(pathname: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: pathname } });
}

export function formText(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === "string" ? value.slice(0, 200) : "";
}
