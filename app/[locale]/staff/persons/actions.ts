"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveAntemortemRecord } from "@/lib/am-pm/records";
import { antemortemSchema } from "@/lib/am-pm/schemas";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { mergeMissingPersons } from "@/lib/people/merge";
import { createMissingPerson as createMissingPersonRecord, updateMissingPerson as updateMissingPersonRecord } from "@/lib/people/missing-persons";
import { mergeSchema, newMissingPersonSchema, updateMissingPersonSchema } from "@/lib/people/schemas";
import { allocateCaseNumber } from "@/lib/people/sequences";
import { voidMissingPerson as voidMissingPersonRecord } from "@/lib/people/void-missing-person";

export const createMissingPerson = defineAction("persons.create", newMissingPersonSchema, (context) =>
  createMissingPersonRecord(context, allocateCaseNumber),
);
export const updateMissingPerson = defineAction("persons.update", updateMissingPersonSchema, updateMissingPersonRecord);
export const mergeDuplicatePersons = defineAction("persons.merge", mergeSchema, mergeMissingPersons);
export const voidMissingPerson = defineAction("persons.void", voidRecordSchema, voidMissingPersonRecord);
export const saveAntemortem = defineAction("antemortem.save", antemortemSchema, saveAntemortemRecord);
