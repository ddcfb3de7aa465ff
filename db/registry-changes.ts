import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { Executor } from "./client";

/** Notified by the audit log's trigger (migration 0008) when a transaction that wrote to it commits. */
export const REGISTRY_CHANGED_CHANNEL = "registry_changed";

/**
 * Calls `onChange` for every committed change to the registry, by any process, and `onListening`
 * each time the channel is (re)connected — changes made while it was not are not announced. The
 * PostgreSQL listener reconnects by itself; the embedded database lives in this process and cannot
 * drop its channel.
 */
export async function listenForRegistryChanges(db: Executor, onChange: () => void, onListening: () => void): Promise<void> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    await client.listen(REGISTRY_CHANGED_CHANNEL, onChange);
    onListening();
    return;
  }
  if (typeof client === "function" && "listen" in client) {
    await (client as Sql).listen(REGISTRY_CHANGED_CHANNEL, onChange, onListening);
    return;
  }
  throw new Error("this database client cannot listen for notifications");
}

/**
 * Audit entries written by this module instance, so that a settled transaction knows whether it
 * wrote (lib/audit/run-transaction.ts). A plain module variable: the count is written and compared
 * within one call (a transaction and the entries it appends), hence within one bundle.
 */
let auditAppends = 0;

export function countAuditAppend(): void {
  auditAppends += 1;
}

export function auditAppendCount(): number {
  return auditAppends;
}
