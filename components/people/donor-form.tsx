"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { RELATIONSHIP_SIDES, SIDED_RELATIONSHIPS } from "@/lib/enum-values";
import { useRouter } from "@/lib/i18n/navigation";
import { updateDonorSchema, type UpdateDonorValues } from "@/lib/people/edit-schemas";
import { donorSchema, type DonorValues } from "@/lib/people/schemas";
import { usePeopleChoices } from "./use-people-choices";
import { HydratedForm } from "@/components/forms/hydrated-form";

const SIDED: ReadonlySet<string> = new Set(SIDED_RELATIONSHIPS);

type AddDonorAction = (values: DonorValues) => Promise<ActionResult<{ donorId: string }>>;
type UpdateDonorAction = (values: UpdateDonorValues) => Promise<ActionResult<{ version: number }>>;
type Member = { id: string; name: string };

/** The donor's name, sex, phone and relation to each missing person of the family: shared by adding and editing. */
function DonorFields({ form, members }: { form: UseFormReturn<DonorValues>; members: Member[] }) {
  const t = useTranslations("People");
  const { sexes, relationships } = usePeopleChoices();
  const { errors } = form.formState;
  const relationshipOptions = [{ value: "", label: t("notAReference") }, ...relationships];
  const sideOptions = [{ value: "", label: t("chooseSideOption") }, ...RELATIONSHIP_SIDES.map((side) => ({ value: side, label: t(`sides.${side}`) }))];
  // A grandparent, aunt/uncle or cousin asks for the side as soon as the relation is chosen.
  const chosen = form.watch("relationships");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="donor-givenName" label={t("givenName")} registration={form.register("givenName")} error={errors.givenName?.message} required />
        <TextInput id="donor-fatherName" label={t("fatherName")} registration={form.register("fatherName")} error={errors.fatherName?.message} />
        <TextInput id="donor-familyName" label={t("familyName")} registration={form.register("familyName")} error={errors.familyName?.message} />
        <SelectInput id="donor-sex" label={t("sex")} options={sexes} registration={form.register("sex")} error={errors.sex?.message} />
        <TextInput id="donor-phone" dir="ltr" type="tel" label={t("phone")} registration={form.register("phone")} error={errors.phone?.message} />
      </div>
      {members.map((member, index) => (
        <div key={member.id} className="grid gap-4 sm:grid-cols-2">
          <SelectInput
            id={`relationship-${index}`}
            label={t("relationshipTo", { name: member.name })}
            options={relationshipOptions}
            registration={form.register(`relationships.${index}.relationship`)}
          />
          {SIDED.has(chosen[index]?.relationship ?? "") && (
            <SelectInput
              id={`relationship-side-${index}`}
              label={t("sideOf", { name: member.name })}
              options={sideOptions}
              registration={form.register(`relationships.${index}.side`)}
              error={errors.relationships?.[index]?.side?.message}
            />
          )}
        </div>
      ))}
      {errors.relationships?.message && <p className="text-sm font-medium text-red-800">{t("noneChosen")}</p>}
    </>
  );
}

/** A family member who gives a sample, with their relation to each of the family's missing persons. */
export function DonorForm({ action, familyId, members }: { action: AddDonorAction; familyId: string; members: Member[] }) {
  const t = useTranslations("People");
  const router = useRouter();
  const emptyDonor: DonorValues = {
    familyId, givenName: "", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", sex: "female", phone: "",
    relationships: members.map((member) => ({ missingPersonId: member.id, relationship: "", side: "" })),
  };
  const { form, submit, outcome } = useActionForm({
    schema: donorSchema,
    action,
    defaultValues: emptyDonor,
    successKey: "People.donorCreated",
    onSuccess: () => {
      form.reset(emptyDonor);
      router.refresh();
    },
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="donor-form">
      <FormMessage message={outcome} />
      <DonorFields form={form} members={members} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("addDonor")}
      </button>
    </HydratedForm>
  );
}

/** Editing a donor: the same fields, with the version it was loaded with (a stale save is refused and shown). */
export function EditDonorForm({ action, donor, members }: { action: UpdateDonorAction; donor: UpdateDonorValues; members: Member[] }) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateDonorSchema,
    action,
    defaultValues: donor,
    onSuccess: (data, values) => {
      form.reset({ ...values, version: data.version });
      router.push(`/staff/families/${values.familyId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="edit-donor-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      {/* The extra id and version are not among the shared fields, which see only theirs. */}
      <DonorFields form={form as unknown as UseFormReturn<DonorValues>} members={members} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {tEdits("saveChanges")}
      </button>
    </HydratedForm>
  );
}
