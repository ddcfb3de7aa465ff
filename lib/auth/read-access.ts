import "server-only";
import type { StaffSession } from "./current-session";
import { can, type Permission } from "./permissions";

declare const readAccessBrand: unique symbol;

/**
 * Proof that a staff session may read what one permission guards. Only `authoriseRead` makes one,
 * after asking the permission table, and every read of non-public data takes one as its first
 * argument: a page that forgot its check does not type-check, and a capability for another
 * permission (or a forged object) is refused at run time too. The permission is in the type, so a
 * "people.read" capability cannot be handed to a read that needs "dnaProfiles.use".
 */
export interface ReadAccess<P extends Permission> {
  readonly [readAccessBrand]: P;
  readonly permission: P;
  readonly session: StaffSession;
}

/** A read was asked for by a session that may not make it; pages and routes check first, so this is a bug. */
export class ReadRefused extends Error {
  constructor(
    readonly role: StaffSession["role"] | null,
    readonly permission: Permission,
  ) {
    super(`a ${role ?? "signed-out"} session may not read what ${permission} guards`);
    this.name = "ReadRefused";
  }
}

// Capabilities authoriseRead made; a cast object literal is not among them.
const issued = new WeakSet<object>();

function refusesRead(session: StaffSession | null, permission: Permission): boolean {
  return !session || session.mustChangePassword || session.mustEnrolSecondFactor === true || !can(session.role, permission);
}

/** The one way to a ReadAccess: the session's role must hold the permission (and have no pending password change or second-factor set-up). */
export function authoriseRead<P extends Permission>(session: StaffSession | null, permission: P): ReadAccess<P> {
  if (!session || refusesRead(session, permission)) throw new ReadRefused(session?.role ?? null, permission);
  const access = Object.freeze({ permission, session }) as ReadAccess<P>;
  issued.add(access);
  return access;
}

/** authoriseRead for content a page shows only to some roles: null instead of a refusal. */
export function readAccessIf<P extends Permission>(session: StaffSession, permission: P): ReadAccess<P> | null {
  return refusesRead(session, permission) ? null : authoriseRead(session, permission);
}

/** The check every guarded read runs first, whatever the type system let through. */
export function assertReadAccess(access: ReadAccess<Permission> | null | undefined, permission: Permission): void {
  const genuine = typeof access === "object" && access !== null && issued.has(access);
  if (!genuine || access.permission !== permission || refusesRead(access.session, permission)) {
    throw new ReadRefused(genuine ? access.session.role : null, permission);
  }
}

/**
 * Declares a read of non-public data the way defineAction declares an action: the permission it
 * needs, held beside the query, checked before the query runs. The result takes the capability
 * first, then the query's own arguments unchanged.
 */
export function defineRead<P extends Permission, Args extends unknown[], Result>(
  permission: P,
  read: (...args: Args) => PromiseLike<Result>,
): (access: ReadAccess<P>, ...args: Args) => Promise<Result> {
  return async (access, ...args) => {
    assertReadAccess(access, permission);
    return read(...args);
  };
}
