import "server-only";
import { missingPersons } from "@/db/schema";

/** A missing person as lists, pickers and pages name one: the record, its case number and the four name parts. */
export const personNameColumns = {
  id: missingPersons.id,
  caseNumber: missingPersons.caseNumber,
  givenName: missingPersons.givenName,
  fatherName: missingPersons.fatherName,
  grandfatherName: missingPersons.grandfatherName,
  familyName: missingPersons.familyName,
};
