import type { OfficeContactLines } from "@/lib/settings/office-contact-values";

/**
 * The head of a document the office hands to a family (receipt, access slip): the office's name,
 * address and telephone as kept under staff settings, or the registry's name while none are kept.
 * No hooks and no data access, so the slip (client) and the receipt (server) both use it.
 */
export function Letterhead({ lines, fallbackName }: { lines: OfficeContactLines | null; fallbackName: string }) {
  return (
    <div className="border-b-2 border-ink pb-2 text-center" data-testid="letterhead">
      <p className="text-lg font-bold">{lines?.name || fallbackName}</p>
      {lines?.address && <p className="whitespace-pre-line text-sm">{lines.address}</p>}
      {lines?.phone && (
        <p className="text-sm">
          <bdi dir="ltr">{lines.phone}</bdi>
        </p>
      )}
    </div>
  );
}

export interface SignatureLabels {
  staff: string;
  recipient: string;
  stamp: string;
}

/** Where the issuing officer and the family sign, and a box for the office's stamp. */
export function SignatureLines({ labels }: { labels: SignatureLabels }) {
  return (
    <div className="grid grid-cols-[1fr_1fr_auto] items-end gap-6 pt-6 text-sm break-inside-avoid" data-testid="signature-lines">
      <p className="border-t border-ink pt-1">{labels.staff}</p>
      <p className="border-t border-ink pt-1">{labels.recipient}</p>
      <div className="flex h-24 w-24 items-center justify-center rounded-full border border-dashed border-ink text-center text-xs text-muted">{labels.stamp}</div>
    </div>
  );
}
