import "server-only";
import { defineRead } from "@/lib/auth/read-access";
import { findDuplicateCandidates } from "./duplicates";
import { listPossibleDuplicates } from "./possible-duplicates";
import { searchMissingPersons } from "./search";

/**
 * The name searches as pages and route handlers reach them: each needs a "people.read" capability.
 * The searches themselves stay plain functions over the database (actions call them inside their
 * own transaction), so their engine files know nothing of sessions.
 */
export const readPersonSearch = defineRead("people.read", searchMissingPersons);
export const readDuplicateCandidates = defineRead("people.read", findDuplicateCandidates);
export const readPossibleDuplicates = defineRead("people.read", listPossibleDuplicates);
