/**
 * The irreversible steps that need a second staff member's approval (issue 27): each takes away
 * evidence from every list and count, joins two people into one, or seals a reference profile. Client-safe: the settings form
 * lists them. Reports, families, donors and samples voided in error are not on the list: they take
 * no person or body out of the registry.
 */
export const SECOND_PERSON_ACTIONS = ["graveSites.void", "remains.void", "persons.void", "persons.merge", "identifications.retract", "imports.void", "samples.withdrawConsent"] as const;

export type SecondPersonAction = (typeof SECOND_PERSON_ACTIONS)[number];

export function isSecondPersonAction(name: string): name is SecondPersonAction {
  return (SECOND_PERSON_ACTIONS as readonly string[]).includes(name);
}
