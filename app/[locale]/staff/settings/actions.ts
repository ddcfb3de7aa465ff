"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveOfficeContact } from "@/lib/settings/office-contact";
import { officeContactSchema } from "@/lib/settings/office-contact-values";

export const updateOfficeContact = defineAction("settings.updateOfficeContact", officeContactSchema, saveOfficeContact);
