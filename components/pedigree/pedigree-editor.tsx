"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { confirmFirst } from "@/components/forms/confirm-first";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { Field, inputClassName } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm, useHydrated } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import {
  addPedigreePersonSchema,
  removePedigreePersonSchema,
  setPedigreePersonSchema,
  type AddPedigreePersonValues,
  type RemovePedigreePersonValues,
  type SetPedigreePersonValues,
} from "@/lib/pedigrees/schemas";
import type { Sex } from "@/lib/enum-values";

export interface EditorPerson {
  id: string;
  kind: "donor" | "missing" | "untyped";
  /** As the chart names them. */
  display: string;
  label: string;
  sex: Sex;
  fatherId: string | null;
  motherId: string | null;
}

type Action<Values, Data> = (values: Values) => Promise<ActionResult<Data>>;

interface EditorProps {
  familyId: string;
  version: number;
  persons: EditorPerson[];
  unplaced: { id: string; kind: "donor" | "missing"; name: string }[];
  add: Action<AddPedigreePersonValues, { version: number; personId: string }>;
  update: Action<SetPedigreePersonValues, { version: number }>;
  remove: Action<RemovePedigreePersonValues, { version: number }>;
}

/** The registrar's editor: each person's father, mother and sex; add an untyped or unplaced person; remove one. */
export function PedigreeEditor({ familyId, version, persons, unplaced, add, update, remove }: EditorProps) {
  const t = useTranslations("Pedigree");
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (id: string | null) => (id === null ? t("unknownParent") : (persons.find((person) => person.id === id)?.display ?? t("unknownParent")));
  return (
    <div className="space-y-6">
      <table className="w-full text-start" data-testid="pedigree-persons">
        <caption className="text-start font-semibold">{t("personsTitle")}</caption>
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="py-1 text-start">{t("person")}</th>
            <th scope="col" className="py-1 text-start">{t("sexLabel")}</th>
            <th scope="col" className="py-1 text-start">{t("father")}</th>
            <th scope="col" className="py-1 text-start">{t("mother")}</th>
            <th scope="col" className="py-1 text-start"><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {persons.map((person) => (
            <tr key={person.id} className="border-b border-line align-top" data-testid="pedigree-person-row">
              <th scope="row" className="py-2 text-start font-medium">{person.display}</th>
              <td className="py-2">{t(`sex.${person.sex}`)}</td>
              <td className="py-2">{nameOf(person.fatherId)}</td>
              <td className="py-2">{nameOf(person.motherId)}</td>
              <td className="space-y-2 py-2">
                <button
                  type="button"
                  className="rounded border border-line px-3 py-1 text-accent"
                  aria-expanded={editing === person.id}
                  aria-controls={`pedigree-edit-${person.id}`}
                  onClick={() => setEditing(editing === person.id ? null : person.id)}
                >
                  {t("editPerson", { name: person.display })}
                </button>
                <RemovePersonButton familyId={familyId} version={version} person={person} remove={remove} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing !== null && persons.some((person) => person.id === editing) && (
        <EditPersonForm
          key={`${editing}-${version}`}
          familyId={familyId}
          version={version}
          person={persons.find((person) => person.id === editing) as EditorPerson}
          persons={persons}
          update={update}
          done={() => setEditing(null)}
        />
      )}
      <AddPersonForm key={version} familyId={familyId} version={version} unplaced={unplaced} add={add} />
    </div>
  );
}

function ParentSelect({ id, label, value, choices, onChange, error }: { id: string; label: string; value: string; choices: EditorPerson[]; onChange: (value: string) => void; error?: string }) {
  const t = useTranslations("Pedigree");
  return (
    <Field id={id} label={label} error={error}>
      {(describedBy, invalid) => (
        <select id={id} className={inputClassName} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
          <option value="">{t("unknownParent")}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>{choice.display}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An untyped person's label ("the missing man's paternal uncle"), in the add and the edit form alike. */
function LabelField({ id, registration, error, hint }: { id: string; registration: UseFormRegisterReturn; error?: string; hint?: string }) {
  const t = useTranslations("Pedigree");
  return (
    <Field id={id} label={t("labelField")} hint={hint} error={error} required>
      {(describedBy, invalid) => <input id={id} className={inputClassName} {...registration} aria-describedby={describedBy} aria-invalid={invalid} />}
    </Field>
  );
}

function SexSelect({ id, registration, error }: { id: string; registration: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("Pedigree");
  return (
    <Field id={id} label={t("sexLabel")} error={error}>
      {(describedBy, invalid) => (
        <select id={id} className={inputClassName} {...registration} aria-describedby={describedBy} aria-invalid={invalid}>
          {(["male", "female", "unknown"] as const).map((sex) => (
            <option key={sex} value={sex}>{t(`sex.${sex}`)}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

function EditPersonForm({ familyId, version, person, persons, update, done }: { familyId: string; version: number; person: EditorPerson; persons: EditorPerson[]; update: EditorProps["update"]; done: () => void }) {
  const t = useTranslations("Pedigree");
  const router = useRouter();
  const baseId = useId();
  const { form, submit, outcome, conflict } = useActionForm<SetPedigreePersonValues, { version: number }>({
    schema: setPedigreePersonSchema,
    action: update,
    defaultValues: { familyId, version, personId: person.id, fatherId: person.fatherId ?? "", motherId: person.motherId ?? "", sex: person.sex, label: person.label },
    onSuccess: () => {
      done();
      router.refresh();
    },
  });
  const values = form.watch();
  const errors = form.formState.errors;
  const others = persons.filter((other) => other.id !== person.id);
  return (
    <section id={`pedigree-edit-${person.id}`} aria-labelledby={`${baseId}-title`} className="space-y-3 rounded border border-line p-4">
      <h3 id={`${baseId}-title`} className="font-semibold">{t("editTitle", { name: person.display })}</h3>
      <HydratedForm onSubmit={submit} className="grid gap-3 sm:grid-cols-2" data-testid="pedigree-edit-form">
        {person.kind === "untyped" && (
          <LabelField id={`${baseId}-label`} registration={form.register("label")} error={errors.label?.message} />
        )}
        <SexSelect id={`${baseId}-sex`} registration={form.register("sex")} error={errors.sex?.message} />
        <ParentSelect
          id={`${baseId}-father`}
          label={t("father")}
          value={values.fatherId ?? ""}
          choices={others.filter((other) => other.sex === "male")}
          onChange={(value) => form.setValue("fatherId", value, { shouldDirty: true })}
          error={errors.fatherId?.message}
        />
        <ParentSelect
          id={`${baseId}-mother`}
          label={t("mother")}
          value={values.motherId ?? ""}
          choices={others.filter((other) => other.sex === "female")}
          onChange={(value) => form.setValue("motherId", value, { shouldDirty: true })}
          error={errors.motherId?.message}
        />
        <div className="space-y-2 sm:col-span-2">
          <FormMessage message={outcome} />
          <ConflictNotice conflict={conflict} />
          <div className="flex gap-3">
            <SubmitButton label={t("save")} submitting={form.formState.isSubmitting} />
            <button type="button" className="rounded border border-line px-4 py-2" onClick={done}>{t("cancel")}</button>
          </div>
        </div>
      </HydratedForm>
    </section>
  );
}

function RemovePersonButton({ familyId, version, person, remove }: { familyId: string; version: number; person: EditorPerson; remove: EditorProps["remove"] }) {
  const t = useTranslations("Pedigree");
  const router = useRouter();
  const { submit, outcome, conflict, form } = useActionForm<RemovePedigreePersonValues, { version: number }>({
    schema: removePedigreePersonSchema,
    action: remove,
    defaultValues: { familyId, version, personId: person.id },
    onSuccess: () => router.refresh(),
  });
  return (
    <HydratedForm onSubmit={confirmFirst(t("removeConfirm", { name: person.display }), submit)} className="space-y-2">
      <button type="submit" disabled={form.formState.isSubmitting} className="rounded border border-red-300 px-3 py-1 text-red-800">
        {t("removePerson", { name: person.display })}
      </button>
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
    </HydratedForm>
  );
}

function AddPersonForm({ familyId, version, unplaced, add }: { familyId: string; version: number; unplaced: EditorProps["unplaced"]; add: EditorProps["add"] }) {
  const t = useTranslations("Pedigree");
  const router = useRouter();
  const baseId = useId();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<"untyped" | "registered">("untyped");
  const { form, submit, outcome, conflict } = useActionForm<AddPedigreePersonValues, { version: number; personId: string }>({
    schema: addPedigreePersonSchema,
    action: add,
    defaultValues: { kind: "untyped", familyId, version, label: "", sex: "male" },
    successKey: "Pedigree.added",
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors as Partial<Record<"label" | "sex" | "recordId", { message?: string }>>;
  const choose = (next: "untyped" | "registered") => {
    setKind(next);
    form.reset(next === "untyped" ? { kind: "untyped", familyId, version, label: "", sex: "male" } : { kind: "registered", familyId, version, recordId: unplaced[0]?.id ?? "" });
  };
  return (
    <section aria-labelledby={`${baseId}-title`} className="space-y-3 rounded border border-line p-4">
      <h3 id={`${baseId}-title`} className="font-semibold">{t("addTitle")}</h3>
      <fieldset className="flex flex-wrap gap-4" disabled={!hydrated}>
        <legend className="sr-only">{t("addKind")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${baseId}-kind`} checked={kind === "untyped"} onChange={() => choose("untyped")} />
          {t("addUntyped")}
        </label>
        {unplaced.length > 0 && (
          <label className="flex items-center gap-2">
            <input type="radio" name={`${baseId}-kind`} checked={kind === "registered"} onChange={() => choose("registered")} />
            {t("addRegistered")}
          </label>
        )}
      </fieldset>
      <HydratedForm onSubmit={submit} className="grid gap-3 sm:grid-cols-2" data-testid="pedigree-add-form">
        {kind === "untyped" ? (
          <>
            <LabelField id={`${baseId}-label`} registration={form.register("label")} error={errors.label?.message} hint={t("labelHint")} />
            <SexSelect id={`${baseId}-sex`} registration={form.register("sex")} error={errors.sex?.message} />
          </>
        ) : (
          <Field id={`${baseId}-record`} label={t("registeredField")} error={errors.recordId?.message}>
            {(describedBy, invalid) => (
              <select id={`${baseId}-record`} className={inputClassName} {...form.register("recordId")} aria-describedby={describedBy} aria-invalid={invalid}>
                {unplaced.map((record) => (
                  <option key={record.id} value={record.id}>{record.kind === "missing" ? t("kind.missing") : t("kind.donor")}: {record.name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="space-y-2 sm:col-span-2">
          <FormMessage message={outcome} />
          <ConflictNotice conflict={conflict} />
          <SubmitButton label={t("add")} submitting={form.formState.isSubmitting} />
        </div>
      </HydratedForm>
    </section>
  );
}

/** Before any edit: the pedigree made from the relationship labels is stored, and becomes the family's. */
export function CreatePedigreeButton({ familyId, create }: { familyId: string; create: Action<{ familyId: string }, { version: number }> }) {
  const t = useTranslations("Pedigree");
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "error" | "success"; key: string } | null>(null);
  async function click() {
    setBusy(true);
    try {
      const result = await create({ familyId });
      if (result.ok) router.refresh();
      else setOutcome({ kind: "error", key: result.message });
    } catch {
      setOutcome({ kind: "error", key: "Actions.unexpected" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <button type="button" disabled={!hydrated || busy} onClick={() => void click()} className="rounded bg-accent px-4 py-2 font-medium text-white disabled:opacity-60" data-testid="create-pedigree">
        {t("create")}
      </button>
      <FormMessage message={outcome} />
    </div>
  );
}
