"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { dangerButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import type { RecentImport } from "@/lib/import/recent-imports";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface RecentImportsProps {
  imports: RecentImport[];
  voidImport: (input: { importId: string; reason: string }) => Promise<ActionResult<{ voidedReports: number; voidedPersons: number }>>;
}

/** The latest imports, each with "void this import": every record it created is voided, with the reason. */
export function RecentImports({ imports, voidImport }: RecentImportsProps) {
  const t = useTranslations("Import.recent");
  if (imports.length === 0) return null;
  return (
    <section className="space-y-3" aria-labelledby="recent-imports-title" data-testid="recent-imports">
      <h2 id="recent-imports-title" className="text-lg font-semibold">{t("title")}</h2>
      <ul className="space-y-3">
        {imports.map((entry) => (
          <ImportEntry key={entry.id} entry={entry} voidImport={voidImport} />
        ))}
      </ul>
    </section>
  );
}

function ImportEntry({ entry, voidImport }: { entry: RecentImport; voidImport: RecentImportsProps["voidImport"] }) {
  const t = useTranslations("Import.recent");
  const format = useFormatter();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t("confirm", { count: entry.createdCount, fileName: entry.fileName }))) return;
    const result = await voidImport({ importId: entry.id, reason });
    if (result.ok) setMessage(t("voided", { reports: result.data.voidedReports, persons: result.data.voidedPersons }));
    else setMessage(result.error === "awaitingApproval" ? t("awaitingApproval") : t("refused"));
  }
  return (
    <li className="rounded border border-line p-3 text-sm">
      <p dir="auto">{t("entry", { fileName: entry.fileName, count: entry.createdCount, user: entry.createdBy, at: format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      {entry.voidedAt ? (
        <p className="text-muted">{t("alreadyVoided", { reason: entry.voidReason ?? "" })}</p>
      ) : (
        <HydratedForm onSubmit={(event) => void submit(event)} className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex flex-col">
            <span>{t("reason")}</span>
            <input className="rounded border border-line px-2 py-1" value={reason} minLength={5} required onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" className={dangerButtonClassName}>{t("void")}</button>
        </HydratedForm>
      )}
      {message ? <p role="status">{message}</p> : null}
    </li>
  );
}
