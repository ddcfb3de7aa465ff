"use client";

import type { ReactNode } from "react";
import { ViewingScreen, type ViewingLabels } from "./viewing-screen";

/** The portal's catalogue behind its content warning and pause; the items are rendered by the server page. */
export function PortalViewing({ labels, skipWarning, children }: { labels: ViewingLabels; skipWarning: boolean; children: ReactNode }) {
  return (
    <ViewingScreen labels={labels} skipWarning={skipWarning} fullScreen={false}>
      {children}
    </ViewingScreen>
  );
}
