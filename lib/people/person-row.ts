/** The columns every person listing selects, as the database names them. */
export interface PersonRow {
  id: string;
  case_number: string;
  given_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  birth_year: number | null;
  family_reference: string | null;
}

/** A listed person as pages see them: shared by the search results and the duplicate candidates. */
export function personFromRow(row: PersonRow) {
  return {
    id: row.id,
    caseNumber: row.case_number,
    givenName: row.given_name,
    fatherName: row.father_name,
    grandfatherName: row.grandfather_name,
    familyName: row.family_name,
    birthYear: row.birth_year,
    familyReference: row.family_reference,
  };
}
