import { describe, expect, it } from "vitest";
import { operationStatus } from "@/lib/dashboard/backup-status";

const now = new Date("2026-12-06T12:00:00Z");
const ranAt = (at: string) => ({ at, ok: true, file: "/backups/tarhuna.pgdump", problems: [] });

describe("when a backup or a restore drill is overdue", () => {
  it("is overdue when never run, or run more than two days ago; not at two days exactly", () => {
    expect(operationStatus("backup", null, now).overdue).toBe(true);
    expect(operationStatus("backup", ranAt("2026-12-04T12:00:00Z"), now).overdue).toBe(false);
    expect(operationStatus("drill", ranAt("2026-12-04T11:59:00Z"), now).overdue).toBe(true);
    expect(operationStatus("drill", ranAt("2026-12-06T02:30:00Z"), now).overdue).toBe(false);
  });
});
