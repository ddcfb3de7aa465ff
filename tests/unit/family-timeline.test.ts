import { describe, expect, it } from "vitest";
import { buildTimeline, type PersonFacts } from "@/lib/family-portal/timeline";

const base: PersonFacts = { registeredOn: "2020-07-01", samples: [], identification: null };
const profiled = { labStatus: "profiled" as const, collectedOn: "2021-03-01", profiledOn: "2021-05-01" };

function states(facts: PersonFacts) {
  return Object.fromEntries(buildTimeline(facts).steps.map((step) => [step.key, step.state]));
}

describe("a missing relative's timeline", () => {
  it("starts with the report and waits for a reference sample", () => {
    expect(states(base)).toMatchObject({ reported: "done", sampleReceived: "current", analysed: "pending", identified: "pending" });
    expect(buildTimeline(base).steps[0]?.date).toBe("2020-07-01");
  });

  it("shows the comparison in progress once a sample was profiled", () => {
    expect(states({ ...base, samples: [profiled] })).toMatchObject({ sampleReceived: "done", analysed: "done", comparison: "current", identified: "pending" });
  });

  it("asks for attention when every sample failed", () => {
    const timeline = buildTimeline({ ...base, samples: [{ labStatus: "failed", collectedOn: "2021-03-01", profiledOn: null }] });
    expect(timeline.steps.find((step) => step.key === "analysed")?.state).toBe("attention");
    expect(timeline.contactOffice).toBe(true);
  });

  it("says only that there is news, never 'not yet', for a confirmed identification the family was not yet told of", () => {
    const timeline = buildTimeline({ ...base, samples: [profiled], identification: { status: "confirmed", notifiedOn: null, returnedOn: null } });
    const withoutNews = states({ ...base, samples: [profiled] });
    expect(Object.fromEntries(timeline.steps.map((step) => [step.key, step.state]))).toEqual({ ...withoutNews, identified: "attention" });
    expect(timeline.steps.find((step) => step.key === "identified")?.date).toBeNull();
    expect(timeline).toMatchObject({ contactOffice: true, outcome: "news" });
  });

  it("names the outcome a family may know: none, informed in person, remains returned", () => {
    expect(buildTimeline(base).outcome).toBe("none");
    expect(buildTimeline({ ...base, identification: { status: "family_notified", notifiedOn: "2023-01-10", returnedOn: null } }).outcome).toBe("informed");
    expect(buildTimeline({ ...base, identification: { status: "remains_returned", notifiedOn: "2023-01-10", returnedOn: "2023-02-01" } }).outcome).toBe("returned");
  });

  it("shows the identification once the family was told in person, and the return", () => {
    expect(states({ ...base, samples: [profiled], identification: { status: "family_notified", notifiedOn: "2023-01-10", returnedOn: null } })).toMatchObject({ comparison: "done", identified: "done", returned: "pending" });
    expect(states({ ...base, identification: { status: "remains_returned", notifiedOn: "2023-01-10", returnedOn: "2023-02-01" } })).toMatchObject({ sampleReceived: "skipped", identified: "done", returned: "done" });
  });

  it("never says the DNA comparison was completed when the laboratory profiled no sample", () => {
    const notified = { status: "family_notified" as const, notifiedOn: "2023-01-10", returnedOn: null };
    const shippedOnly = [{ labStatus: "shipped" as const, collectedOn: "2021-03-01", profiledOn: null }];
    expect(states({ ...base, samples: shippedOnly, identification: notified }).comparison).toBe("skipped");
    expect(states({ ...base, identification: notified }).comparison).toBe("skipped");
    expect(states({ ...base, samples: [profiled], identification: notified }).comparison).toBe("done");
  });
});
