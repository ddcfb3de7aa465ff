/**
 * The field-capture shell a device keeps for offline use (issue 25): a page with the forms and the
 * encrypted queue but no personal data (no staff name, no case, no site list: those come from the
 * device's encrypted store once the PIN opens it). The service worker precaches one per language
 * and answers a navigation to field capture with it only when the network does not answer.
 * Client-safe: shared by the worker, its route and the page.
 */
export const FIELD_SHELL_LOCALES = ["ar", "en"] as const;

export function fieldShellPath(locale: (typeof FIELD_SHELL_LOCALES)[number]): string {
  return `/${locale}/field-shell`;
}

/** Field capture itself: the only navigation the worker answers (and only when offline). */
export const FIELD_CAPTURE_PATH = /^\/(ar|en)\/staff\/field\/?$/;

/** Where the worker is served (app/serwist/[path]/route.ts) and the scope it is registered for. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";
