/**
 * The value of a page-address parameter as Next gives it (absent, once, or repeated): the first
 * one. A repeated parameter is never an error; the rest are ignored.
 */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
