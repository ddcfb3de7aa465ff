import "server-only";
import { z } from "zod";
import { openSearch, sealSearch } from "@/lib/people/search-token";
import { single } from "./address-parameter";

/**
 * The free-text filter of a staff list (families, police reports) matches contact and reporter
 * names, so, like the staff search, it never travels in an address the registry writes: the filter
 * form posts to app/api/staff/list-filter, which seals the text (lib/people/search-token.ts) into
 * `s`. A `q` typed into the address by hand (a family reference, a report number) still works.
 */
export interface ListSearch {
  search?: string;
  /** What the list's own links (paging) carry to keep the filter: `s` or the hand-typed `q`. */
  searchAddress?: Record<string, string>;
  /** A sealed filter that no longer opens (expired, or sealed for someone else). */
  searchExpired?: boolean;
}

const searchText = z.string().trim().min(1).max(100);

export function listSearchFromAddress(params: Record<string, string | string[] | undefined>, userId: string): ListSearch {
  const token = single(params.s);
  if (token) {
    const opened = searchText.safeParse(openSearch(token, userId));
    return opened.success ? { search: opened.data, searchAddress: { s: token }, searchExpired: false } : { searchAddress: {}, searchExpired: true };
  }
  const typed = searchText.safeParse(single(params.q));
  return typed.success ? { search: typed.data, searchAddress: { q: typed.data }, searchExpired: false } : { searchAddress: {}, searchExpired: false };
}

/** The address parameter that carries `text` as a filter for `userId`, or none when the text is empty. */
export function sealedListSearch(text: string, userId: string): Record<string, string> {
  const search = searchText.safeParse(text);
  return search.success ? { s: sealSearch(search.data, userId) } : {};
}
