"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordOfficeConsent, withdrawDataConsent } from "@/lib/online-reports/consents";
import { acceptReportSchema, recordConsentSchema, rejectReportSchema, withdrawDataConsentSchema } from "@/lib/online-reports/schemas";
import { acceptOnlineReport, rejectOnlineReport } from "@/lib/online-reports/triage";

export const acceptReport = defineAction("onlineReports.accept", acceptReportSchema, acceptOnlineReport);
export const rejectReport = defineAction("onlineReports.reject", rejectReportSchema, rejectOnlineReport);
export const recordConsent = defineAction("consents.record", recordConsentSchema, recordOfficeConsent);
export const withdrawConsent = defineAction("consents.withdraw", withdrawDataConsentSchema, withdrawDataConsent);
