import "./support/mock-action-request";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/actions/action-permissions";
import { parseActionInput } from "@/lib/actions/parse-input";
import type { ActionResult } from "@/lib/actions/result";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { graveSiteInput } from "./support/forensic-inputs";
import { createHostileBases, type HostileBase, type HostileBases } from "./support/hostile-bases";
import { applyChanges, type Change, databaseFingerprint, hostileChanges } from "./support/hostile-fields";
import { hostileInputFor } from "./support/hostile-values";
import { familyInput, missingPersonInput } from "./support/people";
import { asRegisteredAction, importActionFileExports } from "./support/server-actions";
import { relaxSecondPersonControl } from "./support/approval-policy";

/**
 * `npm run test:fuzz` (FUZZ=full) is the full fuzz: 10,000 inputs per form schema (parse only) and
 * 150 calls per server action against a real database, from a new random seed each run (fast-check
 * prints it with any failure). Everyday runs (`npm test`, CI) take a tenth of the schema inputs and
 * 40 calls per action, from a fixed seed, so that a failure there reproduces on the next run.
 * HOSTILE_SCHEMA_RUNS, HOSTILE_ACTION_RUNS and FUZZ_SEED override either.
 */
const FULL_FUZZ = process.env.FUZZ === "full";
const SCHEMA_RUNS = Number(process.env.HOSTILE_SCHEMA_RUNS ?? (FULL_FUZZ ? 10_000 : 1_000));
const ACTION_RUNS = Number(process.env.HOSTILE_ACTION_RUNS ?? (FULL_FUZZ ? 150 : 40));
const FIXED_SEED = 20_261_206;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FULL_FUZZ ? undefined : FIXED_SEED;
/** fast-check draws a random seed when none is given. */
const seeded = SEED === undefined ? {} : { seed: SEED };
const ACTION_ERRORS = ["unauthenticated", "forbidden", "invalid", "conflict", "notFound", "refused"];

const backends = await testBackends();
const actions = (await importActionFileExports()).flatMap((entry) => {
  const action = asRegisteredAction(entry);
  const schema = (entry.value as { inputSchema?: z.ZodType }).inputSchema;
  return action && schema ? [{ ...action, schema }] : [];
});

/** Valid inputs the mutations start from, so a hostile value can get past the other fields' checks. */
const validInputs: Partial<Record<ActionName, Record<string, unknown>>> = {
  "persons.create": missingPersonInput(),
  "families.create": familyInput(),
  "graveSites.create": graveSiteInput(),
};

function isCleanResult(result: ActionResult<unknown>): boolean {
  if (result.ok) return true;
  return ACTION_ERRORS.includes(result.error) && typeof result.message === "string";
}

describe("every server action's form schema, fed hostile input", () => {
  it("discovers a schema for every action in the permission table", () => {
    expect(actions.map((action) => action.name).sort()).toEqual(Object.keys(ACTION_PERMISSIONS).sort());
  });

  for (const action of actions) {
    it(`${action.name}: ${SCHEMA_RUNS} inputs only ever give success or validation issues`, () => {
      fc.assert(
        fc.property(hostileInputFor(action.schema, validInputs[action.name]), (input) => {
          const parsed = parseActionInput(action.schema, input);
          if (!parsed.success) {
            expect(parsed.error.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.error.issues) expect(typeof issue.message).toBe("string");
          }
        }),
        { numRuns: SCHEMA_RUNS, ...seeded },
      );
    });
  }
});

function roleFor(name: ActionName): Role {
  const role = ROLES.find((candidate) => can(candidate, ACTION_PERMISSIONS[name]));
  if (!role) throw new Error(`no role may call ${name}`);
  return role;
}

/** Each call: a valid base with hostile fields (most), the base as it is, or input of any shape. */
type Plan = { kind: "base"; changes: Change[] } | { kind: "raw"; input: unknown };

function planFor(schema: z.ZodType, base: HostileBase): fc.Arbitrary<Plan> {
  // An action that takes no fields (starting a second-factor set-up) gets only whole hostile inputs.
  const fieldChanges = Object.keys(base.fields).length === 0 ? [] : [{ arbitrary: hostileChanges(base.fields).map((changes): Plan => ({ kind: "base", changes })), weight: 8 }];
  return fc.oneof(
    ...fieldChanges,
    { arbitrary: fc.constant<Plan>({ kind: "base", changes: [] }), weight: 1 },
    { arbitrary: hostileInputFor(schema).map((input): Plan => ({ kind: "raw", input })), weight: 1 },
  );
}

interface Tally {
  calls: number;
  saved: number;
  invalid: number;
  refused: number;
}

