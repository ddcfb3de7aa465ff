"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createPoliceReport as createPoliceReportRecord } from "@/lib/people/police-reports";
import { policeReportSchema } from "@/lib/people/schemas";
import { allocateCaseNumber } from "@/lib/people/sequences";

export const createPoliceReport = defineAction("reports.create", policeReportSchema, (context) =>
  createPoliceReportRecord(context, allocateCaseNumber),
);
