import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function BelongingsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="belongings">{children}</StaffAreaMessages>;
}
