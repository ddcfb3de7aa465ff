import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";

type DossierKey = keyof typeof english.Dossier & keyof typeof arabic.Dossier;
/** The dossier's sentences and labels (its groups of translated codes are read through `terms`). */
export type DossierLabel = { [Key in DossierKey]: (typeof english.Dossier)[Key] extends string ? Key : never }[DossierKey];
export type Pair = { en: string; ar: string };

/** A dossier label in both languages, from the message catalogues the pages use. */
export function label(key: DossierLabel): Pair {
  return { en: english.Dossier[key], ar: arabic.Dossier[key] };
}

export function subjectLabel(subject: keyof typeof english.Dossier.subjects): Pair {
  return { en: english.Dossier.subjects[subject], ar: arabic.Dossier.subjects[subject] };
}

/** An enumerated value in both languages ("killing · قتل"); the raw value when a catalogue lacks it. */
function term(en: Record<string, string>, ar: Record<string, string>, value: string): string {
  const pair = [en[value], ar[value]].filter((text): text is string => text !== undefined);
  return pair.length > 0 ? pair.join(" · ") : value;
}

export const terms = {
  sex: (value: string) => term(english.People.sexes, arabic.People.sexes, value),
  personStatus: (value: string) => term(english.People.statuses, arabic.People.statuses, value),
  category: (value: string) => term(english.People.categories, arabic.People.categories, value),
  labStatus: (value: string) => term(english.People.labStatuses, arabic.People.labStatuses, value),
  condition: (value: string) => term(english.Forensic.conditions, arabic.Forensic.conditions, value),
  effectKind: (value: string) => term(english.Forensic.effectKinds, arabic.Forensic.effectKinds, value),
  custodyAction: (value: string) => term(english.Custody.actions, arabic.Custody.actions, value),
  identificationStatus: (value: string) => term(english.Identifications.statuses, arabic.Identifications.statuses, value),
  basis: (value: string) => term(english.Identifications.bases, arabic.Identifications.bases, value),
  sampleKind: (value: string) => term(english.Dossier.sampleKinds, arabic.Dossier.sampleKinds, value),
  notificationMethod: (value: string) => term(english.Identifications.methods, arabic.Identifications.methods, value),
  entity: (value: string) => term(english.Dossier.entities, arabic.Dossier.entities, value),
  relationship: (value: string) => term(english.People.relationships, arabic.People.relationships, value),
  side: (value: string) => term(english.People.sides, arabic.People.sides, value),
  mutationModel: (value: string) => term(english.Dossier.mutationModels, arabic.Dossier.mutationModels, value),
};
