/// <reference lib="webworker" />
import { Serwist, type PrecacheEntry, type RouteHandlerCallbackOptions, type SerwistGlobalConfig } from "serwist";
import { FIELD_CAPTURE_PATH, fieldShellPath } from "./offline-shell";

/**
 * The service worker of field capture (issue 25), bundled by @serwist/turbopack (app/serwist/[path]).
 * It keeps two kinds of things: the hashed JavaScript, CSS and fonts of the build (immutable: their
 * names change with their content) and the field shell of each language, which holds no personal
 * data (lib/field/offline-shell.ts). It answers one navigation, field capture, from the network and
 * only when the network does not answer from the kept shell. Every other request — public pages
 * (with their own cache and script hashes), other staff pages, API answers, server actions — is not
 * touched at all, so nothing the worker holds can outlive a change of role or a sign-out.
 */

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

async function fieldCaptureOrShell({ request, url }: RouteHandlerCallbackOptions): Promise<Response> {
  try {
    return await fetch(request);
  } catch (networkFailure) {
    const locale = url.pathname.startsWith("/en/") ? "en" : "ar";
    const shell = await serwist.matchPrecache(fieldShellPath(locale));
    if (shell) return shell;
    throw networkFailure;
  }
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // The newest worker takes over at once: an older one may hold a shell whose scripts are gone.
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  precacheOptions: { cleanupOutdatedCaches: true },
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && FIELD_CAPTURE_PATH.test(url.pathname),
      handler: fieldCaptureOrShell,
    },
  ],
});

serwist.addEventListeners();
