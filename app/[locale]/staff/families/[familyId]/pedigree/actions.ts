"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addPedigreePerson, createPedigreeFromLabels, removePedigreePerson, setPedigreePerson } from "@/lib/pedigrees/pedigree-edits";
import { addPedigreePersonSchema, createPedigreeSchema, removePedigreePersonSchema, setPedigreePersonSchema } from "@/lib/pedigrees/schemas";

export const createPedigree = defineAction("pedigree.create", createPedigreeSchema, createPedigreeFromLabels);

export const addPersonToPedigree = defineAction("pedigree.addPerson", addPedigreePersonSchema, addPedigreePerson);

export const updatePedigreePerson = defineAction("pedigree.updatePerson", setPedigreePersonSchema, setPedigreePerson);

export const removePersonFromPedigree = defineAction("pedigree.removePerson", removePedigreePersonSchema, removePedigreePerson);
