import { describe, expect, it } from "vitest";
import { findMismatches, mismatchMessageKey } from "@/lib/identifications/fit";

const man = { sex: "male" as const, birthYear: 1988, lastSeenOn: "2019-11-17" };
const bodyOfYoungMan = { estimatedSex: "male" as const, ageMin: 21, ageMax: 37 };

describe("whether a body fits a missing person", () => {
  it("finds nothing amiss when sex and age at disappearance agree", () => {
    expect(findMismatches(bodyOfYoungMan, man)).toEqual([]);
  });

  it("names a different sex, and ignores an unknown one on either side", () => {
    expect(findMismatches({ ...bodyOfYoungMan, estimatedSex: "female" }, man)).toEqual(["sex"]);
    expect(findMismatches({ ...bodyOfYoungMan, estimatedSex: "unknown" }, man)).toEqual([]);
    expect(findMismatches(bodyOfYoungMan, { ...man, sex: "unknown" })).toEqual([]);
  });

  it("allows a year either way for a birth year against a date, and no more", () => {
    expect(findMismatches({ ...bodyOfYoungMan, ageMin: 32, ageMax: 40 }, man)).toEqual([]);
    expect(findMismatches({ ...bodyOfYoungMan, ageMin: 33, ageMax: 40 }, man)).toEqual(["age"]);
    expect(findMismatches({ ...bodyOfYoungMan, ageMin: 20, ageMax: 30 }, man)).toEqual([]);
    expect(findMismatches({ ...bodyOfYoungMan, ageMin: 20, ageMax: 29 }, man)).toEqual(["age"]);
  });

  it("does not judge an age it cannot know", () => {
    expect(findMismatches(bodyOfYoungMan, { ...man, birthYear: null })).toEqual([]);
    expect(findMismatches({ ...bodyOfYoungMan, ageMin: null, ageMax: null }, { ...man, birthYear: 1940 })).toEqual([]);
  });

  it("words the warning after what differs", () => {
    expect(mismatchMessageKey(["sex"])).toBe("Identifications.mismatchSex");
    expect(mismatchMessageKey(["age"])).toBe("Identifications.mismatchAge");
    expect(mismatchMessageKey(["sex", "age"])).toBe("Identifications.mismatchSexAndAge");
  });
});
