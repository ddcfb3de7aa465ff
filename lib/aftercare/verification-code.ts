import { randomInt } from "node:crypto";

/** No 0/O or 1/I: a code read aloud over the telephone or copied from paper is not misread. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH = 12;

/** 12 random characters of 32 (60 bits): unguessable, short enough to type from a letter. */
export function newVerificationCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** ABCD-EFGH-JKLM: how the code is printed and shown. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
