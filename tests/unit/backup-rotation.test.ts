import { describe, expect, it } from "vitest";
import { backupsToDelete, backupTime } from "@/lib/backup/rotation";

/** The name `npm run backup` gives a backup taken at `iso`. */
const named = (iso: string, kind = "pgdump") => `tarhuna-${iso.replace(/[:.]/g, "-")}.${kind}`;

describe("backup rotation", () => {
  it("reads the time from the names npm run backup writes, and nothing else", () => {
    expect(backupTime(named("2026-12-06T02:30:00.123Z"))?.toISOString()).toBe("2026-12-06T02:30:00.123Z");
    expect(backupTime(named("2026-12-06T02:30:00.123Z", "pglite.tar.gz"))).not.toBeNull();
    expect(backupTime("notes.txt")).toBeNull();
  });

  it("keeps the newest backup of each of the last N days and M weeks, and deletes the rest", () => {
    // Two backups a day for 30 days: 1 November (a Sunday) to 30 November 2026 (a Monday).
    const names: string[] = [];
    for (let day = 1; day <= 30; day += 1) {
      const date = `2026-11-${String(day).padStart(2, "0")}`;
      names.push(named(`${date}T02:30:00.000Z`), named(`${date}T14:00:00.000Z`));
    }
    const deleted = new Set(backupsToDelete([...names, "README.txt"], { daily: 7, weekly: 4 }));
    const kept = names.filter((name) => !deleted.has(name)).sort();
    expect(kept).toEqual(
      [
        // The newest of each of the last 7 days (24 to 30 November).
        ...[24, 25, 26, 27, 28, 29, 30].map((day) => named(`2026-11-${day}T14:00:00.000Z`)),
        // The newest of each of the last 4 weeks (Monday to Sunday): 30 November (a Monday) and the
        // 29th are among the days already; the weeks of 16 and 9 November add their Sundays.
        named("2026-11-22T14:00:00.000Z"),
        named("2026-11-15T14:00:00.000Z"),
      ].sort(),
    );
    expect(deleted.has("README.txt")).toBe(false);
  });

  it("never deletes the only backup", () => {
    expect(backupsToDelete([named("2026-12-06T02:30:00.000Z")], { daily: 1, weekly: 1 })).toEqual([]);
  });
});
