"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordReceiptPrint } from "@/lib/people/receipts";
import { advanceLabStatus, collectReferenceSample } from "@/lib/people/samples";
import { labStatusSchema, printReceiptSchema, referenceSampleSchema } from "@/lib/people/schemas";

export const collectSample = defineAction("samples.collect", referenceSampleSchema, collectReferenceSample);
export const changeLabStatus = defineAction("samples.advanceLabStatus", labStatusSchema, advanceLabStatus);
export const printCollectionReceipt = defineAction("samples.printReceipt", printReceiptSchema, recordReceiptPrint);
