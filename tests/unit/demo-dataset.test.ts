import { describe, expect, it } from "vitest";
import { generateDemoDataset } from "@/lib/demo/generate";
import { buildNameSearch } from "@/lib/names/normalise-arabic";

const dataset = generateDemoDataset("hash");
const IDENTIFIED = ["confirmed", "family_notified", "remains_returned"];
const PUBLICLY_IDENTIFIED = ["family_notified", "remains_returned"];

describe("the demo dataset", () => {
  it("is the same on every run", () => {
    expect(generateDemoDataset("hash")).toEqual(dataset);
  });

  it("holds exactly 116 remains, none at a site that is only reported", () => {
    expect(dataset.remains).toHaveLength(116);
    const reported = new Set(dataset.graveSites.filter((site) => site.status === "reported").map((site) => site.id));
    expect(reported.size).toBeGreaterThan(0);
    expect(dataset.remains.some((body) => reported.has(body.siteId))).toBe(false);
  });

  it("codes each body after its site and recovers it after the site's discovery", () => {
    const sites = new Map(dataset.graveSites.map((site) => [site.id, site]));
    for (const body of dataset.remains) {
      const site = sites.get(body.siteId);
      expect(body.code).toMatch(new RegExp(`^${site?.code}-B\\d{3}$`));
      expect(body.recoveredOn > (site?.discoveredOn ?? "")).toBe(true);
      expect(body.ageMin ?? 0).toBeLessThanOrEqual(body.ageMax ?? 110);
    }
  });

  it("has six identifications whose family was told in person, one confirmed but not yet told, each confirmed by someone other than the proposer", () => {
    expect(dataset.identifications.filter((row) => PUBLICLY_IDENTIFIED.includes(row.status ?? ""))).toHaveLength(6);
    expect(dataset.identifications.filter((row) => row.status === "confirmed")).toHaveLength(1);
    const counted = dataset.identifications.filter((row) => IDENTIFIED.includes(row.status ?? ""));
    for (const row of counted) expect(row.confirmedBy).not.toBe(row.proposedBy);
    expect(dataset.identifications.filter((row) => row.status === "rejected").every((row) => row.rejectionReason)).toBe(true);
  });

  it("matches each identified body's estimated sex and age to the person", () => {
    const people = new Map(dataset.missingPersons.map((person) => [person.id, person]));
    const bodies = new Map(dataset.remains.map((body) => [body.id, body]));
    for (const row of dataset.identifications.filter((entry) => IDENTIFIED.includes(entry.status ?? ""))) {
      const person = people.get(row.missingPersonId);
      const body = bodies.get(row.remainsId);
      const age = Number(person?.lastSeenOn?.slice(0, 4)) - (person?.birthYear ?? 0);
      expect(body?.estimatedSex).toBe(person?.sex);
      expect(age).toBeGreaterThanOrEqual(body?.ageMin ?? Infinity);
      expect(age).toBeLessThanOrEqual(body?.ageMax ?? -Infinity);
    }
  });

  it("stores name_search as the normalised Arabic name", () => {
    for (const person of dataset.missingPersons.slice(0, 50)) {
      expect(person.nameSearch).toBe(
        buildNameSearch({
          givenName: person.givenName,
          fatherName: person.fatherName ?? "",
          grandfatherName: person.grandfatherName ?? "",
          familyName: person.familyName ?? "",
          nameLatin: person.nameLatin ?? "",
        }),
      );
    }
  });

  it("records consent for every reference sample and dates each lab step after the one before", () => {
    for (const sample of dataset.dnaSamples) {
      if (sample.kind === "reference") expect(sample.consentGiven && sample.consentScope && sample.consentDate).toBeTruthy();
      const steps = [sample.collectedOn, sample.shippedOn, sample.receivedOn, sample.profiledOn ?? sample.failedOn].filter(Boolean);
      expect([...steps].sort()).toEqual(steps);
    }
    expect(new Set(dataset.dnaSamples.map((sample) => sample.barcode)).size).toBe(dataset.dnaSamples.length);
  });

  it("numbers police reports uniquely per station", () => {
    const keys = dataset.policeReports.map((report) => `${report.station}|${report.reportNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(dataset.policeReports.length).toBeGreaterThanOrEqual(3001);
  });
});