describeOnEachBackend(backends, "every server action, called with hostile input", (database) => {
  const db = () => database().db;
  const usersByRole = new Map<Role, Awaited<ReturnType<typeof createUser>>>();
  const tallies = new Map<ActionName, Tally>();
  let bases: HostileBases = {};
  let fingerprint: (ignoring?: readonly string[]) => Promise<string> = async () => "";

  function signInFor(name: ActionName, caller?: Awaited<ReturnType<typeof createUser>>) {
    const user = caller ?? usersByRole.get(roleFor(name));
    if (!user) throw new Error("no user");
    signInAs(user);
  }

  function actionNamed(name: ActionName) {
    const action = actions.find((candidate) => candidate.name === name);
    if (!action) throw new Error(`no action ${name}`);
    return action;
  }

  beforeAll(async () => {
    actionRequest.db = db();
    // Irreversible steps run at once here: what they do with hostile input is the question.
    await relaxSecondPersonControl(db());
    for (const role of ROLES) usersByRole.set(role, await createUser(db(), role));
    // A second examiner proposes the identifications the first one then confirms (four eyes).
    const other = await createUser(db(), "forensic");
    const callAsAllowedRole = (name: ActionName, input: unknown) => {
      signInFor(name);
      return actionNamed(name).call(input);
    };
    bases = await createHostileBases(db(), callAsAllowedRole, other);
    fingerprint = await databaseFingerprint(db());
  }, 60_000);

  beforeEach(() => {
    actionRequest.db = db();
  });

  afterAll(() => {
    const rows = [...tallies.entries()].map(([name, tally]) => {
      const share = (count: number) => `${((100 * count) / tally.calls).toFixed(0)}%`.padStart(5);
      return `${name.padEnd(36)} ${String(tally.calls).padStart(5)} ${share(tally.saved)} ${share(tally.invalid)} ${share(tally.refused)}`;
    });
    console.info([`${"action".padEnd(36)} calls saved  invalid refused`, ...rows].join("\n"));
  });

  function baseOf(name: ActionName): HostileBase {
    const base = bases[name];
    if (!base) throw new Error(`no valid base for ${name}`);
    return base;
  }

  it("has a valid base for every action, and each base saves as it is", async () => {
    expect(Object.keys(bases).sort()).toEqual(Object.keys(ACTION_PERMISSIONS).sort());
    for (const action of actions) {
      const base = baseOf(action.name);
      signInFor(action.name, base.caller);
      const input = await base.prepare();
      expect(action.schema.safeParse(input).success, action.name).toBe(true);
      const result = await action.call(input);
      expect(result, action.name).toMatchObject({ ok: true });
      base.saved?.(input);
      await base.settle?.();
    }
  });

  for (const action of actions) {
    it(`${action.name}: ${ACTION_RUNS} hostile calls each end in a clean save or a clean refusal, and a refusal saves nothing`, async () => {
      const base = baseOf(action.name);
      const tally: Tally = { calls: 0, saved: 0, invalid: 0, refused: 0 };
      tallies.set(action.name, tally);
      await fc.assert(
        fc.asyncProperty(planFor(action.schema, base), async (plan) => {
          signInFor(action.name, base.caller);
          const input = plan.kind === "raw" ? plan.input : applyChanges(await base.prepare(), base.fields, plan.changes);
          const before = await fingerprint(base.refusalRecords);
          const result = await action.call(input);
          tally.calls += 1;
          expect(isCleanResult(result), JSON.stringify(result)).toBe(true);
          if (result.ok) {
            tally.saved += 1;
            if (plan.kind === "base") base.saved?.(input as Record<string, unknown>);
            await base.settle?.();
            return;
          }
          if (result.error === "invalid") {
            tally.invalid += 1;
            expect(Object.keys(result.fieldErrors ?? {}).length, JSON.stringify(result)).toBeGreaterThan(0);
          } else tally.refused += 1;
          expect(await fingerprint(base.refusalRecords), `${action.name} refused (${result.error}) yet changed the database`).toBe(before);
        }),
        { numRuns: ACTION_RUNS, ...seeded },
      );
      // One call in ten sends the base as it is: a base that went stale (an old version) saves nothing.
      expect(tally.saved, `${action.name} never saved`).toBeGreaterThan(0);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    });
  }

  it("refuses a null character, which PostgreSQL text cannot hold, as invalid input on that field", async () => {
    const { createMissingPerson } = await import("@/app/[locale]/staff/persons/actions");
    const registrar = usersByRole.get("registrar");
    if (!registrar) throw new Error("no registrar");
    signInAs(registrar);
    expect(await createMissingPerson(missingPersonInput({ circumstances: "a\u0000b" }))).toEqual({
      ok: false,
      error: "invalid",
      message: "Actions.invalid",
      fieldErrors: { circumstances: "unstorableCharacter" },
    });
  });

  it("leaves an audit chain that still verifies", async () => {
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
