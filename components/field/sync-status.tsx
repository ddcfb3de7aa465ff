"use client";

import { useFormatter, useTranslations } from "next-intl";

/** Always on screen: online or not, how many records wait, the last sync, and what went wrong. */
export function SyncStatus(props: { online: boolean; waiting: number; problems: number; lastSyncAt: string | null; syncing: boolean; stoppedBy: string | null; onSync: () => void; onLock: () => void }) {
  const t = useTranslations("Field");
  const format = useFormatter();
  return (
    <div role="status" aria-live="polite" data-testid="field-status" className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded border border-line bg-white p-3">
      <span data-testid="field-online" className={props.online ? "font-semibold text-emerald-800" : "font-semibold text-red-800"}>
        {props.online ? t("online") : t("offline")}
      </span>
      <span data-testid="field-waiting">{t("waiting", { count: props.waiting })}</span>
      {props.problems > 0 ? <span className="text-red-800">{t("problems", { count: props.problems })}</span> : null}
      <span>{props.lastSyncAt ? t("lastSync", { at: format.dateTime(new Date(props.lastSyncAt), { dateStyle: "medium", timeStyle: "short" }) }) : t("neverSynced")}</span>
      {props.stoppedBy ? <span className="text-red-800">{t("syncStopped")}</span> : null}
      <button type="button" onClick={props.onSync} disabled={!props.online || props.syncing} className="rounded bg-accent px-3 py-1 text-white disabled:opacity-60">
        {props.syncing ? t("syncing") : t("syncNow")}
      </button>
      <button type="button" onClick={props.onLock} className="rounded border border-line px-3 py-1">
        {t("lock")}
      </button>
    </div>
  );
}
