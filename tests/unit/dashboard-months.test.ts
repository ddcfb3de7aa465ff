import { describe, expect, it } from "vitest";
import { monthsBetween } from "@/lib/dashboard/activity";

describe("monthsBetween", () => {
  it("lists every month across a year's end, quiet ones included", () => {
    expect(monthsBetween("2020-11", "2021-02")).toEqual(["2020-11", "2020-12", "2021-01", "2021-02"]);
  });

  it("gives one month when the first is the last", () => {
    expect(monthsBetween("2022-05", "2022-05")).toEqual(["2022-05"]);
  });
});
