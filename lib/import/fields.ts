/** What a spreadsheet can be imported as. */
export const IMPORT_KINDS = ["policeReports", "missingPersons"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  key: string;
  required: boolean;
  /** The template's header: Arabic first, then English, as staff see both. */
  headerAr: string;
  headerEn: string;
  /** Other headers police registers and older spreadsheets use for the same column. */
  aliases: readonly string[];
  /** A plausible value for the template's example row. */
  example: string;
}

/**
 * The office's own running number in its register ("الرقم", restarting in every list): kept with the
 * record as where it came from, never taken for a registry case number or report number.
 */
const sourceReferenceField: ImportField = {
  key: "sourceReference",
  required: false,
  headerAr: "الرقم في السجل",
  headerEn: "Register serial",
  aliases: ["الرقم", "م", "ر م", "ت", "الرقم التسلسلي", "رقم تسلسلي", "التسلسل", "serial", "serial no", "no", "#", "s n"],
  example: "1",
};

const policeReportFields: readonly ImportField[] = [
  { key: "reportNumber", required: true, headerAr: "رقم البلاغ", headerEn: "Report number", aliases: ["report no", "report", "رقم المحضر", "البلاغ"], example: "1442/2020" },
  { key: "station", required: false, headerAr: "مركز الشرطة", headerEn: "Police station", aliases: ["station", "المركز"], example: "مركز شرطة ترهونة" },
  { key: "filedOn", required: true, headerAr: "تاريخ البلاغ", headerEn: "Filed on", aliases: ["date filed", "report date", "date", "التاريخ"], example: "2020-07-14" },
  { key: "reporterName", required: true, headerAr: "اسم المبلغ", headerEn: "Reporter name", aliases: ["reporter", "المبلغ"], example: "سالم علي الترهوني" },
  { key: "reporterPhone", required: false, headerAr: "هاتف المبلغ", headerEn: "Reporter phone", aliases: ["الهاتف", "رقم الهاتف", "هاتف", "النقال", "phone", "mobile"], example: "+218912345678" },
  { key: "reporterRelationship", required: false, headerAr: "صلة المبلغ", headerEn: "Reporter relationship", aliases: ["relationship", "صلة القرابة", "القرابة"], example: "أخ" },
  { key: "category", required: true, headerAr: "نوع البلاغ", headerEn: "Category", aliases: ["type", "النوع", "التصنيف"], example: "disappearance" },
  { key: "narrative", required: false, headerAr: "الوقائع", headerEn: "Narrative", aliases: ["details", "description", "التفاصيل", "ملخص"], example: "" },
  { key: "caseNumbers", required: false, headerAr: "أرقام الحالات", headerEn: "Case numbers", aliases: ["case number", "رقم الحالة"], example: "TRH-MP-00001" },
  // The names of the people a report is about, as registers write them: several in one cell.
  { key: "missingNames", required: false, headerAr: "أسماء المفقودين", headerEn: "Names of the missing", aliases: ["المفقودون", "المفقود", "اسم المفقود", "اسماء المفقودين", "الأسماء", "missing persons", "missing names", "names"], example: "محمد علي سالم الترهوني و أحمد علي سالم الترهوني" },
  sourceReferenceField,
];

