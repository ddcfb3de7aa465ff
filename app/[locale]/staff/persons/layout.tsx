import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function PersonsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="persons">{children}</StaffAreaMessages>;
}
