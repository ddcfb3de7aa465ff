import { describe, expect, it } from "vitest";
import { breachedPasswordCount, serverPasswordProblem } from "@/lib/auth/breached-passwords";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("the breached-password list", () => {
  it("holds at least ten thousand passwords from a maintained package", async () => {
    expect(await breachedPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses long passwords from breaches that pass the length and pattern rules", async () => {
    for (const breached of ["leavemealone", "sonyericsson", "qazwsxedcrfv", "1234qwerasdfzxcv", "LeaveMeAlone"]) {
      expect(passwordProblem(breached)).toBeNull();
      expect(await serverPasswordProblem(breached)).toBe("tooCommon");
    }
  });

  it("keeps the length, pattern and username rules, and accepts a long uncommon passphrase", async () => {
    expect(await serverPasswordProblem("short")).toBe("tooShort");
    expect(await serverPasswordProblem("aaaaaaaaaaaaaa")).toBe("tooCommon");
    expect(await serverPasswordProblem("samira-walks-to-misrata", "samira")).toBe("containsUsername");
    expect(await serverPasswordProblem("a quiet evening in misrata")).toBeNull();
  });
});
