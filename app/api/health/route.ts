import { sql } from "drizzle-orm";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/**
 * How long the database may take to answer `select 1`. A database that hangs instead of refusing
 * (stopped process, frozen network) must not hang the health check with it: a monitor needs a
 * prompt 503, not a request that never ends.
 */
const DATABASE_ANSWER_MILLISECONDS = 3_000;

async function databaseAnswers(): Promise<boolean> {
  const answered = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_ANSWER_MILLISECONDS);
  });
  try {
    return await Promise.race([answered, tooLate]);
  } finally {
    clearTimeout(timer);
  }
}

/** Public contract: {"status":"ok","db":"ok"}, or 503 with "db":"error" while the database is down or does not answer. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (await databaseAnswers()) return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "error", db: "error" }, { status: 503, headers });
}
