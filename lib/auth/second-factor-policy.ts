import type { Role } from "./permissions";
import { environment } from "@/lib/env";

/** Roles that hold the most sensitive data: with REQUIRE_MFA=1 they must use a second factor. */
const ROLES_NEEDING_SECOND_FACTOR: readonly Role[] = ["admin", "forensic"];

/** Whether this role must have switched the authenticator code on before it may do anything else. */
export function secondFactorRequired(role: Role): boolean {
  return environment().REQUIRE_MFA && ROLES_NEEDING_SECOND_FACTOR.includes(role);
}
