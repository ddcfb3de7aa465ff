import type { ComponentType } from "react";
import { STAFF_PAGE_NAMESPACES, type StaffPageRoute } from "@/lib/i18n/client-messages";
import { ClientMessages } from "./client-messages";

/**
 * A staff page as its route exports it: the page's browser code gets the messages it uses
 * (STAFF_PAGE_NAMESPACES[route]) and no others. A wrapper of the page rather than its area's
 * layout, because a layout serves every page below it and would carry what all of them use.
 */
export function withStaffPageMessages<Props extends object>(route: StaffPageRoute, Page: ComponentType<Props>) {
  function StaffPageWithMessages(props: Props) {
    return (
      <ClientMessages namespaces={STAFF_PAGE_NAMESPACES[route]}>
        <Page {...props} />
      </ClientMessages>
    );
  }
  StaffPageWithMessages.displayName = `withStaffPageMessages(${route})`;
  return StaffPageWithMessages;
}
