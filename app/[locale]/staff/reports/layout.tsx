import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function ReportsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="reports">{children}</StaffAreaMessages>;
}
