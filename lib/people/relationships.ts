/** Relations that give no genetic reference: a spouse shares no DNA with the missing person. */
export const NON_GENETIC_RELATIONSHIPS: ReadonlySet<string> = new Set(["spouse"]);
