import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { FieldCaptureSection } from "@/components/field/field-capture-section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { STAFF_PAGE_NAMESPACES } from "@/lib/i18n/client-messages";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The offline shell of field capture (issue 25, lib/field/offline-shell.ts): the service worker
 * keeps this page and shows it at /staff/field when the network does not answer. It reads no session
 * and no record — no staff name, no case, no site — so it may be kept on a device and served to
 * anyone: what it shows comes from the device's encrypted store once its PIN is given, and what it
 * sends goes through the server actions, which check the session themselves.
 */
export default async function FieldShellPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    // What the field page itself gives its section (tests/unit/route-messages.test.ts checks they agree).
    <ClientMessages namespaces={STAFF_PAGE_NAMESPACES["/staff/field"]}>
      <FieldCaptureSection serverSites={[]} />
    </ClientMessages>
  );
}
