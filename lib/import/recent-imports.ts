import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { spreadsheetImports, users } from "@/db/schema";
import type { StaffSession } from "@/lib/auth/current-session";
import { can } from "@/lib/auth/permissions";

/** The latest committed imports, for the import page: each can be taken back as a whole. */
export async function getRecentImports(db: Executor, session: StaffSession, limit = 20) {
  // Only who may import sees the imports (and may void them).
  if (!can(session.role, "data.import")) return [];
  return db
    .select({
      id: spreadsheetImports.id,
      kind: spreadsheetImports.kind,
      fileName: spreadsheetImports.fileName,
      createdAt: spreadsheetImports.createdAt,
      createdCount: spreadsheetImports.createdCount,
      createdBy: users.username,
      voidedAt: spreadsheetImports.voidedAt,
      voidReason: spreadsheetImports.voidReason,
    })
    .from(spreadsheetImports)
    .innerJoin(users, eq(users.id, spreadsheetImports.createdBy))
    .orderBy(desc(spreadsheetImports.createdAt))
    .limit(limit);
}

export type RecentImport = Awaited<ReturnType<typeof getRecentImports>>[number];
