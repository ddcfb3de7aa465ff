import { addDays, randomDateBetween } from "./dates";
import type { Random } from "./random";
import type { DnaSampleRow } from "./types";

export type LabStatus = NonNullable<DnaSampleRow["labStatus"]>;

export const LABORATORY = "المختبر الشريك لتحليل الحمض النووي (تجريبي)";

const FAILURE_REASONS = [
  "كمية الحمض النووي المستخلصة غير كافية",
  "العينة متحللة ولم يُستخرج منها نمط كامل",
  "اشتباه في تلوث العينة؛ يلزم أخذ عينة جديدة",
];

/** Older samples have had time to be profiled; the recent ones are still on their way. */
const COLLECTION_WINDOWS: Readonly<Record<LabStatus, readonly [string, string]>> = {
  profiled: ["2020-09-01", "2023-12-31"],
  failed: ["2020-09-01", "2023-12-31"],
  received: ["2023-10-01", "2024-08-31"],
  shipped: ["2024-03-01", "2024-10-31"],
  collected: ["2024-06-01", "2024-12-31"],
};

export const REFERENCE_LAB_STATUSES = [
  ["profiled", 55],
  ["received", 12],
  ["shipped", 9],
  ["collected", 17],
  ["failed", 7],
] as const;

export function collectionDateFor(random: Random, status: LabStatus): string {
  const [from, to] = COLLECTION_WINDOWS[status];
  return randomDateBetween(random, from, to);
}

type LabFields = Pick<
  DnaSampleRow,
  "labStatus" | "laboratory" | "shippedOn" | "receivedOn" | "profiledOn" | "failedOn" | "failureReason"
>;

/** Every date the status implies, each after the one before: shipped, received, then a result. */
export function labTimeline(random: Random, collectedOn: string, labStatus: LabStatus): LabFields {
  if (labStatus === "collected") return { labStatus, laboratory: "" };
  const shippedOn = addDays(collectedOn, random.int(5, 60));
  if (labStatus === "shipped") return { labStatus, laboratory: LABORATORY, shippedOn };
  const receivedOn = addDays(shippedOn, random.int(2, 10));
  const fields = { labStatus, laboratory: LABORATORY, shippedOn, receivedOn };
  if (labStatus === "received") return fields;
  const resultOn = addDays(receivedOn, random.int(20, 120));
  if (labStatus === "profiled") return { ...fields, profiledOn: resultOn };
  return { ...fields, failedOn: resultOn, failureReason: random.pick(FAILURE_REASONS) };
}
