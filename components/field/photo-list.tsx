"use client";

import { useTranslations } from "next-intl";
import { useMessage } from "@/components/forms/use-message";
import type { QueuedPhoto } from "@/lib/field/device-state";

/** Each photograph kept on the device with its state: waiting, sent or refused (and why). */
export function PhotoList({ photos }: { photos: QueuedPhoto[] }) {
  const t = useTranslations("Field");
  const message = useMessage();
  if (photos.length === 0) return null;
  const shown = [...photos].sort((first, second) => second.capturedAt.localeCompare(first.capturedAt));
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t("photosTitle")}</h2>
      <ul className="space-y-2" data-testid="field-photos">
        {shown.map((photo) => (
          <li key={photo.photoId} data-testid="field-photo-item" data-state={photo.state} className="rounded border border-line p-3">
            <p className="font-medium">
              <span dir="ltr">{photo.label}</span> · {t("effectNumber", { number: photo.effectNumber })} · <bdi>{photo.fileName}</bdi> · <span>{t(`photoStates.${photo.state}`)}</span>
            </p>
            {photo.lastError ? <p className="text-sm text-red-800">{message(photo.lastError)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
