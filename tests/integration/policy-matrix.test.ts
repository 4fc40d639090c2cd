// The access matrix, generated from the policy table: every policy, against every role and
// relationship (allocated, team, manager, IRO of the child and of another child, a worker and a
// manager of another team, a provider with an active arrangement, of another organisation and
// after the arrangement ended, break-glass readers, a records officer without it, a deactivated
// user, someone signed out), through both doors: the action wrapper and authorizedView. What
// each may do is written here from the product's rules (DESIGN.md), not read from lib/access.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { ENTRY_SECTIONS } from "@/db/schema/codes";
import { PERMISSIONS, POLICIES, POLICY_NAMES, type PolicyName } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { authorizedAction, wrappedPolicyOf, type TransactionalPolicyName } from "@/lib/actions";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";
import { FORM_SECTIONS, RECORD_SECTIONS, type RecordSection } from "@/lib/sections";
import { demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

// Importing every "use server" module: next-auth itself needs Next's runtime, which tests do not load.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const demo = useDemoAuthority();

type Relation = "allocated" | "team" | "manager" | "iro" | "provider" | "break_glass";

interface Case {
  name: string;
  user: DemoUserKey | null;
  child: string;
  /** The relationship the product gives this person to this child (null: none at all). */
  relation: Relation | null;
}

// Child 0 (North, allocated to sw1, IRO iro1, Brightwater arrangement active); child 1 (North,
// allocated to sw2); child 6 (Brightwater's arrangement has ended); child 30 (South).
const CASES: Case[] = [
  { name: "the allocated social worker", user: "sw1", child: demoChildId(0), relation: "allocated" },
  { name: "a social worker of the same team", user: "sw1", child: demoChildId(1), relation: "team" },
  { name: "a social worker of another team", user: "sw3", child: demoChildId(2), relation: null },
  { name: "the team manager", user: "tm1", child: demoChildId(0), relation: "manager" },
  { name: "a manager of another team", user: "tm2", child: demoChildId(0), relation: null },
  { name: "the child's IRO", user: "iro1", child: demoChildId(0), relation: "iro" },
  { name: "an IRO of another child", user: "iro2", child: demoChildId(0), relation: null },
  { name: "a provider with an active arrangement", user: "prov1", child: demoChildId(0), relation: "provider" },
  { name: "a provider of another organisation", user: "prov2", child: demoChildId(0), relation: null },
  { name: "a provider whose arrangement ended", user: "prov1", child: demoChildId(6), relation: null },
  { name: "a worker of another team through break-glass", user: "sw3", child: demoChildId(0), relation: "break_glass" },
  { name: "the records officer without break-glass", user: "ro", child: demoChildId(1), relation: null },
  { name: "the records officer through break-glass", user: "ro", child: demoChildId(0), relation: "break_glass" },
  // A supervising social worker reaches carers' records, never a child's (carer-records.test.ts has their matrix).
  { name: "a supervising social worker", user: "ssw", child: demoChildId(0), relation: null },
  { name: "a supervising social worker who supervises no record", user: "ssw2", child: demoChildId(0), relation: null },
  { name: "a deactivated user", user: "gone", child: demoChildId(0), relation: null },
  { name: "someone signed out", user: null, child: demoChildId(0), relation: null },
];

const ALL = RECORD_SECTIONS;
const WORKER_WRITES = ALL.filter((s) => s !== "summary" && s !== "chronology");
const PROVIDER_READS: RecordSection[] = [
  "summary",
  "people",
  "carePlan",
  "contact",
  "health",
  "education",
  "visits",
  "documents",
];
/** What each relationship reaches (DESIGN.md: people and what they may do). */
const READS: Record<Relation, readonly RecordSection[]> = {
  allocated: ALL,
  manager: ALL,
  iro: ALL,
  team: ["summary"],
  provider: PROVIDER_READS,
  break_glass: ALL,
};
const WRITES: Record<Relation, readonly RecordSection[]> = {
  allocated: WORKER_WRITES,
  manager: WORKER_WRITES,
  iro: ["decisions", "reviews"],
  team: [],
  provider: ["visits", "documents"],
  break_glass: [],
};

type Role = "social_worker" | "team_manager" | "iro" | "provider" | "records_officer" | "supervising_social_worker";
const ROLE_OF: Record<DemoUserKey, Role> = {
  sw1: "social_worker",
  sw2: "social_worker",
  sw3: "social_worker",
  gone: "social_worker",
  tm1: "team_manager",
  tm2: "team_manager",
  iro1: "iro",
  iro2: "iro",
  prov1: "provider",
  prov2: "provider",
  ro: "records_officer",
  ssw: "supervising_social_worker",
  ssw2: "supervising_social_worker",
};

type Outcome = "allowed" | "permission" | "refused";
const reads = (c: Case, s: RecordSection) => (c.relation ? READS[c.relation].includes(s) : false);
const writes = (c: Case, s: RecordSection) => (c.relation ? WRITES[c.relation].includes(s) : false);
/** Refused for the role's permission, else by the relationship. */
const rule = (roles: readonly Role[], reach: (c: Case) => boolean) => (c: Case, role: Role) =>
  !roles.includes(role) ? "permission" : reach(c) ? "allowed" : "refused";

const STAFF: Role[] = ["social_worker", "team_manager", "iro", "records_officer"];
const EVERY: Role[] = [...STAFF, "provider"];
const WORKERS: Role[] = ["social_worker", "team_manager"];
const RECORDS: Role[] = ["records_officer"];
const SSW: Role[] = ["supervising_social_worker"];
const SIGNED_IN: Role[] = [...EVERY, "supervising_social_worker"];
/** A carer's record named by a child's id is no carer's record: refused, for the permission first (carer-records.test.ts has the rest). */
const carerPolicy = (roles: readonly Role[]) => rule(roles, () => false);

/** One row per policy that is not generated per section. A policy added without a row fails below. */
const NAMED: Record<string, (c: Case, role: Role) => Outcome> = {
  "carePlan.startVersion": rule(WORKERS, (c) => writes(c, "carePlan")),
  "carePlan.saveDraft": rule(WORKERS, (c) => writes(c, "carePlan")),
  "carePlan.submit": rule(WORKERS, (c) => writes(c, "carePlan")),
  "carePlan.approve": rule(["team_manager"], (c) => writes(c, "carePlan")),
  "carePlan.return": rule(["team_manager"], (c) => writes(c, "carePlan")),
  "arrangements.create": rule(WORKERS, (c) => writes(c, "arrangements")),
  "arrangements.amend": rule(WORKERS, (c) => writes(c, "arrangements")),
  "episodes.recordEvent": rule(WORKERS, (c) => writes(c, "episodes")),
  "episodes.amend": rule(WORKERS, (c) => writes(c, "episodes")),
  "reviews.schedule": rule(["iro"], (c) => c.relation === "iro"),
  "reviews.record": rule(["iro"], (c) => c.relation === "iro"),
  "reviews.signOff": rule(["iro"], (c) => c.relation === "iro"),
  "reviews.amend": rule(["iro"], (c) => c.relation === "iro"),
  "reviews.respond": rule(["team_manager"], (c) => c.relation === "manager"),
  "reviews.updateRecommendation": rule([...WORKERS, "iro"], (c) => writes(c, "reviews")),
  // Between reviews: whoever reads the reviews reads the IRO's notes and disputes; only the child's IRO writes them.
  "iroMonitoring.view": rule(STAFF, (c) => reads(c, "reviews")),
  "iroMonitoring.writeNote": rule(["iro"], (c) => c.relation === "iro"),
  "iroDispute.raise": rule(["iro"], (c) => c.relation === "iro"),
  "iroDispute.escalate": rule(["iro"], (c) => c.relation === "iro"),
  "iroDispute.resolve": rule(["iro"], (c) => c.relation === "iro"),
  "iroDispute.referToCafcass": rule(["iro"], (c) => c.relation === "iro"),
  "workTray.view": rule(["social_worker", "team_manager", "iro"], () => true),
  "missing.start": rule(WORKERS, (c) => writes(c, "episodes")),
  "missing.end": rule(WORKERS, (c) => writes(c, "episodes")),
  "uasc.record": rule(WORKERS, (c) => writes(c, "episodes")),
  "uasc.cease": rule(WORKERS, (c) => writes(c, "episodes")),
  "child.recordReturnDetails": rule(WORKERS, (c) => writes(c, "episodes")),
  "careLeaver.recordContact": rule(WORKERS, (c) => writes(c, "episodes")),
  "adoption.recordMilestones": rule(WORKERS, (c) => writes(c, "episodes")),
  "childProtection.start": rule(WORKERS, (c) => writes(c, "childProtection")),
  "childProtection.end": rule(WORKERS, (c) => writes(c, "childProtection")),
  "allocation.manage": rule(["team_manager"], (c) => c.relation === "manager"),
  "allocation.end": rule(["team_manager"], (c) => c.relation === "manager"),
  "allocation.transferTeam": rule(["team_manager"], (c) => c.relation === "manager"),
  "marker.action": rule(["team_manager"], (c) => c.relation === "manager"),
  "team.dashboard": rule(["team_manager"], () => true),
  "ssda903.view": rule(RECORDS, () => true),
  "ssda903.download": rule(RECORDS, () => true),
  "dataQuality.view": rule(["team_manager", ...RECORDS], () => true),
  "child.create": rule(WORKERS, () => true),
  "documents.upload": rule([...WORKERS, "provider"], (c) => writes(c, "documents")),
  "documents.download": rule(EVERY, (c) => reads(c, "documents")),
  "progressFile.export": rule(WORKERS, (c) => c.relation === "allocated" || c.relation === "manager"),
  "entry.markSignificant": rule([...WORKERS, "iro"], (c) => ["allocated", "manager", "iro"].includes(c.relation ?? "")),
  "entry.seal": rule(RECORDS, () => true),
  "child.markSameChild": rule(RECORDS, () => true),
  "sameChild.view": rule(RECORDS, () => true),
  "breakGlass.grant": rule(STAFF, () => true),
  "caseload.view": rule(["social_worker", "team_manager", "iro", "provider"], () => true),
  "breakGlass.review": rule(RECORDS, () => true),
  "child.search": rule(RECORDS, () => true),
  "audit.view": rule(RECORDS, () => true),
  "audit.verify": rule(RECORDS, () => true),
  "user.list": rule(RECORDS, () => true),
  "user.setActive": rule(RECORDS, () => true),
  "user.create": rule(RECORDS, () => true),
  "user.changeRole": rule(RECORDS, () => true),
  "user.resetPassword": rule(RECORDS, () => true),
  "user.setSwId": rule(RECORDS, () => true),
  "audit.export": rule(RECORDS, () => true),
  "audit.subjectAccess": rule(RECORDS, () => true),
  "retention.view": rule(RECORDS, () => true),
  "retention.setHold": rule(RECORDS, () => true),
  "session.keepAlive": rule(SIGNED_IN, () => true),
  "session.signOut": rule(SIGNED_IN, () => true),
  "people.add": rule(WORKERS, (c) => writes(c, "people")),
  "people.amend": rule(WORKERS, (c) => writes(c, "people")),
  "people.end": rule(WORKERS, (c) => writes(c, "people")),
  "siblings.link": rule(WORKERS, (c) => writes(c, "people")),
  "siblings.end": rule(WORKERS, (c) => writes(c, "people")),
  "siblings.linkContact": rule(WORKERS, (c) => writes(c, "contact")),
  "sharedEntry.record": rule(WORKERS, (c) => writes(c, "duplicates")),
  "sharedEntry.amend": rule(WORKERS, (c) => writes(c, "duplicates")),
  "duplicates.refresh": rule(WORKERS, (c) => writes(c, "duplicates")),
  "carers.list": rule(["social_worker", "team_manager", "supervising_social_worker"], () => true),
  "carerRecord.create": rule(SSW, () => true),
  "carerRecord.view": carerPolicy(["social_worker", "team_manager", "supervising_social_worker"]),
  "carerEntries.view": carerPolicy(["social_worker", "team_manager", "supervising_social_worker"]),
  "carerRecord.amend": carerPolicy(SSW),
  "carerEntry.create": carerPolicy(SSW),
  "carerEntry.amend": carerPolicy(SSW),
  "carerEntry.duplicate": carerPolicy(SSW),
  "auth.signIn": () => "allowed",
};

function expected(name: PolicyName, c: Case): Outcome | "signed-out" {
  if (c.user === null || c.user === "gone") return "signed-out";
  const role = ROLE_OF[c.user];
  const [subject, verb] = name.split(".") as [string, string];
  const named = NAMED[name];
  if (named) return named(c, role);
  const section = subject as RecordSection;
  // Every role reads the sections it can reach through a relationship; providers only theirs.
  if (verb === "view") return rule(PROVIDER_READS.includes(section) ? EVERY : STAFF, (x) => reads(x, section))(c, role);
  // Entry forms (create, amend, autosave) follow the relationship's writes; roles without the
  // section's write permission are refused for the permission.
  const writers: Role[] =
    section === "decisions" ? [...WORKERS, "iro"] : section === "visits" ? [...WORKERS, "provider"] : WORKERS;
  return rule(writers, (x) => writes(x, section))(c, role);
}

const SESSION_POLICIES = new Set<PolicyName>(["auth.signIn", "session.keepAlive", "session.signOut"]);
const ACTION_POLICIES = POLICY_NAMES.filter((n) => !SESSION_POLICIES.has(n)) as TransactionalPolicyName[];

/** The wrapper with a body that only says it ran: the door's decision for that policy, nothing else. */
const doors = new Map(
  ACTION_POLICIES.map((name) => [
    name,
    authorizedAction(name, z.object({ childId: z.string() }).loose(), async () => "ran" as const),
  ]),
);

beforeAll(async () => {
  // Break-glass readers for the matrix, through the real action.
  for (const key of ["sw3", "ro"] as const) {
    demo.as(key);
    const granted = await requestBreakGlassAction({
      childId: demoChildId(0),
      reason: "Emergency duty call about this child out of hours (fictional test)",
    });
    expect(granted.ok).toBe(true);
  }
  signInAs(null);
});

const signIn = (c: Case) => signInAs(c.user ? demo.actor(c.user) : null);

describe("the policy table", () => {
  it("has an expectation row for every policy, and every row names a policy", () => {
    const generated = POLICY_NAMES.filter((n) => !(n in NAMED));
    for (const name of generated) {
      const [subject, verb] = name.split(".") as [string, string];
      const isView = verb === "view" && (ALL as readonly string[]).includes(subject);
      const isEntry =
        ((verb === "create" || verb === "amend") && (FORM_SECTIONS as readonly string[]).includes(subject)) ||
        (verb === "draftSave" && (ENTRY_SECTIONS as readonly string[]).includes(subject));
      expect(isView || isEntry, `${name} has no expectation row`).toBe(true);
    }
    for (const name of Object.keys(NAMED)) expect(POLICY_NAMES, `${name} is not a policy`).toContain(name);
  });

  it("uses every permission in at least one policy", () => {
    const used = new Set(POLICY_NAMES.map((n) => POLICIES[n].permission));
    for (const permission of PERMISSIONS) expect(used.has(permission), `${permission} is used by no policy`).toBe(true);
  });

  it("lets break-glass use only policies that read", () => {
    for (const name of POLICY_NAMES) {
      const p = POLICIES[name];
      if (p.breakGlass) expect(p.reaches, name).toMatchObject({ kind: "section", mode: "read" });
    }
  });

  it('exports nothing but wrapped actions from a "use server" module, each naming real policies', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (
          /\.(ts|tsx)$/.test(entry) &&
          /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(full, "utf8"))
        )
          files.push(full);
      }
    };
    for (const dir of ["app", "lib", "components"]) walk(path.resolve(dir));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [exported, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue; // types vanish; only functions are callable
        const names = wrappedPolicyOf(value);
        expect(names, `${path.relative(process.cwd(), file)} exports ${exported} without the wrapper`).toBeTruthy();
        for (const name of (names ?? "").split(",")) expect(POLICY_NAMES, `${exported}: ${name}`).toContain(name);
      }
    }
  });
});

