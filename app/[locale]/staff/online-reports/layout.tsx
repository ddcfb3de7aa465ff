import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function OnlineReportsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="online-reports">{children}</StaffAreaMessages>;
}
