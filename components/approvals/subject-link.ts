/** Where a request's record is shown to staff; an import is listed on the import page. */
export function subjectHref(entity: string, id: string): string | null {
  switch (entity) {
    case "grave_site":
      return `/staff/sites/${id}`;
    case "remains":
      return `/staff/remains/${id}`;
    case "missing_person":
      return `/staff/persons/${id}`;
    case "identification":
      return `/staff/identifications/${id}`;
    case "dna_sample":
      return `/staff/samples/${id}`;
    case "spreadsheet_import":
      return "/staff/import";
    default:
      return null;
  }
}
