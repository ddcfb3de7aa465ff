"use server";

import { defineAction } from "@/lib/actions/define-action";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { updateReferenceSampleSchema } from "@/lib/people/edit-schemas";
import { recordReceiptPrint } from "@/lib/people/receipts";
import { updateReferenceSample } from "@/lib/people/sample-edits";
import { advanceLabStatus, collectReferenceSample } from "@/lib/people/samples";
import { withdrawSampleConsent } from "@/lib/people/consent-withdrawal";
import { labStatusSchema, printReceiptSchema, referenceSampleSchema, withdrawConsentSchema } from "@/lib/people/schemas";
import { voidReferenceSampleRecord } from "@/lib/people/void-people-record";

export const collectSample = defineAction("samples.collect", referenceSampleSchema, collectReferenceSample);
export const updateSample = defineAction("samples.update", updateReferenceSampleSchema, updateReferenceSample);
export const voidSample = defineAction("samples.void", voidRecordSchema, voidReferenceSampleRecord);
export const changeLabStatus = defineAction("samples.advanceLabStatus", labStatusSchema, advanceLabStatus);
export const printCollectionReceipt = defineAction("samples.printReceipt", printReceiptSchema, recordReceiptPrint);
export const withdrawConsent = defineAction("samples.withdrawConsent", withdrawConsentSchema, withdrawSampleConsent);
