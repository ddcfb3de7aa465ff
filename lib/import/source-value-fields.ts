/** The register values a record keeps beside its fields (source_values), each with a label in Import.sourceValues. */
export const SOURCE_VALUE_FIELDS = ["fullName", "title", "motherName", "nationalNumber", "dateOfBirth", "age", "phone", "address", "reporterPhone", "filedOn", "lastSeenOn"] as const;
export type SourceValueField = (typeof SOURCE_VALUE_FIELDS)[number];

/** Contact details: shown only to roles that see phones and addresses (lib/people/contact-details.ts). */
export const CONTACT_SOURCE_VALUES: readonly SourceValueField[] = ["phone", "address", "reporterPhone"];

export function isSourceValueField(field: string): field is SourceValueField {
  return (SOURCE_VALUE_FIELDS as readonly string[]).includes(field);
}
