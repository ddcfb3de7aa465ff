import "server-only";
import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/define-action";
import { voidGraveSiteRecord, voidRemainsRecord } from "@/lib/forensic/void-records";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { reasonedStepSchema } from "@/lib/identifications/schemas";
import { retractIdentificationRecord } from "@/lib/identifications/transitions";
import { voidImportSchema, voidSpreadsheetImport } from "@/lib/import/void-import";
import { mergeMissingPersons } from "@/lib/people/merge";
import { withdrawSampleConsent } from "@/lib/people/consent-withdrawal";
import { mergeSchema, withdrawConsentSchema } from "@/lib/people/schemas";
import { voidMissingPerson } from "@/lib/people/void-missing-person";
import type { SecondPersonAction } from "./second-person-actions";

export interface SecondPersonStep<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  run: (context: ActionContext<z.output<Schema>>) => Promise<unknown>;
}

function step<Schema extends z.ZodType>(definition: SecondPersonStep<Schema>): SecondPersonStep {
  return definition as unknown as SecondPersonStep;
}

/**
 * Each step that waits for a second person, with the same schema and code its server action uses
 * (tests/integration/second-person-approval.test.ts holds the actions to these schemas): the
 * approval runs exactly what was asked for, as it was asked.
 */
export const SECOND_PERSON_STEPS: Record<SecondPersonAction, SecondPersonStep> = {
  "graveSites.void": step({ schema: voidRecordSchema, run: voidGraveSiteRecord }),
  "remains.void": step({ schema: voidRecordSchema, run: voidRemainsRecord }),
  "persons.void": step({ schema: voidRecordSchema, run: voidMissingPerson }),
  "persons.merge": step({ schema: mergeSchema, run: mergeMissingPersons }),
  "identifications.retract": step({
    schema: reasonedStepSchema,
    run: retractIdentificationRecord,
  }),
  "imports.void": step({ schema: voidImportSchema, run: voidSpreadsheetImport }),
  "samples.withdrawConsent": step({ schema: withdrawConsentSchema, run: withdrawSampleConsent }),
};