const missingPersonFields: readonly ImportField[] = [
  // Left empty, the registry allocates the next case number, as the form does.
  { key: "caseNumber", required: false, headerAr: "رقم الحالة", headerEn: "Case number", aliases: ["case no", "case", "رقم القضية"], example: "TRH-MP-09001" },
  // A register's one name cell is split into the parts; either it or the given name is needed.
  { key: "fullName", required: false, headerAr: "الاسم الكامل", headerEn: "Full name", aliases: ["full name", "الاسم الرباعي", "الاسم الثلاثي", "اسم المفقود", "الاسم بالكامل"], example: "" },
  { key: "givenName", required: false, headerAr: "الاسم", headerEn: "Given name", aliases: ["first name", "name", "الاسم الأول"], example: "محمد" },
  { key: "fatherName", required: false, headerAr: "اسم الأب", headerEn: "Father's name", aliases: ["father name", "father", "الأب"], example: "علي" },
  { key: "grandfatherName", required: false, headerAr: "اسم الجد", headerEn: "Grandfather's name", aliases: ["grandfather name", "grandfather", "الجد"], example: "سالم" },
  { key: "familyName", required: false, headerAr: "اللقب", headerEn: "Family name", aliases: ["surname", "tribe", "family", "العائلة", "اسم العائلة", "القبيلة"], example: "الترهوني" },
  { key: "nameLatin", required: false, headerAr: "الاسم بالحروف اللاتينية", headerEn: "Name in Latin letters", aliases: ["latin name", "name latin", "transliteration"], example: "Mohamed Ali Al-Tarhouni" },
  { key: "sex", required: false, headerAr: "الجنس", headerEn: "Sex", aliases: ["gender", "النوع الاجتماعي"], example: "male" },
  { key: "birthYear", required: false, headerAr: "سنة الميلاد", headerEn: "Birth year", aliases: ["year of birth", "born", "مواليد"], example: "1985" },
  { key: "lastSeenOn", required: false, headerAr: "تاريخ آخر مشاهدة", headerEn: "Last seen on", aliases: ["date last seen", "last seen date", "تاريخ الاختفاء"], example: "2019-11-02" },
  { key: "lastSeenPlace", required: false, headerAr: "مكان آخر مشاهدة", headerEn: "Last seen place", aliases: ["place last seen", "last seen", "مكان الاختفاء"], example: "ترهونة" },
  { key: "circumstances", required: false, headerAr: "الظروف", headerEn: "Circumstances", aliases: ["details", "ظروف الاختفاء"], example: "" },
  { key: "familyReference", required: false, headerAr: "مرجع العائلة", headerEn: "Family reference", aliases: ["family ref", "رقم العائلة"], example: "" },
  // What a register knows of a person that the record has no field for: kept in its register notes.
  { key: "motherName", required: false, headerAr: "اسم الأم", headerEn: "Mother's name", aliases: ["الأم", "اسم الام", "mother", "mother name"], example: "" },
  { key: "nationalNumber", required: false, headerAr: "الرقم الوطني", headerEn: "National number", aliases: ["رقم وطني", "national id", "national no", "nid"], example: "" },
  { key: "dateOfBirth", required: false, headerAr: "تاريخ الميلاد", headerEn: "Date of birth", aliases: ["date of birth", "birth date", "dob", "الميلاد"], example: "" },
  { key: "age", required: false, headerAr: "العمر", headerEn: "Age", aliases: ["السن", "العمر عند الاختفاء"], example: "" },
  { key: "phone", required: false, headerAr: "الهاتف", headerEn: "Phone", aliases: ["رقم الهاتف", "هاتف", "النقال", "mobile", "phone number"], example: "" },
  { key: "address", required: false, headerAr: "العنوان", headerEn: "Address", aliases: ["السكن", "مكان الإقامة", "الإقامة", "residence"], example: "" },
  sourceReferenceField,
];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  policeReports: policeReportFields,
  missingPersons: missingPersonFields,
};

/** Headers of columns the exports add that an import leaves out (the status is never imported). */
export const IGNORED_HEADERS: Record<ImportKind, readonly string[]> = {
  policeReports: [],
  missingPersons: ["الحالة", "Status"],
};

/**
 * Where a field's values go: a field of the record, the people a report names, or the record's
 * register notes (source_values, shown on its page) when the record has no field for them.
 */
export type FieldDestination = "record" | "people" | "notes" | "birthYear";

const FIELD_DESTINATIONS: Partial<Record<string, FieldDestination>> = {
  missingNames: "people",
  caseNumbers: "people",
  reporterPhone: "notes",
  motherName: "notes",
  nationalNumber: "notes",
  phone: "notes",
  address: "notes",
  dateOfBirth: "birthYear",
  age: "birthYear",
};

export function fieldDestination(key: string): FieldDestination {
  return FIELD_DESTINATIONS[key] ?? "record";
}

/** A column the user chose to leave out of the import. */
export const IGNORE_COLUMN = "ignore";

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}
