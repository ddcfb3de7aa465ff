import type { ReactNode } from "react";
import { STAFF_AREA_NAMESPACES, type StaffArea } from "@/lib/i18n/client-messages";
import { ClientMessages } from "./client-messages";

/** The layout of a staff area: its pages' browser code gets the messages it uses, and no others. */
export function StaffAreaMessages({ area, children }: { area: StaffArea; children: ReactNode }) {
  return <ClientMessages namespaces={STAFF_AREA_NAMESPACES[area]}>{children}</ClientMessages>;
}
