import "server-only";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/**
 * @node-rs/argon2 declares Algorithm as an ambient const enum, which isolatedModules cannot read,
 * so its value is written out: 2 is Argon2id in the package's typings.
 */
const ARGON2ID: Algorithm = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}
