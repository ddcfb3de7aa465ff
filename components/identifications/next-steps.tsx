import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import type { StaffSession } from "@/lib/auth/current-session";
import { todayInLibya } from "@/lib/forensic/dates";
import type { IdentificationDetails } from "@/lib/identifications/queries";
import type {
  ConfirmIdentificationValues,
  ReasonedStepValues,
  RecordNotificationValues,
  RecordReturnValues,
} from "@/lib/identifications/schemas";
import { nextOperations } from "@/lib/identifications/state-machine";
import { ConfirmStep } from "./confirm-step";
import { NotificationForm } from "./notification-form";
import { ReasonStep } from "./reason-step";
import { ReturnForm } from "./return-form";

type Action<Values> = (values: Values) => Promise<ActionResult<unknown>>;

export interface StepActions {
  confirm: Action<ConfirmIdentificationValues>;
  reject: Action<ReasonedStepValues>;
  retract: Action<ReasonedStepValues>;
  recordNotification: Action<RecordNotificationValues>;
  recordReturn: Action<RecordReturnValues>;
}

interface NextStepsProps {
  details: IdentificationDetails;
  session: StaffSession;
  donorNames: string[];
  actions: StepActions;
}

/** The steps the state machine allows this user now, and nothing else; the server checks again. */
export async function NextSteps({ details, session, donorNames, actions }: NextStepsProps) {
  const t = await getTranslations("Identifications");
  const { identification, body, person } = details;
  const operations = nextOperations(identification, session);
  const ownProposal = identification.status === "proposed" && identification.proposedBy === session.userId;
  const target = { id: identification.id, version: identification.version };
  const today = todayInLibya();
  // Keyed by version: after a step, every form starts again from the version the page now shows.
  const key = `${identification.id}-${identification.version}`;
  return (
    <section aria-labelledby="steps-title" className="space-y-4 rounded border border-line p-4" data-testid="next-steps">
      <h2 id="steps-title" className="text-lg font-semibold">{t("stepsTitle")}</h2>
      {ownProposal && <p className="rounded bg-notice px-3 py-2" data-testid="own-proposal-note">{t("ownProposalNote")}</p>}
      {operations.length === 0 && <p className="text-muted">{t("noSteps")}</p>}
      {operations.includes("confirm") && (
        <ConfirmStep key={`confirm-${key}`} identification={{ ...target, remainsCode: body.code, caseNumber: person.caseNumber }} action={actions.confirm} />
      )}
      {operations.includes("recordNotification") && (
        <NotificationForm key={`notify-${key}`} identification={target} signedInName={session.displayName} today={today} action={actions.recordNotification} />
      )}
      {operations.includes("recordReturn") && <ReturnForm key={`return-${key}`} identification={target} donorNames={donorNames} today={today} action={actions.recordReturn} />}
      {operations.includes("reject") && <ReasonStep key={`reject-${key}`} kind="reject" identification={target} action={actions.reject} />}
      {operations.includes("retract") && <ReasonStep key={`retract-${key}`} kind="retract" identification={target} action={actions.retract} />}
    </section>
  );
}
