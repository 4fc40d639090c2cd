// Every section of the child's record kept as entries: create and amend through the server
// actions, bad input refused with field errors, refused roles audited, nothing ever lost.
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, formDrafts, recordEntries } from "@/db/schema";
import { demoChildId, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type Actor } from "@/lib/access";
import { getChronology } from "@/lib/records/chronology";
import { diffEntryVersions, getEntryVersions, listSectionEntries } from "@/lib/records/queries";
import { FORM_SECTIONS, formSpec, type FormSection } from "@/lib/sections";
import {
  amendEntryAction,
  createEntryAction,
  markSignificantAction,
  saveDraftAction,
  sealEntryAction,
} from "@/lib/records/actions";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";
import { entryInput } from "../helpers/entries";
import { addPersonAction } from "@/lib/people/actions";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const demo = useDemoAuthority();
const as = (key: DemoUserKey) => signInAs(demo.actors.get(key) ?? null);

const CHILD = demoChildId(0); // allocated to sw1, managed by tm1, reviewed by iro1, Brightwater arrangement active
const entryCount = async () =>
  (await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(recordEntries))[0]?.n ?? 0;

// The child's mother (with parental responsibility) is linked first: decisions ask for her views.
let mother = "";
beforeAll(async () => {
  as("tm1");
  const linked = await addPersonAction({
    childId: CHILD,
    firstName: "Parent A",
    lastName: "Example (fictional)",
    relationship: "mother",
    parentalResponsibility: true,
    startDate: "01/01/2026",
  });
  if (!linked.ok) throw new Error(linked.error.message);
  mother = linked.data.personId;
  signInAs(null);
});
const validInput = (section: FormSection, n = 1) =>
  entryInput(CHILD, section, n, [{ personId: mother, status: "sought_not_given", text: "" }]);

describe.each(FORM_SECTIONS)("the %s section", (section) => {
  it("records an entry for the allocated social worker, audited in the same transaction", async () => {
    as("sw1");
    const result = await createEntryAction(section, validInput(section));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, result.data.entryId));
    expect(row).toMatchObject({ section, childId: CHILD, version: 1, occurredOn: "2026-10-15", isLatest: true });
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `${section}.create`))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ childId: CHILD, outcome: "allowed", actorId: demoUserId("sw1") });
  });

  it("amends an entry as a new version with a reason, keeping the earlier one readable", async () => {
    as("sw1");
    const created = await createEntryAction(section, validInput(section, 2));
    if (!created.ok) throw new Error(created.error.message);
    const amended = await amendEntryAction(section, {
      ...validInput(section, 3),
      entryId: created.data.entryId,
      baseVersion: 1,
      amendReason: "Corrected after checking the notes",
    });
    expect(amended).toMatchObject({ ok: true, data: { version: 2 } });
    const access = await childAccess(demo.handle.db, demo.actors.get("sw1") as Actor, CHILD);
    const versions = await getEntryVersions(
      demo.handle.db,
      demo.actors.get("sw1") as Actor,
      access ??
        (() => {
          throw new Error("no access");
        })(),
      section,
      created.data.entryId,
    );
    expect(versions.map((v) => [v.version, v.isLatest, v.amendReason])).toEqual([
      [1, false, null],
      [2, true, "Corrected after checking the notes"],
    ]);
    const changed = diffEntryVersions(versions[0] as (typeof versions)[0], versions[1] as (typeof versions)[0]).filter(
      (d) => d.changed,
    );
    expect(changed.map((d) => d.field)).toContain("title");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    as("sw1");
    const before = await entryCount();
    const result = await createEntryAction(section, {
      ...validInput(section),
      title: "",
      occurredOn: "31/02/2026",
      data: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid:input");
    expect(result.fieldErrors?.title?.[0]).toMatch(/Enter/);
    expect(result.fieldErrors?.occurredOn?.[0]).toMatch(/real date/);
    const requiredField = formSpec(section).fields.find((f) => "required" in f && f.required);
    if (requiredField) expect(Object.keys(result.fieldErrors ?? {})).toContain(`data.${requiredField.name}`);
    expect(await entryCount()).toBe(before);
  });

  it("refuses a social worker from another team, audits the refusal and reveals nothing", async () => {
    as("sw3");
    const before = await entryCount();
    const result = await createEntryAction(section, validInput(section));
    expect(result).toEqual({
      ok: false,
      error: { code: "forbidden:child", message: "You do not have access to this record, or it does not exist." },
    });
    expect(await entryCount()).toBe(before);
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, demoUserId("sw3")), eq(auditEvents.action, `${section}.create`)));
    expect(event?.outcome).toBe("refused");
  });
});

