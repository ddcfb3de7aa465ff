import { getTranslations } from "next-intl/server";
import { registerFieldDevice, reserveFieldCodes, syncFieldItem } from "@/app/[locale]/staff/field/actions";
import { FieldCapture, type ServerSite } from "./field-capture";
import { OfflineWorker } from "./offline-worker";

/**
 * The field-capture page's content, online (with the sites the server lists) and in the offline shell
 * (without: the device's encrypted store has them). Same forms, same server actions.
 */
export async function FieldCaptureSection({ serverSites }: { serverSites: ServerSite[] }) {
  const t = await getTranslations("Field");
  return (
    <OfflineWorker>
      <section className="mx-auto max-w-3xl space-y-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <FieldCapture actions={{ registerDevice: registerFieldDevice, reserveCodes: reserveFieldCodes, syncItem: syncFieldItem }} serverSites={serverSites} />
      </section>
    </OfflineWorker>
  );
}
