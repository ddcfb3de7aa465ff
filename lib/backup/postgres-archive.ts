import { spawn } from "node:child_process";
import postgres from "postgres";
import { BackupError } from "./backup-error";

/** Runs a PostgreSQL client program; its own error text is the clearest explanation there is. */
function runClient(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${program} was not found: install the PostgreSQL client programs (Debian: apt-get install postgresql-client).`
            : `${program} could not start: ${error.message}`,
        ),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${program} failed (exit ${code}): ${stderr.trim() || "no message"}`));
    });
  });
}

/** pg_dump's custom format: compressed, restorable table by table, and checked by pg_restore. */
export function backupPostgres(url: string, file: string): Promise<void> {
  return runClient("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`]);
}

/** Restoring over existing records would mix two histories: only an empty database is accepted. */
async function assertEmpty(url: string): Promise<void> {
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const [row] = await client<{ count: number }[]>`
      select count(*)::int as count from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`;
    if ((row?.count ?? 0) > 0) {
      throw new BackupError(
        "The target database already holds tables. Restore into a new, empty database (createdb ...) so that nothing there is overwritten.",
      );
    }
  } finally {
    await client.end({ timeout: 1 });
  }
}

/** One transaction: a restore that fails half-way leaves the target as empty as it was. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await assertEmpty(url);
  await runClient("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ]);
}
