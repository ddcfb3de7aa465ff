import "./support/mock-action-request";
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/actions/action-permissions";
import type { ActionResult } from "@/lib/actions/result";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createGraveSite, createRemains, createUser, uniqueSuffix } from "./support/factories";
import { graveSiteInput, remainsInput } from "./support/forensic-inputs";
import { hostileInputFor } from "./support/hostile-values";
import { familyInput, missingPersonInput, motherDonorInput, unwrap } from "./support/people";
import { asRegisteredAction, importActionFileExports } from "./support/server-actions";

/** Inputs per form schema (parse only), and per server action against a real database. */
const SCHEMA_RUNS = Number(process.env.HOSTILE_SCHEMA_RUNS ?? 10_000);
const ACTION_RUNS = Number(process.env.HOSTILE_ACTION_RUNS ?? 300);
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
          const parsed = action.schema.safeParse(input);
          if (!parsed.success) {
            expect(parsed.error.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.error.issues) expect(typeof issue.message).toBe("string");
          }
        }),
        { numRuns: SCHEMA_RUNS },
      );
    });
  }
});

function roleFor(name: ActionName): Role {
  const role = ROLES.find((candidate) => can(candidate, ACTION_PERMISSIONS[name]));
  if (!role) throw new Error(`no role may call ${name}`);
  return role;
}

describeOnEachBackend(backends, "every server action, called with hostile input", (database) => {
  const db = () => database().db;
  const usersByRole = new Map<Role, Awaited<ReturnType<typeof createUser>>>();
  const updateBases: Partial<Record<ActionName, Record<string, unknown>>> = {};

  beforeAll(async () => {
    actionRequest.db = db();
    for (const role of ROLES) usersByRole.set(role, await createUser(db(), role));
    const registrar = usersByRole.get("registrar");
    if (!registrar) throw new Error("no registrar");
    signInAs(registrar);
    const { createMissingPerson, updateMissingPerson } = await import("@/app/[locale]/staff/persons/actions");
    const { createFamily, updateFamily } = await import("@/app/[locale]/staff/families/actions");
    const person = missingPersonInput();
    const { missingPersonId } = unwrap(await createMissingPerson(person));
    const personFields = Object.fromEntries(Object.entries(person).filter(([key]) => key !== "duplicatesReviewed"));
    updateBases["persons.update"] = { ...personFields, missingPersonId, version: 1, status: "missing" };
    const family = familyInput();
    const { familyId } = unwrap(await createFamily(family));
    updateBases["families.update"] = { ...family, familyId, version: 1 };
    const site = await createGraveSite(db());
    updateBases["remains.create"] = remainsInput({ id: site.id, code: "TRH-GS-97" });
    updateBases["users.create"] = {
      username: `hostile.${uniqueSuffix()}`,
      displayName: "سميرة المبروك",
      role: "registrar",
      locale: "ar",
      newPassword: "wadi-rabt-olive-7391-lantern",
      confirmPassword: "wadi-rabt-olive-7391-lantern",
    };
    updateBases["donors.create"] = motherDonorInput(familyId, missingPersonId);
    updateBases["reports.create"] = {
      station: "مركز شرطة ترهونة",
      reportNumber: `H/${uniqueSuffix()}`,
      filedOn: "2020-07-01",
      reporterName: "سالم عمر",
      reporterRelationship: "أخ",
      category: "disappearance",
      narrative: "",
      missingPersonIds: [missingPersonId],
      newPersons: [],
    };
    const body = await createRemains(db());
    updateBases["custody.record"] = {
      remainsId: body.id,
      sampleId: null,
      action: "transferred",
      fromParty: "فريق الانتشال",
      toParty: "مشرحة طرابلس",
      place: "ترهونة",
      occurredAt: "2024-05-01T09:30",
      notes: "",
      correctsEventId: null,
    };
    // The bases must be valid, or the mutations would only ever test the first refusal.
    expect(unwrap(await updateMissingPerson({ ...updateBases["persons.update"], version: 1 }))).toEqual({ version: 2 });
    expect(unwrap(await updateFamily(updateBases["families.update"]))).toEqual({ version: 2 });
    updateBases["persons.update"].version = 2;
    updateBases["families.update"].version = 2;
  });

  beforeEach(() => {
    actionRequest.db = db();
  });

  it("starts the mutations from inputs the schemas accept", () => {
    for (const action of actions) {
      const base = validInputs[action.name] ?? updateBases[action.name];
      if (base) expect(action.schema.safeParse(base).success, action.name).toBe(true);
    }
  });

  for (const action of actions) {
    it(`${action.name}: ${ACTION_RUNS} hostile calls each end in { ok: true } or a clean refusal`, async () => {
      const user = usersByRole.get(roleFor(action.name));
      if (!user) throw new Error("no user");
      signInAs(user);
      const base = validInputs[action.name] ?? updateBases[action.name];
      await fc.assert(
        fc.asyncProperty(hostileInputFor(action.schema, base), async (input) => {
          const result = await action.call(input);
          expect(isCleanResult(result), JSON.stringify(result)).toBe(true);
        }),
        { numRuns: ACTION_RUNS },
      );
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
