import type { Random } from "./random";
import type { DemoStaff, UserRow } from "./types";

/** Printed by the seed and the demo command; the app refuses it outside demo mode. */
export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { username: "admin", role: "admin", displayName: "مدير النظام (تجريبي)" },
  { username: "registrar", role: "registrar", displayName: "سجلّ الحالات – نوال (تجريبي)" },
  { username: "forensic", role: "forensic", displayName: "د. كريم – الطب الشرعي (تجريبي)" },
  { username: "forensic2", role: "forensic", displayName: "د. ريم – الطب الشرعي (تجريبي)" },
  { username: "viewer", role: "viewer", displayName: "مراقب (تجريبي)" },
] as const;

export function buildDemoStaff(random: Random, passwordHash: string): DemoStaff {
  const [admin, registrar, forensic, secondForensic, viewer] = DEMO_ACCOUNTS.map(
    (account): UserRow => ({ id: random.uuid(), ...account, passwordHash, locale: "ar" }),
  );
  if (!admin || !registrar || !forensic || !secondForensic || !viewer) {
    throw new Error("the demo needs all five accounts");
  }
  return { admin, registrar, forensic, secondForensic, viewer };
}
