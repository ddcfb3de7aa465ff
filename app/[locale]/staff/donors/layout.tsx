import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function DonorsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="donors">{children}</StaffAreaMessages>;
}
