import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function ExportsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="exports">{children}</StaffAreaMessages>;
}
