import type { Executor } from "@/db/client";
import { currentRegistryToken, followRegistryChanges, isRegistryTokenCurrent, recheckRegistryHead } from "./change-keyed-cache";

const front = globalThis as typeof globalThis & {
  __tarhunaRegistryToken?: (names: string[]) => string | null;
  __tarhunaIsRegistryTokenCurrent?: (token: string) => boolean;
};

/**
 * On globalThis because scripts/serve.mjs is loaded by node and this module by Next's bundler
 * runtime: they share no module, only the process's global object (see serve.mjs).
 *
 * Lets the production server (scripts/serve.mjs, plain JavaScript outside Next's bundles) ask whether
 * a public answer it kept is still true, for the app's database. Called by the public route handlers
 * and the public pages.
 */
export function offerRegistryStateToFrontServer(db: Executor): void {
  followRegistryChanges(db);
  front.__tarhunaRegistryToken ??= (names) => currentRegistryToken(db, names);
  front.__tarhunaIsRegistryTokenCurrent ??= (token) => {
    // Replays never reach cachedForRegistryState, whose once-a-second head check they still need.
    recheckRegistryHead(db);
    return isRegistryTokenCurrent(token);
  };
}
