import { describe, expect, it } from "vitest";
import { AGE_TOLERANCE_YEARS, compareProfiles, rankCandidates, STATURE_TOLERANCE_CM, type ComparableProfile } from "@/lib/am-pm/comparison";
import { postmortemProfile } from "@/lib/am-pm/profiles";

const blank: ComparableProfile = { sex: "unknown", ageMin: null, ageMax: null, statureMin: null, statureMax: null, marks: [], teeth: [], medical: [], belongings: [] };
const profile = (values: Partial<ComparableProfile>): ComparableProfile => ({ ...blank, ...values });

const blueShirt = { category: "clothing_upper", colour: "blue", material: "cotton" } as const;

describe("the AM/PM comparison's exclusions", () => {
  it("excludes a man's record against a woman's body, whatever else agrees", () => {
    const result = compareProfiles(profile({ sex: "male", belongings: [blueShirt] }), profile({ sex: "female", belongings: [blueShirt] }));
    expect(result.excluded).toBe(true);
    expect(result.isLead).toBe(false);
    expect(result.exclusions.map((reason) => reason.kind)).toEqual(["sexMismatch"]);
  });

  it("does not exclude when either side's sex is unknown", () => {
    expect(compareProfiles(profile({ sex: "male" }), profile({ sex: "unknown" })).excluded).toBe(false);
  });

  it("excludes an age at disappearance beyond the examiners' range plus the tolerance, and keeps one within it", () => {
    const body = profile({ ageMin: 30, ageMax: 40 });
    expect(compareProfiles(profile({ ageMin: 40 + AGE_TOLERANCE_YEARS, ageMax: 40 + AGE_TOLERANCE_YEARS }), body).excluded).toBe(false);
    const tooOld = compareProfiles(profile({ ageMin: 41 + AGE_TOLERANCE_YEARS, ageMax: 41 + AGE_TOLERANCE_YEARS }), body);
    expect(tooOld.exclusions.map((reason) => reason.kind)).toEqual(["ageOutside"]);
    expect(compareProfiles(profile({ ageMin: 29 - AGE_TOLERANCE_YEARS, ageMax: 29 - AGE_TOLERANCE_YEARS }), body).excluded).toBe(true);
  });

  it("excludes a height range that misses the stature range by more than the tolerance", () => {
    const body = profile({ statureMin: 165, statureMax: 172 });
    expect(compareProfiles(profile({ statureMin: 177, statureMax: 180 }), body).excluded).toBe(false);
    expect(compareProfiles(profile({ statureMin: 172 + STATURE_TOLERANCE_CM + 1, statureMax: 185 }), body).exclusions.map((reason) => reason.kind)).toEqual(["statureOutside"]);
    expect(compareProfiles(profile({ statureMin: 150, statureMax: 165 - STATURE_TOLERANCE_CM - 1 }), body).excluded).toBe(true);
  });

  it("treats a missing bound as open", () => {
    expect(compareProfiles(profile({ statureMin: 190, statureMax: null }), profile({ statureMin: null, statureMax: 160 })).excluded).toBe(true);
    expect(compareProfiles(profile({ statureMin: 190, statureMax: null }), profile({ statureMin: 170, statureMax: null })).excluded).toBe(false);
  });
});

describe("the AM/PM comparison's evidence and reasons", () => {
  it("scores an item by category, colour and material, and says which agreed", () => {
    const full = compareProfiles(profile({ belongings: [blueShirt] }), profile({ belongings: [blueShirt] }));
    expect(full.reasons).toEqual([{ kind: "belongingMatch", points: 4, category: "clothing_upper", colour: "blue", material: "cotton" }]);
    const colourOnly = compareProfiles(profile({ belongings: [blueShirt] }), profile({ belongings: [{ ...blueShirt, material: "synthetic" }] }));
    expect(colourOnly.reasons).toEqual([{ kind: "belongingMatch", points: 3, category: "clothing_upper", colour: "blue", material: null }]);
    const categoryOnly = compareProfiles(profile({ belongings: [blueShirt] }), profile({ belongings: [{ ...blueShirt, colour: "unknown" }] }));
    expect(categoryOnly.reasons).toEqual([{ kind: "belongingMatch", points: 1, category: "clothing_upper", colour: null, material: null }]);
  });

  it("does not match an item of another colour, and counts one found item once", () => {
    expect(compareProfiles(profile({ belongings: [blueShirt] }), profile({ belongings: [{ ...blueShirt, colour: "red" }] })).reasons).toEqual([]);
    const twoShirts = compareProfiles(profile({ belongings: [blueShirt, blueShirt] }), profile({ belongings: [blueShirt] }));
    expect(twoShirts.reasons).toHaveLength(1);
  });

  it("counts a mark only at the same body region, and a treated tooth at the same FDI number", () => {
    const am = profile({ marks: [{ type: "scar", region: "left_arm" }], teeth: [{ tooth: 36, condition: "crowned" }] });
    const result = compareProfiles(am, profile({ marks: [{ type: "scar", region: "left_arm" }, { type: "tattoo", region: "chest" }], teeth: [{ tooth: 36, condition: "crowned" }, { tooth: 11, condition: "missing" }] }));
    expect(result.reasons).toEqual([
      { kind: "markMatch", points: 5, type: "scar", region: "left_arm" },
      { kind: "toothMatch", points: 4, tooth: 36, am: "crowned", pm: "crowned" },
    ]);
    expect(compareProfiles(am, profile({ marks: [{ type: "scar", region: "right_arm" }] })).reasons).toEqual([]);
  });

  it("lists a natural tooth where the family said it was missing as a conflict that lowers the score", () => {
    const result = compareProfiles(
      profile({ teeth: [{ tooth: 21, condition: "missing" }], medical: [{ kind: "healed_fracture", region: "right_leg" }] }),
      profile({ teeth: [{ tooth: 21, condition: "present" }], medical: [{ kind: "healed_fracture", region: "right_leg" }] }),
    );
    expect(result.reasons).toEqual([
      { kind: "toothConflict", points: -4, tooth: 21, am: "missing", pm: "present" },
      { kind: "medicalMatch", points: 4, findingKind: "healed_fracture", region: "right_leg" },
    ]);
    expect(result.score).toBe(0);
    expect(result.isLead).toBe(false);
  });

  it("does not make a lead of sex, age and stature agreement alone", () => {
    const result = compareProfiles(profile({ sex: "male", ageMin: 30, ageMax: 30, statureMin: 170, statureMax: 175 }), profile({ sex: "male", ageMin: 25, ageMax: 35, statureMin: 168, statureMax: 176 }));
    expect(result.reasons.map((reason) => reason.kind)).toEqual(["sexMatch", "ageConsistent", "statureConsistent"]);
    expect(result.score).toBe(3);
    expect(result.isLead).toBe(false);
  });
});

