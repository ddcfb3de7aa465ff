"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createPoliceReport as createPoliceReportRecord } from "@/lib/people/police-reports";
import { policeReportSchema } from "@/lib/people/schemas";

export const createPoliceReport = defineAction("reports.create", policeReportSchema, createPoliceReportRecord);
