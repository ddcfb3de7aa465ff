import { getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import { OpenViewingButton, RemoteViewingSwitch } from "./viewing-switches";

interface FamilyBelongingsSectionProps {
  familyId: string;
  remoteViewing: boolean;
  openViewing: ComponentProps<typeof OpenViewingButton>["open"];
  setRemoteViewing: ComponentProps<typeof RemoteViewingSwitch>["set"];
}

/** On a family's page, for registrars: open a viewing session at the office, switch remote viewing in the portal. */
export async function FamilyBelongingsSection({ familyId, remoteViewing, openViewing, setRemoteViewing }: FamilyBelongingsSectionProps) {
  const t = await getTranslations("Belongings");
  return (
    <section className="space-y-3 rounded border border-line p-4" aria-labelledby="family-belongings-title" data-testid="family-belongings">
      <h2 id="family-belongings-title" className="text-xl font-semibold">
        {t("catalogueTitle")}
      </h2>
      <p className="text-sm text-muted">{t("viewing.openHint")}</p>
      <OpenViewingButton familyId={familyId} open={openViewing} />
      <h3 className="font-semibold">{t("remote.title")}</h3>
      <RemoteViewingSwitch familyId={familyId} on={remoteViewing} set={setRemoteViewing} />
    </section>
  );
}
