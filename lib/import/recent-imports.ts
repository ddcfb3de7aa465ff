import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { spreadsheetImports, users } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** The latest committed imports, for the import page: each can be taken back as a whole. */
function recentImportsQuery(db: Executor, limit = 20) {
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

/** Only who may import sees the imports (and may void them). */
export const getRecentImports = defineRead("data.import", recentImportsQuery);

export type RecentImport = Awaited<ReturnType<typeof recentImportsQuery>>[number];
