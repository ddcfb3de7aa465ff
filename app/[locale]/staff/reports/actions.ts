"use server";

import { defineAction } from "@/lib/actions/define-action";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { createPoliceReport as createPoliceReportRecord } from "@/lib/people/police-reports";
import { policeReportSchema } from "@/lib/people/schemas";
import { allocateCaseNumber } from "@/lib/people/sequences";
import { updatePoliceReport as updatePoliceReportRecord, voidPoliceReport as voidPoliceReportRecord } from "@/lib/reports/report-edits";
import { updatePoliceReportSchema } from "@/lib/reports/schemas";

export const createPoliceReport = defineAction("reports.create", policeReportSchema, (context) =>
  createPoliceReportRecord(context, allocateCaseNumber),
);
export const updatePoliceReport = defineAction("reports.update", updatePoliceReportSchema, updatePoliceReportRecord);
export const voidPoliceReport = defineAction("reports.void", voidRecordSchema, voidPoliceReportRecord);
