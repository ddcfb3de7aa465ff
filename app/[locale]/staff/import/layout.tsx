import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function ImportLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="import">{children}</StaffAreaMessages>;
}
