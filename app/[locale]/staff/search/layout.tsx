import type { ReactNode } from "react";
import { StaffAreaMessages } from "@/components/i18n/staff-area-messages";

export default function SearchLayout({ children }: { children: ReactNode }) {
  return <StaffAreaMessages area="search">{children}</StaffAreaMessages>;
}
