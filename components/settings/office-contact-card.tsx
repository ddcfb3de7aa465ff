import type { OfficeContactLines } from "@/lib/settings/office-contact-values";

export interface OfficeContactLabels {
  heading: string;
  address: string;
  phone: string;
  hours: string;
}

/**
 * The office's name, address, telephone, hours and message, for a family. No hooks and no data
 * access, so the portal (server), the slip (client) and the receipt (print) all use it.
 */
export function OfficeContactCard({ lines, labels, testId = "office-contact", headingLevel = 2 }: { lines: OfficeContactLines; labels: OfficeContactLabels; testId?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const rows: [string, string, boolean][] = [
    [labels.address, lines.address, false],
    [labels.phone, lines.phone, true],
    [labels.hours, lines.hours, false],
  ];
  return (
    <div className="space-y-2 rounded border border-line bg-white p-4" data-testid={testId}>
      <Heading className="text-lg font-semibold">{labels.heading}</Heading>
      {lines.name && <p className="font-medium">{lines.name}</p>}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows
          .filter(([, value]) => value !== "")
          .map(([term, value, isPhone]) => (
            <div key={term} className="contents">
              <dt className="text-muted">{term}</dt>
              <dd className="whitespace-pre-line">
                {isPhone ? (
                  <a href={`tel:${value.replace(/[^+0-9٠-٩]/g, "")}`} className="whitespace-nowrap underline">
                    <bdi dir="ltr">{value}</bdi>
                  </a>
                ) : (
                  value
                )}
              </dd>
            </div>
          ))}
      </dl>
      {lines.message && <p className="whitespace-pre-line">{lines.message}</p>}
    </div>
  );
}
