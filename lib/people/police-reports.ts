import { and, inArray, isNull } from "drizzle-orm";
import { missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import type { PoliceReportValues } from "./schemas";
import { refusingDuplicate } from "./unique-field";

/** A report names one or many people; a merged record's reports belong to the person it became. */
export async function createPoliceReport({ input, tx, audit }: ActionContext<PoliceReportValues>): Promise<{ reportId: string }> {
  const missingPersonIds = [...new Set(input.missingPersonIds)];
  const named = await tx
    .select({ id: missingPersons.id })
    .from(missingPersons)
    .where(and(inArray(missingPersons.id, missingPersonIds), isNull(missingPersons.mergedIntoId), isNull(missingPersons.voidedAt)));
  if (named.length !== missingPersonIds.length) {
    throw new ActionRefusal("invalid", "Actions.invalid", { missingPersonIds: "invalidChoice" });
  }
  const reportValues = {
    station: input.station,
    reportNumber: input.reportNumber,
    filedOn: input.filedOn,
    reporterName: input.reporterName,
    reporterRelationship: input.reporterRelationship,
    category: input.category,
    narrative: input.narrative,
  };
  const [report] = await refusingDuplicate("reportNumber", "reportNumberTaken", () =>
    tx.insert(policeReports).values(reportValues).returning(),
  );
  if (!report) throw new Error("police report was not inserted");
  await tx.insert(policeReportPersons).values(missingPersonIds.map((missingPersonId) => ({ reportId: report.id, missingPersonId })));
  await audit({ action: "policeReport.create", entity: "police_report", entityId: report.id, after: { ...report, missingPersonIds } });
  return { reportId: report.id };
}
