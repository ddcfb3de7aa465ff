import type { AntemortemFacts, PostmortemFacts } from "@/lib/am-pm/profiles";
import type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "@/lib/am-pm/items";
import { createRandom, DEMO_RANDOM_SEED } from "./random";
import type { AntemortemRecordRow, DonorRelationshipRow, IdentificationRow, MissingPersonRow, PostmortemRecordRow, RemainsRow } from "./types";

/*
 * Synthetic antemortem and postmortem records for the demo (issue 23): one pair the comparison ranks
 * first both ways (the "featured" pair), a few persons who agree only in part, and a few other bodies.
 * Its own random stream, so the rest of the demo stays the same as before AM/PM data existed.
 */

const DEMO_NOTE = "بيانات تجريبية اصطناعية — synthetic demo record";
const INFORMED_ON = "2021-04-12";

const greenJacket: BelongingItem = { category: "outerwear", colour: "green", material: "synthetic", description: "سترة خضراء بسحاب مكسور" };
const blackShoes: BelongingItem = { category: "shoes", colour: "black", material: "leather", description: "" };
const silverWatch: BelongingItem = { category: "watch", colour: "silver", material: "metal", description: "ساعة بسوار معدني" };
const falconTattoo: MarkItem = { type: "tattoo", region: "right_arm", description: "صقر صغير" };
const crownedMolar: ToothItem = { tooth: 36, condition: "crowned" };
const missingIncisor: ToothItem = { tooth: 11, condition: "missing" };
const healedForearm: MedicalItem = { kind: "healed_fracture", region: "left_arm", description: "" };

const FEATURED_LISTS = { marks: [falconTattoo], teeth: [crownedMolar, missingIncisor], medical: [healedForearm], belongings: [greenJacket, blackShoes, silverWatch] };

/** Other bodies' findings: different items, so none competes with the featured pair. */
const OTHER_BODY_LISTS: Omit<PostmortemFacts, "statureMinCm" | "statureMaxCm">[] = [
  { marks: [{ type: "scar", region: "abdomen", description: "" }], teeth: [], medical: [], belongings: [{ category: "clothing_upper", colour: "white", material: "cotton", description: "" }] },
  { marks: [], teeth: [{ tooth: 21, condition: "filled" }], medical: [], belongings: [{ category: "prayer_beads", colour: "brown", material: "wood", description: "" }] },
  { marks: [], teeth: [], medical: [{ kind: "orthopaedic_implant", region: "right_leg", description: "" }], belongings: [{ category: "shoes", colour: "brown", material: "leather", description: "" }] },
];

/** Other persons' memories: one shares only the jacket (a weaker lead), the rest share nothing. */
const OTHER_PERSON_LISTS: Omit<AntemortemFacts, "ageAtDisappearance" | "heightMinCm" | "heightMaxCm">[] = [
  { marks: [], teeth: [], medical: [], belongings: [greenJacket] },
  { marks: [{ type: "birthmark", region: "face", description: "" }], teeth: [], medical: [], belongings: [{ category: "ring", colour: "gold", material: "gold", description: "" }] },
  { marks: [], teeth: [{ tooth: 46, condition: "missing" }], medical: [], belongings: [{ category: "headwear", colour: "white", material: "cotton", description: "" }] },
];

interface Sources {
  remains: readonly RemainsRow[];
  missingPersons: readonly MissingPersonRow[];
  donorRelationships: readonly DonorRelationshipRow[];
  identifications: readonly IdentificationRow[];
}

function ageAt(person: MissingPersonRow): number | null {
  if (!person.birthYear || !person.lastSeenOn) return null;
  return Number(person.lastSeenOn.slice(0, 4)) - person.birthYear;
}

export function buildAmPmRecords({ remains, missingPersons, donorRelationships, identifications }: Sources) {
  const random = createRandom(DEMO_RANDOM_SEED + 23);
  const identifiedBodies = new Set(identifications.map((row) => row.remainsId));
  const identifiedPersons = new Set(identifications.map((row) => row.missingPersonId));
  const bodies = remains.filter((body) => !identifiedBodies.has(body.id) && body.estimatedSex === "male" && body.ageMin != null && body.ageMax != null);
  const persons = missingPersons.filter((person) => !identifiedPersons.has(person.id) && (person.status ?? "missing") === "missing" && person.sex === "male");
  const featuredBody = bodies[0];
  if (!featuredBody || persons.length < 4) return { antemortemRecords: [], postmortemRecords: [] };
  const fits = (person: MissingPersonRow) => {
    const age = ageAt(person);
    return age !== null && age >= (featuredBody.ageMin ?? 0) && age <= (featuredBody.ageMax ?? 0);
  };
  const featuredPerson = persons.find(fits) ?? persons[0]!;
  const others = persons.filter((person) => person.id !== featuredPerson.id).slice(0, OTHER_PERSON_LISTS.length);
  const informant = donorRelationships.find((relation) => relation.missingPersonId === featuredPerson.id);

  const postmortemRecords: PostmortemRecordRow[] = [
    { id: random.uuid(), remainsId: featuredBody.id, statureMinCm: 170, statureMaxCm: 177, ...FEATURED_LISTS, dentalNotes: "", notes: DEMO_NOTE },
    ...bodies.slice(1, 1 + OTHER_BODY_LISTS.length).map((body, index) => ({
      id: random.uuid(),
      remainsId: body.id,
      statureMinCm: 160 + index * 4,
      statureMaxCm: 168 + index * 4,
      ...OTHER_BODY_LISTS[index]!,
      dentalNotes: "",
      notes: DEMO_NOTE,
    })),
  ];
  const antemortemRecords: AntemortemRecordRow[] = [
    {
      id: random.uuid(),
      missingPersonId: featuredPerson.id,
      ageAtDisappearance: ageAt(featuredPerson) ?? (featuredBody.ageMin ?? 30) + 2,
      heightMinCm: 173,
      heightMaxCm: 175,
      build: "medium",
      hair: "أسود قصير",
      eyeColour: "brown",
      ...FEATURED_LISTS,
      dentalNotes: "تاج على ضرس سفلي يسار",
      notes: DEMO_NOTE,
      informantDonorId: informant?.donorId ?? null,
      informantName: informant ? "" : "أخوه (بيانات تجريبية)",
      informedOn: INFORMED_ON,
    },
    ...others.map((person, index) => ({
      id: random.uuid(),
      missingPersonId: person.id,
      // The jacket-only person fits the featured body's age, so the body page shows a second, weaker lead.
      ageAtDisappearance: index === 0 ? (featuredBody.ageMin ?? 30) + 1 : ageAt(person),
      heightMinCm: 165 + index * 3,
      heightMaxCm: 170 + index * 3,
      build: "slight",
      hair: "",
      eyeColour: "unknown",
      ...OTHER_PERSON_LISTS[index]!,
      dentalNotes: "",
      notes: DEMO_NOTE,
      informantDonorId: null,
      informantName: "قريب (بيانات تجريبية)",
      informedOn: INFORMED_ON,
    })),
  ];
  return { antemortemRecords, postmortemRecords };
}