describe("who may write which section", () => {
  it("lets an IRO record a decision but not a visit", async () => {
    as("iro1");
    expect((await createEntryAction("decisions", validInput("decisions"))).ok).toBe(true);
    expect(await createEntryAction("visits", validInput("visits"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
  });

  it("lets a provider submit a visit, marked provider-submitted and standard, but not a court order", async () => {
    as("prov1");
    const visit = await createEntryAction("visits", { ...validInput("visits"), confidentiality: "restricted" });
    expect(visit.ok).toBe(true);
    if (!visit.ok) return;
    const [row] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, visit.data.entryId));
    expect(row).toMatchObject({ providerSubmitted: true, confidentiality: "standard" });
    expect(await createEntryAction("courtOrders", validInput("courtOrders"))).toMatchObject({ ok: false });
  });

  it("a social worker on the same team may read the summary but not add a visit", async () => {
    as("sw2");
    expect(await createEntryAction("visits", validInput("visits"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
  });

  it("court reports are always restricted, and a provider never sees them nor restricted entries", async () => {
    as("sw1");
    const report = await createEntryAction("courtReports", {
      ...validInput("courtReports"),
      confidentiality: "standard",
    });
    if (!report.ok) throw new Error(report.error.message);
    const [row] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, report.data.entryId));
    expect(row?.confidentiality).toBe("restricted");
    const restrictedHealth = await createEntryAction("health", {
      ...validInput("health"),
      confidentiality: "restricted",
      title: "Restricted health note",
    });
    expect(restrictedHealth.ok).toBe(true);
    const provider = demo.actors.get("prov1") as Actor;
    const access = await childAccess(demo.handle.db, provider, CHILD);
    if (!access) throw new Error("provider should reach child 0");
    const health = await listSectionEntries(demo.handle.db, provider, access, "health");
    expect(health.items.map((i) => i.title)).not.toContain("Restricted health note");
    expect(health.items.every((i) => i.confidentiality === "standard")).toBe(true);
    // Visits: only the provider's own submissions.
    const visits = await listSectionEntries(demo.handle.db, provider, access, "visits");
    expect(visits.items.length).toBeGreaterThan(0);
    expect(visits.items.every((i) => i.providerSubmitted)).toBe(true);
  });
});

describe("no work is lost", () => {
  it("refuses a second amendment made from an old version, keeping both texts", async () => {
    as("sw1");
    const created = await createEntryAction("contact", validInput("contact", 7));
    if (!created.ok) throw new Error(created.error.message);
    const base = { entryId: created.data.entryId, baseVersion: 1 };
    const first = await amendEntryAction("contact", {
      ...validInput("contact", 8),
      ...base,
      amendReason: "Fortnightly now, agreed at review",
    });
    expect(first.ok).toBe(true);
    signInAs(demo.actors.get("tm1") ?? null);
    const second = await amendEntryAction("contact", {
      ...validInput("contact", 9),
      ...base,
      amendReason: "Manager's change from the same old version",
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe("conflict:version");
    expect(second.error.message).toMatch(/Your text has been kept/);
    const details = second.error.details as { yours: { title: string }; current: { version: number; title: string } };
    expect(details.yours.title).toBe("Fictional contact arrangement 9");
    expect(details.current).toMatchObject({ version: 2, title: "Fictional contact arrangement 8" });
    // The refused text is kept on the server as the manager's draft, and the saved version is untouched.
    const [draft] = await demo.handle.db
      .select()
      .from(formDrafts)
      .where(and(eq(formDrafts.userId, demoUserId("tm1")), eq(formDrafts.formKey, `contact:${created.data.entryId}`)));
    expect(draft?.conflictWithVersion).toBe(2);
    expect((draft?.data as { title?: string }).title).toBe("Fictional contact arrangement 9");
    const rows = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, created.data.entryId));
    expect(rows).toHaveLength(2);
  });

  it("a contact change goes on the decision trail with the child's views", async () => {
    const [decision] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(
        and(
          eq(recordEntries.section, "decisions"),
          sql`${recordEntries.data}->>'reasons' = 'Fortnightly now, agreed at review'`,
        ),
      )
      .limit(1);
    expect(decision?.title).toMatch(/^Contact arrangement changed/);
    expect(decision?.significant).toBe(true);
    expect(decision?.data).toMatchObject({
      decidedBy: "Alex Rowan (demo)",
      childViews: { status: "given" },
      relatesTo: { section: "contact", version: 2 },
    });
  });

  it("keeps an autosaved draft through an expired session", async () => {
    as("sw1");
    const saved = await saveDraftAction("visits", {
      childId: CHILD,
      formKey: "visits:new",
      data: { title: "Half-written visit", data: { observations: "Long notes typed before the time-out" } },
    });
    expect(saved.ok).toBe(true);
    signInAs(null); // the session expires
    expect(await saveDraftAction("visits", { childId: CHILD, formKey: "visits:new", data: {} })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    as("sw1"); // signs in again
    const [draft] = await demo.handle.db
      .select()
      .from(formDrafts)
      .where(and(eq(formDrafts.userId, demoUserId("sw1")), eq(formDrafts.formKey, "visits:new")));
    expect((draft?.data as { data: { observations: string } }).data.observations).toBe(
      "Long notes typed before the time-out",
    );
  });
});

describe("the chronology", () => {
  it("merges every section's entries with episodes and arrangements, and filters by section and search", async () => {
    const sw1 = demo.actors.get("sw1") as Actor;
    const access = await childAccess(demo.handle.db, sw1, CHILD);
    if (!access) throw new Error("sw1 should reach child 0");
    const all = await getChronology(demo.handle.db, sw1, access, { pageSize: 500 });
    const sections = new Set(all.items.map((i) => i.section));
    for (const s of FORM_SECTIONS) expect(sections, s).toContain(s);
    expect(sections).toContain("episodes");
    expect(sections).toContain("arrangements");
    // Only the latest version of an amended entry appears.
    const amended = all.items.filter((i) => i.title === "Fictional visit 3");
    expect(amended).toHaveLength(1);
    const visits = await getChronology(demo.handle.db, sw1, access, { section: "visits", pageSize: 500 });
    expect(visits.items.every((i) => i.section === "visits")).toBe(true);
    const search = await getChronology(demo.handle.db, sw1, access, { search: "feel safe (3)" });
    expect(search.items.map((i) => i.title)).toContain("Fictional visit 3");
    const decision = all.items.find((i) => i.section === "decisions" && i.parentViews);
    expect(decision?.parentViews).toMatch(/\(Mother\): views sought but not given/);
  });

  it("lets a worker mark an entry significant and filter to significant events", async () => {
    as("sw1");
    const sw1 = demo.actors.get("sw1") as Actor;
    const access = await childAccess(demo.handle.db, sw1, CHILD);
    if (!access) throw new Error("sw1 should reach child 0");
    const page = await getChronology(demo.handle.db, sw1, access, { section: "health" });
    const target = page.items[0];
    if (!target) throw new Error("no health entry");
    expect((await markSignificantAction({ childId: CHILD, rowId: target.id, significant: true })).ok).toBe(true);
    const significant = await getChronology(demo.handle.db, sw1, access, { significantOnly: true, pageSize: 500 });
    expect(significant.items.map((i) => i.id)).toContain(target.id);
    expect(significant.items.every((i) => i.significant)).toBe(true);
  });

  it("pages through a long chronology", async () => {
    const sw1 = demo.actors.get("sw1") as Actor;
    const access = await childAccess(demo.handle.db, sw1, CHILD);
    if (!access) throw new Error("sw1 should reach child 0");
    const first = await getChronology(demo.handle.db, sw1, access, { pageSize: 5, page: 1 });
    const second = await getChronology(demo.handle.db, sw1, access, { pageSize: 5, page: 2 });
    expect(first.pages).toBeGreaterThan(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(10);
    // A page past the end shows the last page.
    const beyond = await getChronology(demo.handle.db, sw1, access, { pageSize: 5, page: 999 });
    expect(beyond.page).toBe(first.pages);
    expect(beyond.items.length).toBeGreaterThan(0);
  });

  it("filters to episodes of care or arrangements, which have no entries of their own", async () => {
    const sw1 = demo.actor("sw1");
    const access = await childAccess(demo.handle.db, sw1, CHILD);
    if (!access) throw new Error("sw1 should reach child 0");
    const episodes = await getChronology(demo.handle.db, sw1, access, { section: "episodes" });
    expect(episodes.total).toBeGreaterThan(0);
    expect(episodes.items.every((i) => i.kind === "episode")).toBe(true);
    const arrangements = await getChronology(demo.handle.db, sw1, access, { section: "arrangements" });
    expect(arrangements.items.map((i) => i.kind)).toEqual(["arrangement"]);
  });
});

describe("confidentiality holds across versions", () => {
  it("once the authority restricts a provider's visit record, the provider sees none of its versions and cannot amend it", async () => {
    demo.as("prov1");
    const created = await createEntryAction("visits", {
      ...validInput("visits", 21),
      title: "Provider visit (later restricted)",
    });
    if (!created.ok) throw new Error(created.error.message);
    demo.as("sw1");
    const restricted = await amendEntryAction("visits", {
      ...validInput("visits", 22),
      confidentiality: "restricted",
      entryId: created.data.entryId,
      baseVersion: 1,
      amendReason: "Contains CP detail: restricting",
    });
    expect(restricted.ok).toBe(true);
    const provider = demo.actor("prov1");
    const access = await childAccess(demo.handle.db, provider, CHILD);
    if (!access) throw new Error("provider should reach child 0");
    expect(await getEntryVersions(demo.handle.db, provider, access, "visits", created.data.entryId)).toEqual([]);
    demo.as("prov1");
    // Even from the old version it knows, the provider can neither undo the restriction nor read it back in a conflict.
    const attempt = await amendEntryAction("visits", {
      ...validInput("visits", 23),
      entryId: created.data.entryId,
      baseVersion: 1,
      amendReason: "Trying to see or undo it",
    });
    expect(attempt).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(JSON.stringify(attempt)).not.toContain("Fictional visit 22");
    const [latest] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.entryId, created.data.entryId), eq(recordEntries.isLatest, true)));
    expect(latest?.confidentiality).toBe("restricted");
  });

  it("an amendment never lowers confidentiality", async () => {
    demo.as("sw1");
    const created = await createEntryAction("correspondence", {
      ...validInput("correspondence", 31),
      confidentiality: "restricted",
    });
    if (!created.ok) throw new Error(created.error.message);
    const amended = await amendEntryAction("correspondence", {
      ...validInput("correspondence", 32),
      confidentiality: "standard",
      entryId: created.data.entryId,
      baseVersion: 1,
      amendReason: "Typo in the subject",
    });
    expect(amended.ok).toBe(true);
    const [latest] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.entryId, created.data.entryId), eq(recordEntries.isLatest, true)));
    expect(latest?.confidentiality).toBe("restricted");
  });

  it("break-glass access is read-only: it cannot even mark an entry significant", async () => {
    demo.as("sw3");
    const grant = await requestBreakGlassAction({
      childId: CHILD,
      reason: "Out-of-hours call about this child, need the plan",
    });
    expect(grant.ok).toBe(true);
    const [row] = await demo.handle.db.select().from(recordEntries).where(eq(recordEntries.childId, CHILD)).limit(1);
    if (!row) throw new Error("no entry");
    expect(await markSignificantAction({ childId: CHILD, rowId: row.id, significant: !row.significant })).toMatchObject(
      { ok: false, error: { code: "forbidden:child" } },
    );
    expect(await createEntryAction("visits", validInput("visits"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
  });

  it("amending a decision the system recorded keeps what it relates to", async () => {
    const [decision] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(
        and(
          eq(recordEntries.childId, CHILD),
          eq(recordEntries.section, "decisions"),
          eq(recordEntries.isLatest, true),
          sql`${recordEntries.data} ? 'relatesTo'`,
        ),
      )
      .limit(1);
    if (!decision) throw new Error("no system decision");
    demo.as("sw1");
    const amended = await amendEntryAction("decisions", {
      ...validInput("decisions", 41),
      entryId: decision.entryId,
      baseVersion: decision.version,
      amendReason: "Adding the father's views",
    });
    expect(amended.ok).toBe(true);
    const [latest] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.entryId, decision.entryId), eq(recordEntries.isLatest, true)));
    expect(latest?.data.relatesTo).toEqual(decision.data.relatesTo);
  });
});

