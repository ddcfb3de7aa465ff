import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs";
import postgres from "postgres";
import { BackupError } from "./backup-error";
import { clientConnection } from "./postgres-credentials";

/**
 * Runs a PostgreSQL client program against `url`, the password passed in a passfile and never in
 * its arguments; its standard output goes to `output` when given. Its own error text is the
 * clearest explanation there is.
 */
async function runClient(program: string, url: string, args: (dbname: string) => string[], output?: number): Promise<void> {
  const connection = clientConnection(url);
  try {
    await spawnClient(program, args(connection.dbname), connection.environment, output);
  } finally {
    connection.dispose();
  }
}

function spawnClient(program: string, args: string[], env: NodeJS.ProcessEnv, output: number | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", output ?? "ignore", "pipe"] });
    let stderr = "";
    // Piped as asked above; Node types a file-descriptor stdio as if every stream might be absent.
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
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

/**
 * pg_dump's custom format: compressed, restorable table by table, and checked by pg_restore. The
 * file is created 0600 before pg_dump writes into it (through its standard output), so no other
 * user of the machine can read the registry's personal data from it at any moment.
 */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const output = fs.openSync(file, "wx", 0o600);
  try {
    await runClient("pg_dump", url, (dbname) => ["--format=custom", "--no-owner", "--no-privileges", `--dbname=${dbname}`], output);
  } finally {
    fs.closeSync(output);
  }
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
  await runClient("pg_restore", url, (dbname) => [
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${dbname}`,
    file,
  ]);
}
