import { describe, expect, it } from "vitest";
import { parseFrequencyCsv, parseProfileCsv } from "@/lib/kinship/csv";

const LOCI = new Set(["TH01", "D21S11"]);

describe("the laboratory's profile file", () => {
  it("reads a homozygote given once or twice, microvariants, quotes and semicolons", () => {
    const { rows, errors } = parseProfileCsv('Barcode;Locus;Allele 1;Allele 2\n"S-1";TH01;9.3;\nS-1;D21S11;31.2;29\n', LOCI);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, barcode: "S-1", locus: "TH01", genotype: ["9.3", "9.3"] },
      { line: 3, barcode: "S-1", locus: "D21S11", genotype: ["29", "31.2"] },
    ]);
  });

  it("reports unknown loci, malformed alleles, missing cells and repeated loci by line", () => {
    const { rows, errors } = parseProfileCsv("S-1,TH01,6,7\nS-1,AMEL,X,Y\nS-1,D21S11,31..2,30\nS-2,TH01\nS-1,TH01,6,8\n", LOCI);
    expect(rows).toHaveLength(1);
    expect(errors.map((error) => [error.line, error.code, error.value])).toEqual([
      [2, "unknownLocus", "AMEL"],
      [3, "malformedAllele", "31..2, 30"],
      [4, "missingColumns", "S-2, TH01"],
      [5, "duplicate", "S-1 TH01"],
    ]);
  });
});

describe("a published frequency table file", () => {
  it("accepts decimal commas with semicolons and refuses frequencies outside (0, 1]", () => {
    const { rows, errors } = parseFrequencyCsv("locus;allele;frequency\nTH01;9.3;0,305\nTH01;6;0\nTH01;7;1.2\nTH01;8;x\n");
    expect(rows).toEqual([{ line: 2, locus: "TH01", allele: "9.3", frequency: 0.305 }]);
    expect(errors.map((error) => error.code)).toEqual(["badFrequency", "badFrequency", "badFrequency"]);
  });
});
