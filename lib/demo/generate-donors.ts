import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { storedSide } from "@/lib/people/relationships";
import type { FamilyWithMembers } from "./generate-families";
import {
  FAMILY_NAMES,
  MALE_GIVEN_NAMES,
  composeName,
  findName,
  inventName,
  type ArabicName,
  type NamedSex,
} from "./names";
import type { Random } from "./random";
import type { DonorRelationshipRow, MissingPersonRow, ReferenceDonorRow } from "./types";

type Relationship = DonorRelationshipRow["relationship"];

/** With several missing siblings, only a parent or a sibling stands in the same relation to all. */
const SHARED_RELATIONSHIPS = [["mother", 40], ["father", 25], ["full_sibling", 35]] as const;

const SINGLE_PERSON_RELATIONSHIPS = [
  ["mother", 30],
  ["father", 18],
  ["full_sibling", 24],
  ["child", 16],
  ["maternal_half_sibling", 3],
  ["paternal_half_sibling", 3],
  ["grandparent", 2],
  ["aunt_uncle", 2],
  ["cousin", 2],
] as const;

function donorSex(random: Random, relationship: Relationship, person: MissingPersonRow): NamedSex {
  if (relationship === "mother") return "female";
  if (relationship === "father") return "male";
  if (relationship === "spouse") return person.sex === "female" ? "male" : "female";
  return random.chance(0.5) ? "male" : "female";
}

/** Names follow the relation where it fixes them: a father's own father is the person's grandfather. */
function donorName(random: Random, relationship: Relationship, sex: NamedSex, person: MissingPersonRow): ArabicName {
  const named = (arabic: string | undefined) => findName(random, arabic ?? "");
  const family = named(person.familyName);
  switch (relationship) {
    case "father":
      return composeName(named(person.fatherName), named(person.grandfatherName), random.pick(MALE_GIVEN_NAMES), family);
    case "full_sibling":
    case "paternal_half_sibling":
      return inventName(random, sex, family, { father: named(person.fatherName), grandfather: named(person.grandfatherName) });
    case "child":
      return person.sex === "male"
        ? inventName(random, sex, family, { father: named(person.givenName), grandfather: named(person.fatherName) })
        : inventName(random, sex, random.pick(FAMILY_NAMES));
    default:
      return inventName(random, sex, random.pick(FAMILY_NAMES));
  }
}

function buildDonor(random: Random, familyId: string, relationship: Relationship, person: MissingPersonRow): ReferenceDonorRow {
  const sex = donorSex(random, relationship, person);
  const name = donorName(random, relationship, sex, person);
  return { id: random.uuid(), familyId, ...name, nameSearch: buildNameSearch(name), sex, phone: "" };
}

function chooseRelationships(random: Random, missingCount: number): Relationship[] {
  const donorCount = random.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const table = missingCount > 1 ? SHARED_RELATIONSHIPS : SINGLE_PERSON_RELATIONSHIPS;
  const chosen = new Set<Relationship>();
  while (chosen.size < donorCount) chosen.add(random.weighted(table));
  // A spouse gives no genetic reference but, beside a child, lets the lab subtract her alleles.
  if (missingCount === 1 && chosen.has("child") && random.chance(0.4)) chosen.add("spouse");
  return [...chosen];
}

export interface FamilyDonors {
  donors: ReferenceDonorRow[];
  relationships: DonorRelationshipRow[];
}

export function buildDonors(random: Random, { family, missingPersons }: FamilyWithMembers): FamilyDonors {
  const [firstPerson] = missingPersons;
  if (!firstPerson) return { donors: [], relationships: [] };
  const donors: ReferenceDonorRow[] = [];
  const relationships: DonorRelationshipRow[] = [];
  for (const relationship of chooseRelationships(random, missingPersons.length)) {
    const donor = buildDonor(random, family.id, relationship, firstPerson);
    donors.push(donor);
    for (const person of missingPersons) {
      // generate-dna.ts draws grandparents, aunts/uncles and cousins on the mother's side.
      relationships.push({ id: random.uuid(), donorId: donor.id, missingPersonId: person.id, relationship, side: storedSide(relationship, "maternal") });
    }
  }
  return { donors, relationships };
}
