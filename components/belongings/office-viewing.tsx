"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { FamilyCatalogueItem } from "@/lib/belongings/catalogue";
import type { RecordRecognitionValues } from "@/lib/belongings/schemas";
import { PhotoThumbnails, staffPhotoSource } from "./photo-thumbnails";
import { RecognitionForm } from "./recognition-form";
import { ViewingScreen, type ViewingLabels } from "./viewing-screen";
import { itemWords } from "@/components/belongings/item-words";
import { CategoryGroups } from "./category-groups";

function viewingLabels(t: (key: `viewing.${keyof ViewingLabels}`) => string): ViewingLabels {
  const keys = ["warningTitle", "warning", "continue", "pause", "resume", "paused", "fullScreen"] as const;
  return Object.fromEntries(keys.map((key) => [key, t(`viewing.${key}`)])) as unknown as ViewingLabels;
}

interface OfficeViewingProps {
  viewingSessionId: string;
  items: readonly FamilyCatalogueItem[];
  persons: readonly { id: string; caseNumber: string; name: string }[];
  skipWarning: boolean;
  recordRecognition: (values: RecordRecognitionValues) => Promise<ActionResult<{ recognitionId: string }>>;
}

/** The catalogue as the family sees it on the office tablet: what each item is and looks like, nothing more. */
export function OfficeViewing({ viewingSessionId, items, persons, skipWarning, recordRecognition }: OfficeViewingProps) {
  const t = useTranslations("Belongings");
  const [recognising, setRecognising] = useState<string | null>(null);
  return (
    <ViewingScreen labels={viewingLabels(t)} skipWarning={skipWarning} fullScreen>
      {items.length === 0 ? (
        <p className="text-muted">{t("catalogueEmpty")}</p>
      ) : (
        <CategoryGroups items={items} heading={(category, count) => t("categoryHeading", { category: t(`categories.${category}`), count })} listClassName="grid gap-4 sm:grid-cols-2" testId="viewing-items">
          {(item) => {
            const category = t(`categories.${item.category}`);
            return (
              <li key={item.effectId} className="space-y-2 rounded border border-line p-3 text-lg" data-testid="viewing-item">
                <p className="font-medium">{itemWords(t, item)}</p>
                <p>{item.description}</p>
                {item.photoIds.length > 0 && <PhotoThumbnails photoIds={item.photoIds} alt={t("photoAlt", { category })} source={staffPhotoSource} />}
                {recognising === item.effectId ? (
                  <RecognitionForm viewingSessionId={viewingSessionId} effectId={item.effectId} persons={persons} action={recordRecognition} onDone={() => setRecognising(null)} />
                ) : (
                  <button type="button" className="rounded border border-line px-4 py-2 font-medium" onClick={() => setRecognising(item.effectId)} data-testid="recognise-item">
                    {t("viewing.recognise")}
                  </button>
                )}
              </li>
            );
          }}
        </CategoryGroups>
      )}
    </ViewingScreen>
  );
}
