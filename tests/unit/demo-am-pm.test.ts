import { describe, expect, it } from "vitest";
import { rankCandidates } from "@/lib/am-pm/comparison";
import { antemortemProfile, postmortemProfile } from "@/lib/am-pm/profiles";
import { generateDemoDataset } from "@/lib/demo/generate";

const dataset = generateDemoDataset("not-a-real-hash");

function personProfiles() {
  return dataset.antemortemRecords.map((record) => {
    const person = dataset.missingPersons.find((candidate) => candidate.id === record.missingPersonId)!;
    const { ageAtDisappearance = null, heightMinCm = null, heightMaxCm = null, marks = [], teeth = [], medical = [], belongings = [] } = record;
    return { subject: person.id, profile: antemortemProfile({ sex: person.sex ?? "unknown", birthYear: person.birthYear ?? null, lastSeenOn: person.lastSeenOn ?? null }, { ageAtDisappearance, heightMinCm, heightMaxCm, marks, teeth, medical, belongings }) };
  });
}

function bodyProfiles() {
  return dataset.remains.map((body) => {
    const record = dataset.postmortemRecords.find((candidate) => candidate.remainsId === body.id);
    const kinds = dataset.personalEffects.filter((effect) => effect.remainsId === body.id).map((effect) => ({ kind: effect.kind, category: effect.category ?? null, colour: effect.colour ?? null, material: effect.material ?? null }));
    const facts = record && { statureMinCm: record.statureMinCm ?? null, statureMaxCm: record.statureMaxCm ?? null, marks: record.marks ?? [], teeth: record.teeth ?? [], medical: record.medical ?? [], belongings: record.belongings ?? [] };
    return { subject: body.id, profile: postmortemProfile({ estimatedSex: body.estimatedSex ?? "unknown", ageMin: body.ageMin ?? null, ageMax: body.ageMax ?? null }, facts ?? null, kinds) };
  });
}

describe("the demo's antemortem and postmortem records", () => {
  it("are synthetic and say so", () => {
    expect(dataset.antemortemRecords.length).toBeGreaterThanOrEqual(3);
    expect(dataset.postmortemRecords.length).toBeGreaterThanOrEqual(3);
    for (const record of [...dataset.antemortemRecords, ...dataset.postmortemRecords]) expect(record.notes).toContain("synthetic demo");
  });

  it("hold one pair the comparison ranks first both ways", () => {
    const [featuredPerson] = dataset.antemortemRecords;
    const [featuredBody] = dataset.postmortemRecords;
    const bodies = bodyProfiles();
    const persons = personProfiles();
    const body = bodies.find((candidate) => candidate.subject === featuredBody!.remainsId)!;
    const person = persons.find((candidate) => candidate.subject === featuredPerson!.missingPersonId)!;
    const forBody = rankCandidates(body.profile, "pm", persons, 10);
    expect(forBody.leads[0]?.subject).toBe(featuredPerson!.missingPersonId);
    expect(forBody.leads.length).toBeGreaterThan(1);
    expect(rankCandidates(person.profile, "am", bodies, 10).leads[0]?.subject).toBe(featuredBody!.remainsId);
  });
});
