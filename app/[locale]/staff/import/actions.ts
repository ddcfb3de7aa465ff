"use server";

import { defineAction } from "@/lib/actions/define-action";
import { voidImportSchema, voidSpreadsheetImport } from "@/lib/import/void-import";

export const voidImport = defineAction("imports.void", voidImportSchema, voidSpreadsheetImport);