describe("ranking candidates", () => {
  const body = profile({ sex: "male", ageMin: 25, ageMax: 35, belongings: [blueShirt, { category: "watch", colour: "silver", material: "metal" }], marks: [{ type: "tattoo", region: "right_arm" }] });
  const candidates = [
    { subject: "shirt only", profile: profile({ sex: "male", ageMin: 30, ageMax: 30, belongings: [blueShirt] }) },
    { subject: "a woman", profile: profile({ sex: "female", belongings: [blueShirt], marks: [{ type: "tattoo", region: "right_arm" }] }) },
    { subject: "too young", profile: profile({ sex: "male", ageMin: 12, ageMax: 12, belongings: [blueShirt] }) },
    { subject: "nothing in common", profile: profile({ sex: "male" }) },
    { subject: "shirt, watch and tattoo", profile: profile({ sex: "male", ageMin: 28, ageMax: 28, belongings: [blueShirt, { category: "watch", colour: "silver", material: "metal" }], marks: [{ type: "tattoo", region: "right_arm" }] }) },
  ];

  it("puts the best-agreeing person first, leaves out the excluded and the evidence-free, and counts the excluded", () => {
    const ranking = rankCandidates(body, "pm", candidates, 10);
    expect(ranking.leads.map((lead) => [lead.subject, lead.score])).toEqual([
      ["shirt, watch and tattoo", 1 + 1 + 4 + 4 + 5],
      ["shirt only", 1 + 1 + 4],
    ]);
    expect(ranking.excluded).toBe(2);
    expect(ranking.compared).toBe(5);
  });

  it("ranks bodies for a person the same way (the AM side given first)", () => {
    const person = candidates[4]!.profile;
    const bodies = [
      { subject: "B002 woman", profile: profile({ sex: "female", belongings: [blueShirt] }) },
      { subject: "B001 shirt", profile: profile({ sex: "male", belongings: [blueShirt] }) },
      { subject: "B003 all", profile: body },
    ];
    const ranking = rankCandidates(person, "am", bodies, 10);
    expect(ranking.leads.map((lead) => lead.subject)).toEqual(["B003 all", "B001 shirt"]);
    expect(ranking.excluded).toBe(1);
  });

  it("keeps only as many leads as asked", () => {
    expect(rankCandidates(body, "pm", candidates, 1).leads.map((lead) => lead.subject)).toEqual(["shirt, watch and tattoo"]);
  });
});

describe("a body's effects in its profile", () => {
  const body = { estimatedSex: "male", ageMin: 30, ageMax: 40 } as const;

  it("counts an effect with the colour and material staff gave it in the catalogue", () => {
    const pm = postmortemProfile(body, null, [{ kind: "clothing", category: "clothing_upper", colour: "blue", material: "cotton" }]);
    expect(compareProfiles(profile({ belongings: [blueShirt] }), pm).reasons).toEqual([{ kind: "belongingMatch", points: 4, category: "clothing_upper", colour: "blue", material: "cotton" }]);
  });

  it("counts an effect without catalogue words by its kind's category alone", () => {
    const pm = postmortemProfile(body, null, [{ kind: "car_key", category: null, colour: null, material: null }]);
    expect(pm.belongings).toEqual([{ category: "keys", colour: "unknown", material: "unknown", description: "" }]);
  });
});
