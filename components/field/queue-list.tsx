"use client";

import { useTranslations } from "next-intl";
import { useMessage } from "@/components/forms/use-message";
import type { QueuedItem } from "@/lib/field/device-state";

function notesOf(value: unknown): string {
  return typeof value === "object" && value !== null && "notes" in value ? String((value as { notes: unknown }).notes) : "";
}

/** Each record of the device with its state; a conflict shows both versions and lets the user choose. */
export function QueueList(props: { queue: QueuedItem[]; onKeepTheirs: (item: QueuedItem) => void; onWriteMine: (item: QueuedItem) => void }) {
  const t = useTranslations("Field");
  const message = useMessage();
  const shown = [...props.queue].sort((first, second) => second.sequence - first.sequence);
  if (shown.length === 0) return <p>{t("queueEmpty")}</p>;
  return (
    <ul className="space-y-2" data-testid="field-queue">
      {shown.map((item) => (
        <li key={item.itemId} data-testid="field-queue-item" data-state={item.state} className="rounded border border-line p-3">
          <p className="font-medium">
            <span dir="ltr">{item.label}</span> · {t(`kinds.${item.kind}`)} · <span>{t(`states.${item.state}`)}</span>
          </p>
          {item.lastError ? <p className="text-sm text-red-800">{message(item.lastError)}</p> : null}
          {item.outcome?.status === "refused" ? (
            <ul className="text-sm text-red-800">
              <li>{message(item.outcome.message)}</li>
              {Object.entries(item.outcome.fieldErrors ?? {}).map(([field, key]) => (
                <li key={field}>
                  <span dir="ltr">{field}</span>: {message(key)}
                </li>
              ))}
            </ul>
          ) : null}
          {item.outcome?.status === "conflict" ? (
            <div className="mt-2 space-y-2" data-testid="field-conflict">
              <p>{t("conflictBy", { name: item.outcome.changedBy })}</p>
              <div className="grid gap-2 sm:grid-cols-2">
                <div className="rounded bg-accent-soft p-2">
                  <p className="font-medium">{t("theirVersion")}</p>
                  <p data-testid="field-conflict-theirs">{notesOf(item.outcome.theirs)}</p>
                </div>
                <div className="rounded bg-accent-soft p-2">
                  <p className="font-medium">{t("myVersion")}</p>
                  <p data-testid="field-conflict-mine">{notesOf(item.outcome.mine)}</p>
                </div>
              </div>
              <div className="flex gap-2">
                <button type="button" className="rounded border border-line px-3 py-1" onClick={() => props.onKeepTheirs(item)}>
                  {t("keepTheirs")}
                </button>
                <button type="button" className="rounded border border-line px-3 py-1" onClick={() => props.onWriteMine(item)}>
                  {t("writeMine")}
                </button>
              </div>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
