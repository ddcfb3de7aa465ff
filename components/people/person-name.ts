/** The Arabic name in its customary order, skipping parts that are not known. */
export function fullArabicName(parts: { givenName: string; fatherName?: string; grandfatherName?: string; familyName?: string }): string {
  return [parts.givenName, parts.fatherName, parts.grandfatherName, parts.familyName].filter((part) => part && part !== "").join(" ");
}
