import type { Executor } from "@/db/client";
import { currentRegistryToken, isRegistryTokenCurrent, recheckRegistryHead } from "./change-keyed-cache";

const front = globalThis as typeof globalThis & {
  __tarhunaRegistryToken?: (names: string[]) => string | null;
  __tarhunaIsRegistryTokenCurrent?: (token: string) => boolean;
};

/**
 * Lets the production server (scripts/serve.mjs, plain JavaScript outside Next's bundles) ask whether
 * a public answer it kept is still true, for the app's database. Called by the public route handlers.
 */
export function offerRegistryStateToFrontServer(db: Executor): void {
  front.__tarhunaRegistryToken ??= (names) => currentRegistryToken(db, names);
  front.__tarhunaIsRegistryTokenCurrent ??= (token) => {
    // Replays never reach cachedForRegistryState, whose once-a-second head check they still need.
    recheckRegistryHead(db);
    return isRegistryTokenCurrent(token);
  };
}
