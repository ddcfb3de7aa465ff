"use server";

import { defineAction } from "@/lib/actions/define-action";
import { mergeMissingPersons } from "@/lib/people/merge";
import { createMissingPerson as createMissingPersonRecord, updateMissingPerson as updateMissingPersonRecord } from "@/lib/people/missing-persons";
import { mergeSchema, newMissingPersonSchema, updateMissingPersonSchema } from "@/lib/people/schemas";
import { allocateCaseNumber } from "@/lib/people/sequences";

export const createMissingPerson = defineAction("persons.create", newMissingPersonSchema, (context) =>
  createMissingPersonRecord(context, allocateCaseNumber),
);
export const updateMissingPerson = defineAction("persons.update", updateMissingPersonSchema, updateMissingPersonRecord);
export const mergeDuplicatePersons = defineAction("persons.merge", mergeSchema, mergeMissingPersons);
