import { getTranslations } from "next-intl/server";
import type { RemainsRecord } from "@/lib/forensic/remains-queries";
import { PhotoThumbnails, staffPhotoSource } from "./photo-thumbnails";
import { PhotoUploadForm } from "./photo-upload-form";

interface EffectPhotosSectionProps {
  effects: RemainsRecord["effects"];
  photos: Record<string, string[]>;
  mayUpload: boolean;
}

/** Each effect of a body with its catalogue words and photographs, and the upload form for forensic staff. */
export async function EffectPhotosSection({ effects, photos, mayUpload }: EffectPhotosSectionProps) {
  const t = await getTranslations("Belongings");
  if (effects.length === 0) return null;
  return (
    <section aria-labelledby="effect-photos-title" className="space-y-3">
      <h2 id="effect-photos-title" className="text-lg font-semibold">
        {t("photosTitle")}
      </h2>
      <ul className="space-y-4">
        {effects.map((effect) => {
          const category = t(`categories.${effect.category}`);
          return (
            <li key={effect.id} className="space-y-2 rounded border border-line p-3" data-testid="effect-photo-item">
              <p>
                <span className="font-medium">{category}</span>
                {effect.colour && ` · ${t(`colours.${effect.colour}`)}`}
                {effect.material && ` · ${t(`materials.${effect.material}`)}`} — {effect.description}
              </p>
              {(photos[effect.id] ?? []).length === 0 ? (
                <p className="text-sm text-muted">{t("noPhoto")}</p>
              ) : (
                <PhotoThumbnails photoIds={photos[effect.id] ?? []} alt={t("photoAlt", { category })} source={staffPhotoSource} />
              )}
              {mayUpload && <PhotoUploadForm effectId={effect.id} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
