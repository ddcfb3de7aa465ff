/** The backups `npm run backup` names itself (lib/backup/archive-kind.ts): tarhuna-<UTC time>.<kind>. */
const BACKUP_NAME = /^tarhuna-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.(pgdump|pglite\.tar\.gz)$/;

export interface RotationPolicy {
  /** The newest backup of each of this many most recent days that have one is kept. */
  daily: number;
  /** The newest backup of each of this many most recent weeks (Monday to Sunday, UTC) that have one is kept. */
  weekly: number;
}

/** When a backup was taken, read from its name; null for any other file (never touched). */
export function backupTime(name: string): Date | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis] = match;
  const time = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** The Monday (UTC) that starts the week of `time`, as a date: the week's key. */
function weekOf(time: Date): string {
  const monday = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

/**
 * The backups to delete under the policy: every backup that is neither the newest of one of the
 * `daily` most recent days nor of one of the `weekly` most recent weeks. The newest backup is always
 * kept, and files of other names are never listed.
 */
export function backupsToDelete(names: readonly string[], policy: RotationPolicy): string[] {
  const backups = names
    .map((name) => ({ name, time: backupTime(name) }))
    .filter((backup): backup is { name: string; time: Date } => backup.time !== null)
    .sort((a, b) => b.time.getTime() - a.time.getTime());
  const kept = new Set<string>(backups.slice(0, 1).map((backup) => backup.name));
  const keepNewestPer = (key: (time: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of backups) {
      const period = key(backup.time);
      if (seen.has(period)) continue;
      if (seen.size >= count) break;
      seen.add(period);
      kept.add(backup.name);
    }
  };
  keepNewestPer((time) => time.toISOString().slice(0, 10), policy.daily);
  keepNewestPer(weekOf, policy.weekly);
  return backups.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}
