"use server";

import { defineAction } from "@/lib/actions/define-action";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { updateDonor } from "@/lib/people/donor-edits";
import { createDonor } from "@/lib/people/donors";
import { updateDonorSchema, updateFamilySchema } from "@/lib/people/edit-schemas";
import { updateFamily as updateFamilyRecord } from "@/lib/people/family-edits";
import { createFamily as createFamilyRecord } from "@/lib/people/families";
import { recordInvitationPrint } from "@/lib/people/sample-invitation";
import { donorSchema, familySchema, printInvitationSchema } from "@/lib/people/schemas";
import { voidDonorRecord, voidFamilyRecord } from "@/lib/people/void-people-record";

export const createFamily = defineAction("families.create", familySchema, createFamilyRecord);
export const updateFamily = defineAction("families.update", updateFamilySchema, updateFamilyRecord);
export const voidFamily = defineAction("families.void", voidRecordSchema, voidFamilyRecord);
export const addReferenceDonor = defineAction("donors.create", donorSchema, createDonor);
export const updateReferenceDonor = defineAction("donors.update", updateDonorSchema, updateDonor);
export const voidReferenceDonor = defineAction("donors.void", voidRecordSchema, voidDonorRecord);
export const printSampleInvitation = defineAction("donors.printInvitation", printInvitationSchema, recordInvitationPrint);
