import "server-only";
import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { listenForRegistryChanges } from "@/db/registry-changes";
import { auditLog } from "@/db/schema";
import { isPublicChangeEntry } from "@/lib/audit/read-actions";

/**
 * Public figures, computed once per state of the registry rather than once per visitor.
 *
 * Every change to a case writes an audit entry in its own transaction (actions, imports, seeds), and
 * a trigger on the audit log notifies `registry_changed` when such a transaction commits
 * (migration 0008). So a figure stays true until either
 * - a notification arrives (a change committed by any process, this one included), or
 * - a transaction of this process that wrote an audit entry settles (its own change, counted at
 *   once, before the notification has travelled back).
 * While the notification channel is not (yet) listening, the newest audit entry's id is read on
 * every request instead and serves as the key, as exact but one indexed read per request. As a net
 * under both, the head is re-read in the background at most once a second, so even a notification
 * lost with a dropped connection can leave a figure behind by about a second at most.
 */

const HEAD_RECHECK_MILLISECONDS = 1_000;
const RETRY_LISTEN_MILLISECONDS = 5_000;

export async function registryStateKey(db: Executor): Promise<string> {
  // The newest entry that may change a public figure, not the newest entry: a read of personal data,
  // a sign-in or a refusal changes none (lib/audit/public-changes.ts).
  const [head] = await db.select({ id: auditLog.id }).from(auditLog).where(isPublicChangeEntry()).orderBy(desc(auditLog.id)).limit(1);
  return String(head?.id ?? 0);
}

interface Entry<Value> {
  /** The audit head read before computing: the value is at least as new as it. */
  headKey: string;
  /** The state's version read before computing; a newer version makes the entry stale. */
  version: number;
  value: Promise<Value>;
}

interface RegistryState {
  id: number;
  entries: Map<string, Entry<unknown>>;
  /** Bumped by every notification, every settled transaction of this process, every (re)connection. */
  version: number;
  listening: "no" | "starting" | "yes";
  lastListenAttempt: number;
  lastHeadCheck: number;
  newestHeadSeen: string | null;
}

type States = WeakMap<Executor, RegistryState>;

/**
 * Per database handle: tests open several databases in one process, whose heads may coincide. On
 * globalThis, like the handle itself (lib/server/database.ts): Next loads the route handlers that
 * read these figures and the server actions that change them as bundles of their own, and a module
 * variable exists once per bundle; one state per handle must be seen by all of them. (In
 * development, hot reload re-evaluates this module too, and the handle's listener must not be lost.)
 */
const globals = globalThis as typeof globalThis & { __publicCache?: States; __publicCacheIds?: number; __registryStates?: Map<number, RegistryState> };
const statesByDatabase: States = (globals.__publicCache ??= new WeakMap());
const statesById: Map<number, RegistryState> = (globals.__registryStates ??= new Map());

function stateFor(db: Executor): RegistryState {
  let state = statesByDatabase.get(db);
  if (!state) {
    const id = (globals.__publicCacheIds = (globals.__publicCacheIds ?? 0) + 1);
    state = { id, entries: new Map(), version: 0, listening: "no", lastListenAttempt: 0, lastHeadCheck: 0, newestHeadSeen: null };
    statesByDatabase.set(db, state);
    statesById.set(id, state);
  }
  if (state.listening === "no" && Date.now() - state.lastListenAttempt >= RETRY_LISTEN_MILLISECONDS) startListening(db, state);
  return state;
}

/**
 * A transaction of this process that wrote an audit entry changed the registry: once it has settled
 * (committed or not), the figures are recounted (called by lib/audit/run-transaction.ts). Audit
 * entries written meanwhile by concurrent transactions count too — a needless recount at worst;
 * read-only transactions (a staff search) leave the figures alone.
 */
export function registryChangedHere(db: Executor): void {
  const state = statesByDatabase.get(db);
  if (state) state.version += 1;
}

function startListening(db: Executor, state: RegistryState): void {
  state.listening = "starting";
  state.lastListenAttempt = Date.now();
  listenForRegistryChanges(
    db,
    () => {
      state.version += 1;
    },
    () => {
      // Connected or reconnected: whatever happened while deaf is counted as a change.
      state.version += 1;
      state.listening = "yes";
    },
  ).catch(() => {
    state.listening = "no";
  });
}

/**
 * Starts following the registry's changes for `db` (its listener), so that a token can be offered
 * for answers that read no figure of this module (the family portal's sign-in page).
 */
export function followRegistryChanges(db: Executor): void {
  stateFor(db);
}

/**
 * The net under a lost notification, for answers kept outside this module (scripts/serve.mjs replays
 * them without calling cachedForRegistryState): at most once a second, off the request's path.
 */
export function recheckRegistryHead(db: Executor): void {
  const state = statesByDatabase.get(db);
  if (state) recheckHeadInBackground(db, state);
}

/** At most once a second, off the request's path: the net under a lost notification. */
function recheckHeadInBackground(db: Executor, state: RegistryState): void {
  const now = Date.now();
  if (now - state.lastHeadCheck < HEAD_RECHECK_MILLISECONDS) return;
  state.lastHeadCheck = now;
  registryStateKey(db).then(
    (head) => {
      if (state.newestHeadSeen !== null && head !== state.newestHeadSeen) state.version += 1;
      state.newestHeadSeen = head;
    },
    () => {},
  );
}

/**
 * Computes `compute()` once per registry state and name. A failed computation is forgotten, so the
 * next request tries again instead of serving the error.
 */
export async function cachedForRegistryState<Value>(db: Executor, name: string, compute: () => Promise<Value>): Promise<Value> {
  const state = stateFor(db);
  const cached = state.entries.get(name) as Entry<Value> | undefined;
  if (state.listening === "yes" && cached?.version === state.version) {
    recheckHeadInBackground(db, state);
    return cached.value;
  }
  // Both read before the figures: whatever is computed now is at least as new as they are.
  const version = state.version;
  const headKey = await registryStateKey(db);
  state.newestHeadSeen = headKey;
  if (cached?.headKey === headKey) {
    cached.version = version;
    return cached.value;
  }
  const value = compute();
  state.entries.set(name, { headKey, version, value });
  value.catch(() => {
    if (state.entries.get(name)?.value === value) state.entries.delete(name);
  });
  return value;
}

/**
 * A token naming the registry state that `cachedForRegistryState` last served `names` for, when it
 * is known to be current without asking the database (the listener is on); else null. The front
 * server (scripts/serve.mjs) keeps a public response only under such a token and asks
 * `isRegistryTokenCurrent` before replaying it.
 */
export function currentRegistryToken(db: Executor, names: string[]): string | null {
  const state = statesByDatabase.get(db);
  if (!state || state.listening !== "yes") return null;
  if (!names.every((name) => state.entries.get(name)?.version === state.version)) return null;
  return `${state.id}:${state.version}`;
}

export function isRegistryTokenCurrent(token: string): boolean {
  const [id, version] = token.split(":").map(Number);
  const state = statesById.get(id ?? -1);
  return state !== undefined && state.listening === "yes" && state.version === version;
}
