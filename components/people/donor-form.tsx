"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { donorSchema, type DonorValues } from "@/lib/people/schemas";
import { TextInput } from "@/components/forms/text-input";
import { usePeopleChoices } from "./use-people-choices";

type AddDonorAction = (values: DonorValues) => Promise<ActionResult<{ donorId: string }>>;

/** A family member who gives a sample, with their relation to each of the family's missing persons. */
export function DonorForm({ action, familyId, members }: { action: AddDonorAction; familyId: string; members: { id: string; name: string }[] }) {
  const t = useTranslations("People");
  const router = useRouter();
  const { sexes, relationships } = usePeopleChoices();
  const emptyDonor: DonorValues = {
    familyId, givenName: "", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", sex: "female", phone: "",
    relationships: members.map((member) => ({ missingPersonId: member.id, relationship: "" })),
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
  const { errors, isSubmitting } = form.formState;
  const relationshipOptions = [{ value: "", label: t("notAReference") }, ...relationships];
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="donor-form">
      <FormMessage message={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="donor-givenName" label={t("givenName")} registration={form.register("givenName")} error={errors.givenName?.message} required />
        <TextInput id="donor-fatherName" label={t("fatherName")} registration={form.register("fatherName")} error={errors.fatherName?.message} />
        <TextInput id="donor-familyName" label={t("familyName")} registration={form.register("familyName")} error={errors.familyName?.message} />
        <SelectInput id="donor-sex" label={t("sex")} options={sexes} registration={form.register("sex")} error={errors.sex?.message} />
        <TextInput id="donor-phone" dir="ltr" type="tel" label={t("phone")} registration={form.register("phone")} error={errors.phone?.message} />
      </div>
      {members.map((member, index) => (
        <SelectInput
          key={member.id}
          id={`relationship-${index}`}
          label={t("relationshipTo", { name: member.name })}
          options={relationshipOptions}
          registration={form.register(`relationships.${index}.relationship`)}
        />
      ))}
      {errors.relationships?.message && <p className="text-sm font-medium text-red-800">{t("noneChosen")}</p>}
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("addDonor")}
      </button>
    </form>
  );
}
