import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { refusedAttempts } from "@/db/schema";

/**
 * Counts one refused anonymous attempt for the address key (see `addressKey`) in the current hour.
 * Refusals are counted, not audited: the audit log is append-only and hash-chained, so a row per
 * refusal would let any client grow it forever. One upsert, cheap enough for a flood.
 */
export async function countRefusedAttempt(db: Executor, addressKey: string, reason: string): Promise<void> {
  await db
    .insert(refusedAttempts)
    .values({ addressKey, hour: sql`date_trunc('hour', now())`, reason, attempts: 1 })
    .onConflictDoUpdate({
      target: [refusedAttempts.addressKey, refusedAttempts.hour, refusedAttempts.reason],
      set: { attempts: sql`${refusedAttempts.attempts} + 1` },
    });
}
