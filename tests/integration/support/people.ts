import type { DonorValues, FamilyValues, NewMissingPersonValues, ReferenceSampleValues } from "@/lib/people/schemas";
import { uniqueSuffix } from "./factories";

let familySequence = 0;
let barcodeSequence = 0;

/** A family reference no other test in this database uses (TRH-F-9xxx keeps clear of real numbering). */
export function familyInput(overrides: Partial<FamilyValues> = {}): FamilyValues {
  familySequence += 1;
  return {
    reference: `TRH-F-${String(9000 + familySequence)}`,
    contactName: "سالم عمر الرماني",
    phone: "+218 91 555 0101",
    area: "الحي الشرقي",
    ...overrides,
  };
}

const ARABIC_LETTERS = "بتثجحخدذرزسشصضطظ";

/** A family name no other test shares, so duplicate checks in one test never see another's people. */
export function uniqueFamilyName(): string {
  const letters = [...uniqueSuffix()].map((hexDigit) => ARABIC_LETTERS[Number.parseInt(hexDigit, 16)] ?? "ب");
  return `ال${letters.join("")}`;
}

export function missingPersonInput(overrides: Partial<NewMissingPersonValues> = {}): NewMissingPersonValues {
  return {
    familyId: "",
    givenName: "أحمد",
    fatherName: "محمد",
    grandfatherName: "علي",
    familyName: uniqueFamilyName(),
    nameLatin: "",
    sex: "male",
    birthYear: "1980",
    lastSeenOn: "2019-06-01",
    lastSeenPlace: "السوق",
    circumstances: "",
    duplicatesReviewed: true,
    ...overrides,
  };
}

export function nextBarcode(): string {
  barcodeSequence += 1;
  return `TRH-DNA-R-${String(900000 + barcodeSequence)}`;
}

export function sampleInput(donorId: string, overrides: Partial<ReferenceSampleValues> = {}): ReferenceSampleValues {
  return {
    donorId,
    barcode: nextBarcode(),
    collectedOn: "2024-03-01",
    collectedByName: "فريق الجمع",
    consentGiven: true,
    consentScope: "identification_only",
    consentFormRef: "CF-2024-001",
    ...overrides,
  };
}

export function unwrap<Data>(result: { ok: true; data: Data } | { ok: false }): Data {
  if (!result.ok) throw new Error(`the action was refused: ${JSON.stringify(result)}`);
  return result.data;
}

/** A mother giving a reference sample for one missing person of her family. */
export function motherDonorInput(familyId: string, missingPersonId: string, overrides: Partial<DonorValues> = {}): DonorValues {
  return {
    familyId,
    givenName: "عائشة",
    fatherName: "سالم",
    grandfatherName: "",
    familyName: "الرماني",
    nameLatin: "",
    sex: "female",
    phone: "",
    relationships: [{ missingPersonId, relationship: "mother" }],
    ...overrides,
  };
}