describe("sealing a misfiled entry", () => {
  it("only a records officer can seal; the entry then disappears for everyone else and nothing is deleted", async () => {
    demo.as("sw1");
    const created = await createEntryAction("correspondence", {
      ...validInput("correspondence", 51),
      title: "Letter meant for another child",
    });
    if (!created.ok) throw new Error(created.error.message);
    const seal = {
      childId: CHILD,
      section: "correspondence",
      entryId: created.data.entryId,
      reason: "Filed on the wrong child: belongs to the sibling's record",
    };

    for (const key of ["sw1", "tm1", "iro1", "prov1"] as const) {
      demo.as(key);
      expect(await sealEntryAction(seal), key).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    }
    demo.as("ro");
    expect(await sealEntryAction({ ...seal, reason: "misfiled" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.stringMatching(/at least 20/)] },
    });
    expect(await sealEntryAction(seal)).toMatchObject({ ok: true, data: { version: 2 } });
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "entry.seal"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ outcome: "allowed", flagged: true, childId: CHILD });

    const sw1 = demo.actor("sw1");
    const access = await childAccess(demo.handle.db, sw1, CHILD);
    if (!access) throw new Error("sw1 should reach child 0");
    expect(await getEntryVersions(demo.handle.db, sw1, access, "correspondence", created.data.entryId)).toEqual([]);
    expect(
      (await listSectionEntries(demo.handle.db, sw1, access, "correspondence")).items.map((i) => i.title),
    ).not.toContain("Letter meant for another child");
    expect((await getChronology(demo.handle.db, sw1, access, { search: "meant for another child" })).total).toBe(0);
    demo.as("sw1");
    expect(
      await amendEntryAction("correspondence", {
        ...validInput("correspondence", 52),
        entryId: created.data.entryId,
        baseVersion: 2,
        amendReason: "Trying to edit a sealed entry",
      }),
    ).toMatchObject({ ok: false, error: { code: "not-found" } });

    // Every version is still in the database, the sealed one carrying its reason.
    const rows = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, created.data.entryId));
    expect(rows.map((r) => [r.version, r.confidentiality]).sort()).toEqual([
      [1, "standard"],
      [2, "sealed"],
    ]);
    expect(rows.find((r) => r.version === 2)?.sealedReason).toBe(seal.reason);
    // Nor can an earlier version be reached another way, e.g. by marking it significant.
    const first = rows.find((r) => r.version === 1);
    demo.as("sw1");
    expect(await markSignificantAction({ childId: CHILD, rowId: first?.id, significant: true })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("does not seal a care plan's versions from this form: they have their own lifecycle", async () => {
    demo.as("ro");
    const result = await sealEntryAction({
      childId: CHILD,
      section: "carePlan",
      entryId: CHILD,
      reason: "Trying to seal a care plan version this way",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
  });
});
