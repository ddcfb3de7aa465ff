import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { can, type Role } from "@/lib/auth/permissions";

/**
 * A phone number or address as the role may see it: the column itself, or SQL null, so a
 * viewer's page never receives the value at all (redaction in the query, not in the markup).
 */
export function contactDetail(role: Role, column: PgColumn): PgColumn | SQL<string | null> {
  return can(role, "contactDetails.read") ? column : sql<string | null>`null`;
}
