import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server programs (package postgresql-15), the ones docs/DEPLOY.md names. */
export const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";
const PROGRAMS = ["initdb", "pg_ctl", "pg_basebackup", "postgres", "psql", "pg_dump"];

/** Why scratch clusters cannot be made here, or null when they can. */
export function clusterProgramsMissing(): string | null {
  const missing = PROGRAMS.filter((program) => !fs.existsSync(path.join(POSTGRES_BIN, program)));
  return missing.length > 0 ? `${missing.join(", ")} not found in ${POSTGRES_BIN} (Debian package postgresql-15)` : null;
}

/** PostgreSQL refuses to run as root: as root, the programs run as the postgres user (runuser), else as whoever runs the test. */
export async function asClusterOwner(program: string, args: string[], timeoutMilliseconds = 120_000): Promise<string> {
  const full = path.join(POSTGRES_BIN, program);
  const [command, commandArgs] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  try {
    const { stdout } = await run(command, commandArgs, { timeout: timeoutMilliseconds, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${program} ${args.join(" ")} failed: ${failure.message}\n${failure.stdout ?? ""}\n${failure.stderr ?? ""}`);
  }
}

/** A folder the cluster owner may write in (owned by postgres when the test runs as root). */
export function clusterFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-cluster-"));
  if (process.getuid?.() === 0) {
    const owner = Number(fs.readFileSync("/etc/passwd", "utf8").match(/^postgres:[^:]*:(\d+):(\d+):/m)?.[1] ?? NaN);
    const group = Number(fs.readFileSync("/etc/passwd", "utf8").match(/^postgres:[^:]*:(\d+):(\d+):/m)?.[2] ?? NaN);
    fs.chownSync(folder, owner, group);
  }
  return folder;
}

export interface Cluster {
  dataDirectory: string;
  port: number;
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the server is gone as after a crash or a lost disk, nothing flushed on the way out. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

export function cluster(folder: string, name: string, port: number): Cluster {
  const dataDirectory = path.join(folder, name);
  const log = path.join(folder, `${name}.log`);
  const isRunning = () => fs.existsSync(path.join(dataDirectory, "postmaster.pid"));
  return {
    dataDirectory,
    port,
    start: async () => void (await asClusterOwner("pg_ctl", ["-D", dataDirectory, "-l", log, "-w", "-t", "60", "start"])),
    crash: async () => void (await asClusterOwner("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])),
    stop: async () => {
      if (isRunning()) await asClusterOwner("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"]).catch(() => {});
    },
  };
}

/** Appends settings to a cluster's postgresql.auto.conf (read after postgresql.conf, so these win). */
export function addSettings(dataDirectory: string, settings: Record<string, string | number>): void {
  const lines = Object.entries(settings).map(([name, value]) => `${name} = '${String(value).replace(/'/g, "''")}'`);
  fs.appendFileSync(path.join(dataDirectory, "postgresql.auto.conf"), `${lines.join("\n")}\n`);
}
