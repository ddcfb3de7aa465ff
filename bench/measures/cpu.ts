import fs from "node:fs";
import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";

/**
 * CPU time beside wall time: on a shared two-core machine a phase's wall time is mostly waiting for
 * a core, its CPU time is what the code costs. Three meters, in milliseconds:
 * - this Node process (process.cpuUsage);
 * - its children once reaped (the import's reading process): cutime + cstime of /proc/self/stat;
 * - the PostgreSQL server processes serving this database, when the server runs on this machine
 *   (/proc/<pid>/stat of each backend); null when it does not or they cannot be read.
 */
export interface CpuReading {
  node: number;
  children: number;
  database: number | null;
}

/** Linux counts process CPU in clock ticks: 100 a second on every kernel we run on. */
const TICK_MILLISECONDS = 10;

/** utime, stime, cutime and cstime of a /proc stat line, in ticks (the fields after the command's ")"). */
function statTicks(path: string): [number, number, number, number] | null {
  try {
    const fields = fs.readFileSync(path, "utf8").split(") ")[1]?.split(" ") ?? [];
    return [Number(fields[11]), Number(fields[12]), Number(fields[13]), Number(fields[14])];
  } catch {
    return null;
  }
}

function childrenMilliseconds(): number {
  const ticks = statTicks("/proc/self/stat");
  return ticks ? (ticks[2] + ticks[3]) * TICK_MILLISECONDS : 0;
}

/**
 * The server processes of every connection to this database. Their CPU is read per process id:
 * a connection opened and closed between two readings is not counted (the bench's pool keeps its
 * connections open).
 */
export async function databaseProcesses(db: Database): Promise<number[]> {
  const rows = await selectRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`);
  return rows.map((row) => row.pid);
}

function databaseMilliseconds(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ticks = statTicks(`/proc/${pid}/stat`);
    if (!ticks) return null;
    total += (ticks[0] + ticks[1]) * TICK_MILLISECONDS;
  }
  return total;
}

export function readCpu(databasePids: readonly number[]): CpuReading {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1000, children: childrenMilliseconds(), database: databaseMilliseconds(databasePids) };
}

export function cpuSince(before: CpuReading, databasePids: readonly number[]): CpuReading {
  const now = readCpu(databasePids);
  return {
    node: now.node - before.node,
    children: now.children - before.children,
    database: now.database === null || before.database === null ? null : now.database - before.database,
  };
}
