import type { dnaSamples } from "@/db/schema";
import type { LabStatusValues } from "./schemas";

type LabStatus = (typeof dnaSamples.$inferSelect)["labStatus"];

const ORDER: readonly LabStatus[] = ["collected", "shipped", "received", "profiled"];

/** Forward only: a later step, or failed from any step that has not ended. */
export function canMoveTo(current: LabStatus, next: LabStatus): boolean {
  if (current === "profiled" || current === "failed") return false;
  if (next === "failed") return true;
  return ORDER.indexOf(next) > ORDER.indexOf(current);
}

/** The next steps a form may offer for a sample in `current`. */
export function nextLabSteps(current: LabStatus): LabStatus[] {
  return (["shipped", "received", "profiled", "failed"] as const).filter((next) => canMoveTo(current, next));
}

export function labStepColumns(values: LabStatusValues): Partial<typeof dnaSamples.$inferInsert> {
  const laboratory = values.laboratory === "" ? {} : { laboratory: values.laboratory };
  switch (values.labStatus) {
    case "shipped":
      return { labStatus: "shipped", shippedOn: values.on, ...laboratory };
    case "received":
      return { labStatus: "received", receivedOn: values.on, ...laboratory };
    case "profiled":
      return { labStatus: "profiled", profiledOn: values.on, ...laboratory };
    case "failed":
      return { labStatus: "failed", failedOn: values.on, failureReason: values.failureReason, ...laboratory };
  }
}
