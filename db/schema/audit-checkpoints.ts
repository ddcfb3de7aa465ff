import "server-only";
import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only copies of signed audit checkpoints (lib/audit/checkpoint.ts). The signature, by a key
 * the database never holds, is what makes them evidence; the rows only let the dossier cite them.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint("entry_id", { mode: "number" }).notNull(),
    entryCount: bigint("entry_count", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    publicKey: text("public_key").notNull(),
    signature: text("signature").notNull(),
  },
  (table) => [index("audit_checkpoints_entry_idx").on(table.entryId)],
);
