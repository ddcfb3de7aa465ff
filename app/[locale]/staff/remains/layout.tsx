import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function RemainsLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="remains">{children}</StaffAreaMessages>;
}
