import { sql } from "drizzle-orm";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Public contract: {"status":"ok","db":"ok"}, or 503 with "db":"error" while the database is down. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", db: "ok" }, { headers });
  } catch {
    return Response.json({ status: "error", db: "error" }, { status: 503, headers });
  }
}
