"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createDonor } from "@/lib/people/donors";
import { createFamily as createFamilyRecord } from "@/lib/people/families";
import { donorSchema, familySchema } from "@/lib/people/schemas";

export const createFamily = defineAction("families.create", familySchema, createFamilyRecord);
export const addReferenceDonor = defineAction("donors.create", donorSchema, createDonor);
