import type { SecondPersonAction } from "./second-person-actions";

type Subject = { entity: string; id: string };

/** The field of a step's parsed input that names its record (the schemas make it a uuid). */
const field = (input: unknown, name: string): string => String((input as Record<string, unknown>)[name]);

/**
 * What each step acts on, shown with its request and linked from it. Kept apart from the steps'
 * code (runners.ts) so that every server action, which may ask for a second person, does not pull
 * every step's module and its messages into its bundle.
 */
export const SECOND_PERSON_SUBJECTS: Record<SecondPersonAction, (input: unknown) => Subject> = {
  "graveSites.void": (input) => ({ entity: "grave_site", id: field(input, "recordId") }),
  "remains.void": (input) => ({ entity: "remains", id: field(input, "recordId") }),
  "persons.void": (input) => ({ entity: "missing_person", id: field(input, "recordId") }),
  "persons.merge": (input) => ({ entity: "missing_person", id: field(input, "mergedId") }),
  "identifications.retract": (input) => ({ entity: "identification", id: field(input, "identificationId") }),
  "imports.void": (input) => ({ entity: "spreadsheet_import", id: field(input, "importId") }),
  "samples.withdrawConsent": (input) => ({ entity: "dna_sample", id: field(input, "sampleId") }),
};
