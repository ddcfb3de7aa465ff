import "server-only";
import { eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { systemSettings } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { NO_OFFICE_CONTACT, officeContactSchema, type OfficeContactValues } from "./office-contact-values";

export const OFFICE_CONTACT_KEY = "office_contact";
export const OFFICE_CONTACT_ENTITY = "system_setting";

function parseStored(value: unknown): OfficeContactValues {
  const parsed = officeContactSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_OFFICE_CONTACT;
}

/** The office's contact details as an administrator last saved them (all empty until then). */
export async function getOfficeContact(db: Executor): Promise<OfficeContactValues> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, OFFICE_CONTACT_KEY));
  return parseStored(row?.value);
}

async function lockOfficeContact(tx: Transaction): Promise<OfficeContactValues> {
  const [row] = await tx.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, OFFICE_CONTACT_KEY)).for("update");
  return parseStored(row?.value);
}

export async function writeOfficeContact(tx: Executor, values: OfficeContactValues): Promise<void> {
  await tx
    .insert(systemSettings)
    .values({ key: OFFICE_CONTACT_KEY, value: values })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: values, updatedAt: new Date() } });
}

/** Saves the details over the version the form was loaded with, never over a newer one; audited. */
export async function saveOfficeContact({ input, tx, audit }: ActionContext<OfficeContactValues>): Promise<{ version: number }> {
  const before = await lockOfficeContact(tx);
  if (before.version !== input.version) throw new ActionRefusal("conflict", "Actions.conflict");
  const after = { ...input, version: before.version + 1 };
  await writeOfficeContact(tx, after);
  await audit({ action: "settings.officeContact.update", entity: OFFICE_CONTACT_ENTITY, entityId: OFFICE_CONTACT_KEY, before, after });
  return { version: after.version };
}
