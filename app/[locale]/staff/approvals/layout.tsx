import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function ApprovalsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="approvals">{children}</StaffAreaMessages>;
}
