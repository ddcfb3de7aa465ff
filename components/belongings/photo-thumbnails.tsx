/** Thumbnails of an effect's photographs, each opening the web size; `source` gives the route a reader may use. */
export function PhotoThumbnails({ photoIds, alt, source }: { photoIds: readonly string[]; alt: string; source: (photoId: string, size: "thumbnail" | "web") => string }) {
  return (
    <ul className="flex flex-wrap gap-2" data-testid="effect-photos">
      {photoIds.map((photoId) => (
        <li key={photoId}>
          <a href={source(photoId, "web")} target="_blank" rel="noopener">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, signed-in route: Next's image optimiser would fetch it without the session */}
            <img src={source(photoId, "thumbnail")} alt={alt} className="h-28 w-28 rounded border border-line object-cover" loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

export const staffPhotoSource = (photoId: string, size: "thumbnail" | "web") => `/api/staff/effect-photos/${photoId}/${size}`;