describe("the action door, for every policy, role and relationship", () => {
  for (const c of CASES) {
    it(`${c.name}: each action is allowed or refused as the rules say, and each refusal is audited`, async () => {
      for (const name of ACTION_POLICIES) {
        signIn(c);
        const door = doors.get(name);
        if (!door) throw new Error(name);
        const want = expected(name, c);
        const before = await refusals();
        const result = await door({ childId: c.child });
        const code = result.ok ? "allowed" : result.error.code;
        const label = `${name} for ${c.name}`;
        if (want === "signed-out") expect(code, label).toBe("unauthenticated");
        else if (want === "allowed") expect(code, label).toBe("allowed");
        else if (want === "permission") expect(code, label).toBe("forbidden:action");
        // The same answer whether the child exists or not: nothing leaks.
        else expect(code, label).toBe("forbidden:child");
        if (want === "permission" || want === "refused") expect(await refusals(), label).toBe(before + 1);
      }
    });
  }

  it("refuses a policy that reaches a child when no child, or a made-up one, is named", async () => {
    demo.as("tm1");
    const door = doors.get("visits.create");
    if (!door) throw new Error("visits.create");
    expect(await door({ childId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
    expect(await door({ childId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
  });
});

describe("the read door, for every policy, role and relationship", () => {
  for (const c of CASES) {
    it(`${c.name}: each view is allowed or refused as the rules say`, async () => {
      for (const name of POLICY_NAMES) {
        if (SESSION_POLICIES.has(name)) continue;
        signIn(c);
        const want = expected(name, c);
        const view = await authorizedView(name, c.child);
        const label = `${name} for ${c.name}`;
        if (want === "signed-out") expect(view, label).toMatchObject({ ok: false, refusal: "signed-out" });
        else if (want === "allowed") expect(view.ok, label).toBe(true);
        else if (want === "permission") expect(view, label).toMatchObject({ ok: false, refusal: "permission" });
        else expect(view.ok, label).toBe(false);
        // A refusal tells the page the person may open the child only when they really may.
        if (!view.ok && view.refusal !== "signed-out" && view.access)
          expect(c.relation, `${label} leaked an access`).not.toBeNull();
      }
    });
  }

  it("logs a view of a child's record on that child, flagged when it is through break-glass", async () => {
    demo.as("ro");
    const view = await authorizedView("courtOrders.view", demoChildId(0));
    expect(view.ok).toBe(true);
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, demo.actor("ro").id), eq(auditEvents.action, "courtOrders.view")))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(event).toMatchObject({ childId: demoChildId(0), outcome: "allowed", flagged: true });
  });
});

async function refusals(): Promise<number> {
  const [row] = await demo.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.outcome, "refused"));
  return row?.n ?? 0;
}
