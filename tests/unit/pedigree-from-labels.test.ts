import { describe, expect, it } from "vitest";
import { pedigreeFromLabels, type RelationshipLabel } from "@/lib/pedigrees/from-labels";
import { pedigreeProblem, type StoredPedigreePerson } from "@/lib/pedigrees/validation";

const MP1 = { id: "mp-1", sex: "male" as const };
const MP2 = { id: "mp-2", sex: "male" as const };
const label = (donorId: string, missingPersonId: string, relationship: RelationshipLabel["relationship"], side: RelationshipLabel["side"] = null): RelationshipLabel => ({
  donorId,
  missingPersonId,
  relationship,
  side,
});

describe("a family's pedigree drawn up from its relationship labels", () => {
  it("makes one person of a donor who is two missing brothers' mother, and one father of the placeholders a full sibling of both implies", () => {
    const donors = [{ id: "mother", sex: "female" as const }, { id: "sister", sex: "female" as const }];
    const labels = [label("mother", "mp-1", "mother"), label("mother", "mp-2", "mother"), label("sister", "mp-1", "full_sibling"), label("sister", "mp-2", "full_sibling")];
    const { persons, warnings } = pedigreeFromLabels([MP1, MP2], donors, labels);
    const by = (key: string) => persons.find((person) => person.key === key);
    expect(warnings).toEqual([]);
    expect(by("m:mp-1")?.mother).toBe("d:mother");
    expect(by("m:mp-2")?.mother).toBe("d:mother");
    expect(by("d:sister")?.mother).toBe("d:mother");
    // The sister's father is both brothers' father: one untyped person, not two.
    expect(by("m:mp-1")?.father).toBeTruthy();
    expect(by("m:mp-1")?.father).toBe(by("m:mp-2")?.father);
    expect(by("d:sister")?.father).toBe(by("m:mp-1")?.father);
    expect(persons).toHaveLength(5);
  });

  it("keeps every registered person, and returns the label it cannot place (a second mother) and a side it had to assume as warnings", () => {
    const donors = [{ id: "first", sex: "female" as const }, { id: "second", sex: "female" as const }, { id: "grandfather", sex: "male" as const }];
    const labels = [label("second", "mp-1", "mother"), label("first", "mp-1", "mother"), label("grandfather", "mp-1", "grandparent")];
    const { persons, warnings } = pedigreeFromLabels([MP1], donors, labels);
    expect(persons.map((person) => person.key).sort()).toEqual(expect.arrayContaining(["d:first", "d:second", "d:grandfather", "m:mp-1"]));
    // The donor registered first (the donors' order) keeps the place, whatever the labels' order.
    expect(persons.find((person) => person.key === "m:mp-1")?.mother).toBe("d:first");
    expect(warnings).toEqual([
      expect.objectContaining({ donorId: "second", relationship: "mother" }),
      expect.objectContaining({ donorId: "grandfather", relationship: "grandparent", reason: expect.stringContaining("paternal") }),
    ]);
    const grandfather = persons.find((person) => person.key === "d:grandfather");
    const father = persons.find((person) => person.key === persons.find((person) => person.key === "m:mp-1")?.father);
    expect(father?.father).toBe(grandfather?.key);
  });

  it("refuses a donor recorded as a man as someone's mother, leaving him unplaced with a warning", () => {
    const { persons, warnings } = pedigreeFromLabels([MP1], [{ id: "man", sex: "male" }], [label("man", "mp-1", "mother")]);
    expect(persons.find((person) => person.key === "m:mp-1")?.mother).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ donorId: "man", relationship: "mother" })]);
  });
});

describe("the checks of a stored pedigree", () => {
  const person = (id: string, sex: StoredPedigreePerson["sex"], fatherId: string | null = null, motherId: string | null = null): StoredPedigreePerson => ({
    id,
    donorId: null,
    missingPersonId: null,
    sex,
    fatherId,
    motherId,
  });

  it("names the cycle's persons by their pedigree ids, a parent of the wrong sex, and a parent whose sex is not known", () => {
    expect(pedigreeProblem([person("a", "male", "b"), person("b", "male", "a")])).toEqual({ fault: "ownAncestor", persons: expect.arrayContaining(["a", "b"]) });
    expect(pedigreeProblem([person("a", "male", null, "b"), person("b", "male")])).toMatchObject({ fault: "parentSex" });
    expect(pedigreeProblem([person("a", "male", "b"), person("b", "unknown")])).toEqual({ fault: "parentSexUnknown", persons: ["a", "b"] });
    expect(pedigreeProblem([person("a", "male", "b", "c"), person("b", "male"), person("c", "female")])).toBeNull();
  });
});
