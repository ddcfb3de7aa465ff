"use client";

import { useRef, useState, type ReactNode } from "react";
import { primaryButtonClassName } from "@/components/users/button-class";

/**
 * What every family-facing view of the catalogue shares: the content warning before anything is
 * shown, a pause that hides everything at once, and (at the office, on a tablet) full screen.
 */
export interface ViewingLabels {
  warningTitle: string;
  warning: string;
  continue: string;
  pause: string;
  resume: string;
  paused: string;
  fullScreen: string;
}

/** Labels come as props: the family portal hands its browser code no message catalogue beyond the shell. */
export function ViewingScreen({ labels, skipWarning, fullScreen, children }: { labels: ViewingLabels; skipWarning: boolean; fullScreen: boolean; children: ReactNode }) {
  const t = (key: keyof ViewingLabels) => labels[key];
  const [accepted, setAccepted] = useState(skipWarning);
  const [paused, setPaused] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  if (!accepted) {
    return (
      <div role="alertdialog" aria-labelledby="content-warning-title" className="mx-auto max-w-xl space-y-4 rounded border border-line p-6 text-lg" data-testid="content-warning">
        <h2 id="content-warning-title" className="text-xl font-semibold">
          {t("warningTitle")}
        </h2>
        <p>{t("warning")}</p>
        <button type="button" className={primaryButtonClassName} onClick={() => setAccepted(true)} data-testid="accept-warning">
          {t("continue")}
        </button>
      </div>
    );
  }
  return (
    <div ref={screen} className="space-y-4 overflow-auto bg-paper p-2" data-testid="viewing-screen">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="rounded border border-line px-4 py-2 font-medium" onClick={() => setPaused(!paused)} data-testid="pause-viewing" aria-pressed={paused}>
          {paused ? t("resume") : t("pause")}
        </button>
        {fullScreen && (
          <button type="button" className="rounded border border-line px-4 py-2" onClick={() => void screen.current?.requestFullscreen?.()}>
            {t("fullScreen")}
          </button>
        )}
      </div>
      {paused ? (
        <p className="py-24 text-center text-xl" role="status" data-testid="viewing-paused">
          {t("paused")}
        </p>
      ) : (
        children
      )}
    </div>
  );
}
