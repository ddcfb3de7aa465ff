import "server-only";
import type { Executor } from "@/db/client";
import type { Environment } from "@/lib/env";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";

/**
 * Why a production server must not serve this database, or null: the demo's accounts (public
 * username and password, printed in the README) would let anyone in. Only `npm run demo`, which sets
 * TARHUNA_DEMO=1, may serve them.
 */
export async function demoRefusal(db: Executor, checked: Pick<Environment, "NODE_ENV" | "TARHUNA_DEMO">): Promise<string | null> {
  if (checked.NODE_ENV !== "production" || checked.TARHUNA_DEMO) return null;
  if (!(await isDemoDataLoaded(db))) return null;
  return "This database holds the demonstration data and its public demo accounts: a production server will not serve them. Remove them with `npm run demo:remove -- --confirm` (docs/DEPLOY.md), or serve the demo with `npm run demo`.";
}
