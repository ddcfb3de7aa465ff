import type { PedigreeViewPerson } from "@/lib/pedigrees/pedigree-view";

type Translate = (key: "fatherOf" | "motherOf" | "untypedPerson", values?: { name: string }) => string;

/**
 * How a person of the pedigree is named: a registered person by name, an untyped one by the label
 * the registrar gave, a placeholder made from the relationship labels by the child it was made for
 * ("father of Salem").
 */
export function personLabel(person: PedigreeViewPerson, persons: readonly PedigreeViewPerson[], t: Translate, depth = 0): string {
  if (person.name !== "") return person.name;
  const child = persons.find((other) => other.fatherId === person.id || other.motherId === person.id);
  if (!child || depth > 4) return t("untypedPerson");
  const childName = personLabel(child, persons, t, depth + 1);
  return child.fatherId === person.id ? t("fatherOf", { name: childName }) : t("motherOf", { name: childName });
}
