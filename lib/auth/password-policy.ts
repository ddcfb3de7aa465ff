import { DEMO_PASSWORD } from "@/lib/demo/users";

export const MINIMUM_PASSWORD_LENGTH = 12;

/**
 * Passwords long enough to pass the length rule yet among the first an attacker tries, plus the demo
 * password, which is public by design. The browser checks these; the server also checks the full
 * breached-password list (breached-passwords.ts), too large to send to every form.
 */
const COMMON_LONG_PASSWORDS = new Set([
  DEMO_PASSWORD,
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "123456789012",
  "1234567890123",
  "12345678901234",
  "qwertyuiop12",
  "qwertyuiop123",
  "qwertyuiopasdf",
  "qwerty123456",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "iloveyou1234",
  "abcdefghijkl",
  "abc123456789",
  "welcome12345",
  "administrator",
  "admin1234567",
  "letmein12345",
  "changeme1234",
  "trustno1trustno1",
  "football1234",
  "baseball1234",
  "superman1234",
  "123123123123",
  "111111111111",
  "000000000000",
  "password!234",
  "p@ssw0rd1234",
  "libya1234567",
  "tarhuna12345",
]);

export type PasswordProblem = "tooShort" | "tooCommon" | "containsUsername";

/** Null when acceptable, otherwise the reason it is refused. */
export function passwordProblem(password: string, username = ""): PasswordProblem | null {
  if ([...password].length < MINIMUM_PASSWORD_LENGTH) return "tooShort";
  const lowered = password.toLowerCase();
  if (COMMON_LONG_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || isSequence(lowered)) return "tooCommon";
  if (username.length >= 3 && lowered.includes(username.toLowerCase())) return "containsUsername";
  return null;
}

/** "123456789012", "abcdefghijklm": each character one step after the last. */
function isSequence(text: string): boolean {
  for (let index = 1; index < text.length; index += 1) {
    if (text.charCodeAt(index) - text.charCodeAt(index - 1) !== 1) return false;
  }
  return true;
}
