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

/** The longest wait the portal ever asks for, in minutes (an address's hour). */
const LONGEST_WAIT_MINUTES = 60;

/** Whole minutes to tell a person who must wait, rounded up, between 1 and 60. */
export function waitMinutes(seconds: number): number {
  if (!Number.isFinite(seconds)) return LONGEST_WAIT_MINUTES;
  return Math.min(LONGEST_WAIT_MINUTES, Math.max(1, Math.ceil(seconds / 60)));
}

/** The wait named in the portal page's address (`?wait=N`), where anyone could write any value. */
export function waitFromQuery(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,2}$/.test(value)) return null;
  return waitMinutes(Number(value) * 60);
}
