import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import { SIDED_RELATIONSHIPS } from "@/lib/enum-values";
import { NON_GENETIC_RELATIONSHIPS } from "@/lib/people/relationships";
import type { FamilyDetails } from "@/lib/people/family-queries";
import type { ReferenceSampleValues } from "@/lib/people/schemas";
import { fullArabicName } from "./person-name";
import { SampleForm } from "./sample-form";
import { LtrText } from "@/components/layout/ltr-text";

const SIDED: ReadonlySet<string> = new Set(SIDED_RELATIONSHIPS);

interface FamilyDonorsProps {
  donors: FamilyDetails["donors"];
  collect: ((values: ReferenceSampleValues) => Promise<ActionResult<{ sampleId: string }>>) | null;
  collectorName: string;
  canPrint: boolean;
}

/** Each donor with their relation to each missing person, their samples, and (for registrars) the collection form. */
export async function FamilyDonors({ donors, collect, collectorName, canPrint }: FamilyDonorsProps) {
  const t = await getTranslations("People");
  if (donors.length === 0) return <p className="text-muted">{t("noDonors")}</p>;
  return (
    <ul className="space-y-4">
      {donors.map((donor) => (
        <li key={donor.id} className="space-y-2 rounded border border-line p-4" data-testid="donor">
          <p className="font-medium">
            {fullArabicName(donor)} {donor.phone !== null && donor.phone !== "" && <LtrText className="text-muted">{donor.phone}</LtrText>}
            {/* Only writers get the collection form, and only they may correct the donor. */}
            {collect && <> · <Link href={`/staff/donors/${donor.id}/edit`} className="text-sm font-normal text-accent underline" data-testid="edit-donor">{t("edit")}</Link></>}
          </p>
          <ul className="text-sm">
            {donor.relationships.map((relationship) => (
              <li key={relationship.missingPersonId}>
                {t(`relationships.${relationship.relationship}`)}
                {SIDED.has(relationship.relationship) && (
                  <span data-testid="relationship-side"> ({relationship.side ? t(`sides.${relationship.side}`) : <span className="text-amber-800">{t("sideUnknown")}</span>})</span>
                )}
                {" "}— {relationship.givenName} (<LtrText>{relationship.caseNumber}</LtrText>)
                {NON_GENETIC_RELATIONSHIPS.has(relationship.relationship) && <span className="text-muted"> · {t("notGenetic")}</span>}
              </li>
            ))}
          </ul>
          <ul className="text-sm" data-testid="donor-samples">
            {donor.samples.map((sample) => (
              <li key={sample.id}>
                <Link href={`/staff/samples/${sample.id}`} className="text-accent underline" data-testid="sample-link"><LtrText>{sample.barcode}</LtrText></Link> · {t(`labStatuses.${sample.labStatus}`)}
                {canPrint && (
                  <> · <Link href={`/staff/samples/${sample.id}/receipt`} className="text-accent underline" data-testid="receipt-link">{t("receipt")}</Link></>
                )}
              </li>
            ))}
          </ul>
          {collect && (
            <details>
              <summary className="cursor-pointer text-accent">{t("collectSample")}</summary>
              <SampleForm action={collect} donorId={donor.id} collectorName={collectorName} />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
