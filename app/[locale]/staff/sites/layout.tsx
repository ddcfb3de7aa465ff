import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function SitesLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="sites">{children}</StaffAreaMessages>;
}
