import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="settings">{children}</StaffAreaMessages>;
}
