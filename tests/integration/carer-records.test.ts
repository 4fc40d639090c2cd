// Foster carers' and children's homes' own records through the server actions: their own access
// (rows of the policy table: the supervising social worker maintains, team managers read, a placed
// child's social worker reads the summary only, everyone else is refused), audit on the record's
// own chain, versions and retention; placement postcode and URN from the record; duplicate
// entries with provenance onto placed children's records, readable by the child's readers even
// without the carer's record, the source-changed notice and refresh as a new version; entries for
// several siblings recorded once and sealed one by one; and no merge of records anywhere.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, carerEntries, episodes, recordEntries } from "@/db/schema";
import { APP_UPDATABLE_COLUMNS } from "@/db/roles";
import { carerAccess, childAccess, POLICIES, POLICY_NAMES, type PolicyName } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { authorizedAction, type TransactionalPolicyName } from "@/lib/actions";
import {
  amendCarerEntryAction,
  amendCarerRecordAction,
  createCarerEntryAction,
  createCarerRecordAction,
  duplicateCarerEntryAction,
} from "@/lib/carers/actions";
import { getCarerVersions, latestApprovalReview } from "@/lib/carers/queries";
import { getChildOverview } from "@/lib/children/queries";
import { formatUkDateTime } from "@/lib/dates";
import { amendSharedEntryAction, recordSharedEntryAction, refreshDuplicateAction } from "@/lib/duplicates/actions";
import { getDuplicate, listDuplicates } from "@/lib/duplicates/queries";
import { recordCareEventAction } from "@/lib/episodes/actions";
import { linkSiblingAction } from "@/lib/people/actions";
import { sealEntryAction } from "@/lib/records/actions";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";
import { saveCarePlanDraftAction } from "@/lib/care-plans/actions";
import { demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { carePlanForm, expectOk } from "../helpers/care-plans";
import { crossChildWrites, portalSources } from "../helpers/cross-child-writes";
import { onPostgres } from "../helpers/db";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const demo = useDemoAuthority();
// Children 0 and 1 are North siblings: 0 allocated to sw1, 1 to sw2, both managed by tm1.
const FIRST = demoChildId(0);
const SECOND = demoChildId(1);
const at = (hoursAgo: number) => {
  const [date, time] = formatUkDateTime(new Date(Date.now() - hoursAgo * 3600_000)).split(" ");
  return { date: date ?? "", time: time ?? "" };
};

let carer = "";
let incident = "";

const details = {
  kind: "foster_carer" as const,
  carers: "Lee Testwood (fictional)\nAsh Testwood (fictional)",
  household: "Two carers (fictional).",
  address: "Near the Central Library, Bristol (a public place, fictional household)",
  postcode: "bs1 5tl",
  urn: "",
  provider: "The authority's own fostering service",
  approvalType: "Short-term foster carers",
  approvalTerms: "Up to 2 children aged 0 to 18.",
  approvedPlaces: "2",
  ageFrom: "0",
  ageTo: "18",
  approvedOn: "01/02/2024",
};

beforeAll(async () => {
  demo.as("ssw");
  carer = expectOk(
    await createCarerRecordAction({ name: "The Testwood household (fictional)", ...details }),
  ).carerRecordId;
  // Both siblings move to the household: the placement postcode comes from its record, not the form.
  demo.as("tm1");
  for (const childId of [FIRST, SECOND])
    expectOk(
      await recordCareEventAction({
        kind: "changePlacement",
        childId,
        at: at(3),
        reasonPlaceChange: "CARPL",
        childViews: { status: "given", text: "Happy to move with my brother (fictional)." },
        placement: "U4",
        placementProvider: "PR1",
        carerRecordId: carer,
        placementPostcode: "TA1 1DY",
        urn: "",
      }),
    );
  demo.as("ssw");
  incident = expectOk(
    await createCarerEntryAction({
      carerRecordId: carer,
      kind: "incident",
      occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
      title: "Incident at the household (fictional)",
      details: "A window was broken during a game; both children were safe (fictional).",
    }),
  ).entryId;
  signInAs(null);
});

describe("a carer's record beside the child's", () => {
  it("gives the episode the placement postcode from the carer's record", async () => {
    const [open] = await demo.handle.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.childId, FIRST), eq(episodes.carerRecordId, carer), sql`${episodes.endDate} is null`));
    expect(open?.placementPostcode).toBe("BS1 5TL");
    expect(open?.urn).toBeNull();
  });

  it("links the child's current placement to the carer's record only for those who may open it", async () => {
    const hrefFor = async (key: DemoUserKey) => {
      const access = await childAccess(demo.handle.db, demo.actor(key), FIRST);
      if (!access) throw new Error(`${key} reaches the first child`);
      const overview = await getChildOverview(demo.handle.db, demo.actor(key), access);
      return { name: overview?.currentEpisode?.carerName, href: overview?.currentEpisode?.carerHref };
    };
    // The child's worker (summary) and manager open it; the IRO and the provider have no door to carers' records.
    for (const key of ["sw1", "tm1"] as const)
      expect(await hrefFor(key), key).toEqual({ name: "The Testwood household (fictional)", href: `/carers/${carer}` });
    for (const key of ["iro1", "prov1"] as const) expect((await hrefFor(key)).href, key).toBeNull();
  });

  type Outcome = "allowed" | "permission" | "refused";
  // Written from the product's rules (DESIGN.md and the issue), not read from lib/access.
  const WHO: Array<{ who: DemoUserKey; as: string; want: Record<string, Outcome> }> = [
    {
      who: "ssw",
      as: "the supervising social worker",
      want: { view: "allowed", entries: "allowed", amend: "allowed", create: "allowed", duplicate: "allowed" },
    },
    {
      who: "ssw2",
      as: "a supervising social worker who does not supervise the record",
      want: { view: "refused", entries: "refused", amend: "refused", create: "refused", duplicate: "refused" },
    },
    {
      who: "tm1",
      as: "a team manager",
      want: { view: "allowed", entries: "allowed", amend: "permission", create: "permission", duplicate: "permission" },
    },
    {
      who: "sw1",
      as: "the social worker of a child placed there",
      want: { view: "allowed", entries: "refused", amend: "permission", create: "permission", duplicate: "permission" },
    },
    {
      who: "sw3",
      as: "a social worker with no child placed there",
      want: { view: "refused", entries: "refused", amend: "permission", create: "permission", duplicate: "permission" },
    },
    {
      who: "iro1",
      as: "an IRO",
      want: {
        view: "permission",
        entries: "permission",
        amend: "permission",
        create: "permission",
        duplicate: "permission",
      },
    },
    {
      who: "prov1",
      as: "a provider",
      want: {
        view: "permission",
        entries: "permission",
        amend: "permission",
        create: "permission",
        duplicate: "permission",
      },
    },
    {
      who: "ro",
      as: "the records officer",
      want: {
        view: "permission",
        entries: "permission",
        amend: "permission",
        create: "permission",
        duplicate: "permission",
      },
    },
  ];
  const POLICY: Record<string, PolicyName & TransactionalPolicyName> = {
    view: "carerRecord.view",
    entries: "carerEntries.view",
    amend: "carerRecord.amend",
    create: "carerEntry.create",
    duplicate: "carerEntry.duplicate",
  };
  const doors = new Map(
    Object.values(POLICY).map((name) => [
      name,
      authorizedAction(name, z.object({ carerRecordId: z.string() }).loose(), async () => "ran" as const),
    ]),
  );

  it("names every carer policy in this matrix", () => {
    const carerPolicies = POLICY_NAMES.filter((n) => POLICIES[n].reaches.kind === "carer");
    expect([...carerPolicies].sort()).toEqual(
      [
        "carerEntries.view",
        "carerEntry.amend",
        "carerEntry.create",
        "carerEntry.duplicate",
        "carerRecord.amend",
        "carerRecord.view",
      ].sort(),
    );
    expect(POLICY.amend).toBe("carerRecord.amend");
  });

  for (const c of WHO) {
    it(`${c.as}: each carer policy is allowed or refused as the rules say, through both doors, and refusals are audited`, async () => {
      for (const [key, name] of Object.entries(POLICY)) {
        demo.as(c.who);
        const want = c.want[key] ?? "refused";
        const before = await refusals();
        const door = doors.get(name);
        if (!door) throw new Error(name);
        const result = await door({ carerRecordId: carer });
        const code = result.ok ? "allowed" : result.error.code;
        expect(code, `${name} for ${c.as}`).toBe(
          want === "allowed" ? "allowed" : want === "permission" ? "forbidden:action" : "forbidden:child",
        );
        if (want !== "allowed") expect(await refusals(), `${name} audited`).toBe(before + 1);
        const view = await authorizedView(name, carer);
        expect(view.ok, `${name} view for ${c.as}`).toBe(want === "allowed");
      }
    });
  }

  it("amends the record's details as a new version, audited on the carer's own chain", async () => {
    demo.as("ssw");
    expectOk(
      await amendCarerRecordAction({
        carerRecordId: carer,
        baseVersion: 1,
        ...details,
        approvedPlaces: "3",
        amendReason: "Panel approved a third place (fictional)",
      }),
    );
    expect(
      await amendCarerRecordAction({
        carerRecordId: carer,
        baseVersion: 1,
        ...details,
        amendReason: "A save from an old page (fictional)",
      }),
    ).toMatchObject({ ok: false, error: { code: "conflict:version" } });
    const events = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainKey, `carer:${carer}`), eq(auditEvents.action, "carerRecord.amend")));
    const amended = events.filter((e) => (e.detail as { version?: number }).version === 2);
    expect(amended).toHaveLength(1);
    expect(amended[0]?.childId).toBeNull();
    expect(amended[0]?.detail).toMatchObject({
      carerRecordId: carer,
      reason: "Panel approved a third place (fictional)",
    });
  });

  it("keeps every version of the details readable, with who supervised the record then", async () => {
    const access = await carerAccess(demo.handle.db, demo.actor("tm1"), carer);
    if (!access) throw new Error("tm1 reaches the record");
    const versions = await getCarerVersions(demo.handle.db, demo.actor("tm1"), access);
    expect(versions.map((v) => [v.version.version, v.version.approvedPlaces, v.supervisorName])).toEqual([
      [1, 2, demo.actor("ssw").name],
      [2, 3, demo.actor("ssw").name],
    ]);
    expect(versions[0]?.version.supersededAt).toBeInstanceOf(Date);
    // The placed child's worker reads the summary only: no earlier versions.
    const summaryOnly = await carerAccess(demo.handle.db, demo.actor("sw1"), carer);
    if (!summaryOnly) throw new Error("sw1 reaches the summary");
    expect(await getCarerVersions(demo.handle.db, demo.actor("sw1"), summaryOnly)).toEqual([]);
  });

  it("gives the approval its latest review, by the date it happened", async () => {
    demo.as("ssw");
    const review = (occurredOn: string, title: string) =>
      createCarerEntryAction({
        carerRecordId: carer,
        kind: "approval_review",
        occurredOn,
        title,
        details: "The panel recommended the approval continue (fictional).",
      });
    const access = await carerAccess(demo.handle.db, demo.actor("ssw"), carer);
    if (!access) throw new Error("ssw reaches the record");
    expect(await latestApprovalReview(demo.handle.db, access)).toBeNull();
    const recent = expectOk(await review("01/02/2026", "Annual review 2026 (fictional)"));
    expectOk(await review("01/02/2025", "Annual review 2025, recorded late (fictional)"));
    expect(await latestApprovalReview(demo.handle.db, access)).toEqual({
      entryId: recent.entryId,
      occurredOn: "2026-02-01",
    });
  });

  it("keeps every row: the database refuses to delete a carer's entries", async () => {
    await expect(demo.handle.owner.execute(sql`delete from carer_entries`)).rejects.toThrow();
    const [count] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(carerEntries);
    expect(count?.n).toBeGreaterThan(0);
  });
});

describe("duplicate entries, with provenance", () => {
  let copyOfFirst = "";

  it("places a copy on each sibling's record that says where it came from, audited on each child's chain", async () => {
    demo.as("ssw");
    const placed = expectOk(
      await duplicateCarerEntryAction({
        carerRecordId: carer,
        entryId: incident,
        copies: [
          { childId: FIRST, place: true, confidentiality: "standard" },
          { childId: SECOND, place: true, confidentiality: "restricted" },
        ],
      }),
    );
    expect(placed.placed.map((p) => p.childId)).toEqual([FIRST, SECOND]);
    copyOfFirst = placed.placed[0]?.entryId ?? "";
    const [copy] = await demo.handle.db.select().from(recordEntries).where(eq(recordEntries.entryId, copyOfFirst));
    expect(copy).toMatchObject({
      childId: FIRST,
      section: "duplicates",
      title: "Incident at the household (fictional)",
      sourceKind: "carer_entry",
      sourceCarerRecordId: carer,
      sourceReference: "The Testwood household (fictional)",
      sourceEntryId: incident,
      sourceVersion: 1,
      sourceAuthorId: demo.actor("ssw").id,
    });
    expect(copy?.sourceRecordedAt).toBeInstanceOf(Date);
    const onChild = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainKey, `child:${SECOND}`), eq(auditEvents.action, "carerEntry.duplicate")));
    expect(onChild).toHaveLength(1);
    // Twice onto the same record, or onto a child never placed there: refused.
    for (const childId of [FIRST, demoChildId(10)])
      expect(
        await duplicateCarerEntryAction({
          carerRecordId: carer,
          entryId: incident,
          copies: [{ childId, place: true, confidentiality: "standard" }],
        }),
      ).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    // The database holds the same rule, whoever writes: a second first version of a copy of this source on this child.
    if (!copy) throw new Error("the copy was placed");
    const { id: _id, entryId: _entryId, ...content } = copy;
    const again = crypto.randomUUID();
    await expect(
      demo.handle.owner.insert(recordEntries).values({ ...content, id: again, entryId: again }),
    ).rejects.toThrow();
  });

  it("lets anyone who reads the child's record read the copy; the link says when the source is not available to them", async () => {
    for (const key of ["sw1", "tm1", "iro1"] as const) {
      const access = await childAccess(demo.handle.db, demo.actor(key), FIRST);
      if (!access) throw new Error(`${key} reaches the first child`);
      const copy = await getDuplicate(demo.handle.db, demo.actor(key), access, copyOfFirst);
      expect(copy?.latest.entry.data.details, key).toMatch(/window was broken/);
      // sw1 reads only the carer's summary and the IRO none of it: the source is not theirs to open.
      expect(Boolean(copy?.sourceHref), key).toBe(key === "tm1");
    }
    // The restricted copy on the second child never reaches a provider (the section is not theirs either).
    const provider = await childAccess(demo.handle.db, demo.actor("prov1"), SECOND);
    if (!provider) throw new Error("prov1 reaches the second child");
    expect(await listDuplicates(demo.handle.db, demo.actor("prov1"), provider)).toEqual([]);
  });

  it("shows that the source changed, never changes the copy silently, and brings it up to date as a new version", async () => {
    demo.as("ssw");
    expectOk(
      await amendCarerEntryAction({
        carerRecordId: carer,
        entryId: incident,
        baseVersion: 1,
        kind: "incident",
        occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
        title: "Incident at the household (fictional)",
        details: "A window was broken during a game; the glazier came the same day (fictional).",
        amendReason: "Added what happened next (fictional)",
      }),
    );
    const access = await childAccess(demo.handle.db, demo.actor("sw1"), FIRST);
    if (!access) throw new Error("sw1 reaches the first child");
    const before = await getDuplicate(demo.handle.db, demo.actor("sw1"), access, copyOfFirst);
    expect(before).toMatchObject({ sourceChanged: true, sourceLatestVersion: 2 });
    expect(before?.latest.entry.data.details).not.toMatch(/glazier/);

    demo.as("sw1");
    expectOk(await refreshDuplicateAction({ childId: FIRST, entryId: copyOfFirst, baseVersion: 1 }));
    const after = await getDuplicate(demo.handle.db, demo.actor("sw1"), access, copyOfFirst);
    expect(after?.sourceChanged).toBe(false);
    expect(after?.versions.map((v) => [v.entry.version, v.entry.sourceVersion])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(after?.latest.entry.data.details).toMatch(/glazier/);
    expect(after?.latest.entry.amendReason).toMatch(/version 2 of the source/);
    expect(await refreshDuplicateAction({ childId: FIRST, entryId: copyOfFirst, baseVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
    });
    // The second child's copy still shows the change until someone brings it up to date there.
    const tm = await childAccess(demo.handle.db, demo.actor("tm1"), SECOND);
    if (!tm) throw new Error("tm1 reaches the second child");
    expect((await listDuplicates(demo.handle.db, demo.actor("tm1"), tm))[0]?.sourceChanged).toBe(true);
  });
});

describe("an entry concerning several siblings", () => {
  let copies: Array<{ childId: string; entryId: string }> = [];

  beforeAll(async () => {
    demo.as("tm1");
    // The demo links 0 and 1 as siblings only when it seeds records; this file's seed does not.
    await linkSiblingAction({
      childId: FIRST,
      siblingId: SECOND,
      relationship: "full",
      placement: "together",
      placementReason: "Placed together with the Testwood household (fictional).",
      startDate: "01/01/2026",
    });
  });

  it("is recorded once, with a copy of its own on each child's record and its own confidentiality", async () => {
    demo.as("tm1");
    const recorded = expectOk(
      await recordSharedEntryAction({
        childId: FIRST,
        kind: "joint_contact",
        occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
        title: "Joint contact with their mother (fictional)",
        details: "Both children saw their mother at the family centre (fictional).",
        copies: [
          { childId: FIRST, place: true, confidentiality: "standard" },
          { childId: SECOND, place: true, confidentiality: "restricted" },
        ],
      }),
    );
    copies = recorded.copies;
    const rows = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.sourceEntryId, recorded.sharedEntryId));
    expect(rows.map((r) => [r.childId, r.confidentiality])).toEqual(
      expect.arrayContaining([
        [FIRST, "standard"],
        [SECOND, "restricted"],
      ]),
    );
    expect(new Set(rows.map((r) => r.entryId)).size).toBe(2);
    // Only siblings linked now, and only where the person may write.
    demo.as("sw1");
    expect(
      await recordSharedEntryAction({
        childId: FIRST,
        kind: "shared_letter",
        occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
        title: "A letter (fictional)",
        details: "x",
        copies: [
          { childId: FIRST, place: true, confidentiality: "standard" },
          { childId: SECOND, place: true, confidentiality: "standard" },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
  });

  it("seals one sibling's copy without touching the other's", async () => {
    demo.as("ro");
    expectOk(
      await requestBreakGlassAction({ childId: FIRST, reason: "Misfiled entry reported by the team (fictional test)" }),
    );
    const first = copies.find((c) => c.childId === FIRST)?.entryId ?? "";
    expectOk(
      await sealEntryAction({
        childId: FIRST,
        section: "duplicates",
        entryId: first,
        reason: "Misfiled: this child was not at the contact session (fictional)",
      }),
    );
    const latest = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.isLatest, true), sql`${recordEntries.entryId} in ${copies.map((c) => c.entryId)}`));
    expect(latest.map((r) => [r.childId, r.confidentiality])).toEqual(
      expect.arrayContaining([
        [FIRST, "sealed"],
        [SECOND, "restricted"],
      ]),
    );
    const access = await childAccess(demo.handle.db, demo.actor("sw1"), FIRST);
    if (!access) throw new Error("sw1 reaches the first child");
    expect((await listDuplicates(demo.handle.db, demo.actor("sw1"), access)).map((d) => d.entry.entryId)).not.toContain(
      first,
    );
  });

  it("amending the shared entry leaves each remaining copy showing that its source changed", async () => {
    demo.as("tm1");
    const second = copies.find((c) => c.childId === SECOND)?.entryId ?? "";
    const access = await childAccess(demo.handle.db, demo.actor("tm1"), SECOND);
    if (!access) throw new Error("tm1 reaches the second child");
    const copy = await getDuplicate(demo.handle.db, demo.actor("tm1"), access, second);
    if (!copy?.shared) throw new Error("the copy knows its shared entry");
    // Not from the first child's record, where the copy is sealed as misfiled.
    expect(
      await amendSharedEntryAction({
        childId: FIRST,
        sharedEntryId: copy.latest.entry.sourceEntryId ?? "",
        baseVersion: copy.shared.version,
        kind: "joint_contact",
        occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
        title: "Joint contact with their mother (fictional)",
        details: "An amendment through the sealed copy (fictional).",
        amendReason: "Through a copy that was sealed (fictional)",
      }),
    ).toMatchObject({ ok: false, error: { code: "not-found" } });
    expectOk(
      await amendSharedEntryAction({
        childId: SECOND,
        sharedEntryId: copy.latest.entry.sourceEntryId ?? "",
        baseVersion: copy.shared.version,
        kind: "joint_contact",
        occurredOn: formatUkDateTime(new Date()).split(" ")[0] ?? "",
        title: "Joint contact with their mother (fictional)",
        details: "Both children saw their mother; the session ended early (fictional).",
        amendReason: "The session ended early (fictional)",
      }),
    );
    expect((await getDuplicate(demo.handle.db, demo.actor("tm1"), access, second))?.sourceChanged).toBe(true);
  });
});

describe("records are never merged", () => {
  it("the database refuses an entry that belongs to two children", async () => {
    const [entry] = await demo.handle.db.select().from(recordEntries).where(eq(recordEntries.childId, FIRST)).limit(1);
    if (!entry) throw new Error("the first child has an entry");
    const { id: _id, ...rest } = entry;
    await expect(
      demo.handle.db.insert(recordEntries).values({ ...rest, childId: SECOND, version: entry.version + 100 }),
    ).rejects.toThrow();
    // Nor may an entry move to another child in place, whoever asks.
    await expect(
      demo.handle.owner.execute(sql`update record_entries set child_id = ${SECOND} where id = ${entry.id}`),
    ).rejects.toThrow();
    expect(APP_UPDATABLE_COLUMNS.record_entries).not.toContain("child_id");
    expect(APP_UPDATABLE_COLUMNS.children ?? []).not.toContain("deleted_at");
    if (onPostgres) expect(APP_UPDATABLE_COLUMNS.sibling_links).toEqual(["end_date", "end_reason"]);
  });

  it("the database refuses moving a draft, whose content may still change, to another child or section", async () => {
    demo.as("sw1");
    const draft = expectOk(await saveCarePlanDraftAction(carePlanForm(FIRST)));
    const [row] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.entryId, draft.entryId), eq(recordEntries.version, draft.version)));
    expect(row?.status).toBe("draft");
    // Even the database's owner, with every right on the table.
    await expect(
      demo.handle.owner.execute(sql`update record_entries set child_id = ${SECOND} where id = ${row?.id ?? ""}`),
    ).rejects.toThrow();
    await expect(
      demo.handle.owner.execute(sql`update record_entries set section = 'visits' where id = ${row?.id ?? ""}`),
    ).rejects.toThrow();
    // What a draft says may still change in place; where it belongs may not.
    await demo.handle.owner.execute(
      sql`update record_entries set title = 'Care plan (draft)' where id = ${row?.id ?? ""}`,
    );
    const [after] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.id, row?.id ?? ""));
    expect(after).toMatchObject({ childId: FIRST, section: "carePlan", title: "Care plan (draft)" });
  });

  it("has no merge path: no policy, action, route or command merges or moves one child's record into another's", () => {
    const MERGE = /merg|amalgamat|combine[A-Z]|absorb|moveEntr|reassignEntr/i;
    expect(POLICY_NAMES.filter((n) => MERGE.test(n))).toEqual([]);
    for (const { path: rel, text } of portalSources()) {
      expect(MERGE.test(rel), `${rel} is named for a merge`).toBe(false);
      // No exported function or action is named for merging records.
      for (const m of text.matchAll(/export (?:async )?(?:function|const) (\w+)/g))
        expect(MERGE.test(m[1] ?? ""), `${rel} exports ${m[1]}`).toBe(false);
      // Nothing sets an entry's or a document's child: an entry stays on the record it was made on.
      for (const m of text.matchAll(/\.update\((recordEntries|documents|episodes)\)\s*\.set\(\{([^}]*)\}/g))
        expect(/\bchildId\b/.test(m[2] ?? ""), `${rel} moves a row of ${m[1]} to another child`).toBe(false);
    }
  });

  // Only these write to more than one child's record, and none merges: each child's record keeps
  // its own row (a copy, a link), asked of the policy and audited on that child's own chain.
  const WRITES_TO_SEVERAL_CHILDREN: Record<string, string> = {
    "carerEntry.duplicate": "a copy of a carer's entry on the record of each chosen child placed there",
    "sharedEntry.record": "an entry for several siblings recorded once, with a copy on each sibling's record",
    "siblings.link": "a sibling link, one row on each record",
    "siblings.end": "ending a sibling link on both records",
    "siblings.linkContact": "two siblings' contact arrangements linked across their records",
    "child.markSameChild": "a record closed as the same child as the record in use, cross-referenced on both",
  };

  it("lets only the listed policies write to more than one child, found from what the code does, not what it is called", () => {
    const { writers, policies } = crossChildWrites(portalSources());
    const found = Object.fromEntries([...policies].map(([name, calls]) => [name, [...new Set(calls)].sort()]));
    expect(Object.keys(found).sort(), JSON.stringify(found)).toEqual(Object.keys(WRITES_TO_SEVERAL_CHILDREN).sort());
    for (const name of Object.keys(WRITES_TO_SEVERAL_CHILDREN)) expect(POLICY_NAMES).toContain(name);
    // The commands behind them, and nothing else that reaches a second child (even if no action calls it yet).
    expect(Object.fromEntries([...writers].map(([name, w]) => [name, w.file])), JSON.stringify([...writers])).toEqual({
      duplicateCarerEntry: "lib/carers/commands.ts",
      markSameChild: "lib/children/same-child.ts",
      recordSharedEntry: "lib/duplicates/commands.ts",
      otherChildAccess: "lib/people/commands.ts",
      linkSibling: "lib/people/commands.ts",
      endSiblingLink: "lib/people/commands.ts",
      linkSiblingContact: "lib/people/commands.ts",
    });
  });

  it("would notice a new command that reaches a second child, however it is named", () => {
    const source = (text: string) => [
      { path: "lib/records/commands.ts", text },
      {
        path: "lib/records/actions.ts",
        text: [
          "export const tidyAction = authorizedAction(",
          '  "visits.amend",',
          "  schema,",
          "  async ({ tx, actor, access, input }) => {",
          "    await tidyUp(tx, actor, access, input);",
          "  },",
          ");",
          "",
        ].join("\n"),
      },
    ];
    const variants = [
      // Two children's access in one command.
      "export async function tidyUp(tx: Tx, actor: Actor, access: ChildAccess, other: ChildAccess) {\n  return 1;\n}\n",
      // A second child's access obtained inside it.
      "export async function tidyUp(tx: Tx, actor: Actor, access: ChildAccess, input: X) {\n  const other = await childAccess(tx, actor, input.otherId);\n}\n",
      // A helper that audits on another child's chain, called by the command.
      [
        "async function note(tx: Tx, actor: Actor, id: string) {",
        '  await recordAudit(tx, { actorId: actor.id, action: "visits.amend", childId: id });',
        "}",
        "export async function tidyUp(tx: Tx, actor: Actor, access: ChildAccess, input: X) {",
        "  await note(tx, actor, input.otherId);",
        "}",
        "",
      ].join("\n"),
    ];
    for (const text of variants)
      expect([...crossChildWrites(source(text)).policies.keys()], text).toEqual(["visits.amend"]);
    // Writing to the action's own child only is not flagged.
    const own = [
      "export async function tidyUp(tx: Tx, actor: Actor, access: ChildAccess, input: X) {",
      '  await recordAudit(tx, { actorId: actor.id, action: "visits.amend", childId: access.childId });',
      "}",
      "",
    ].join("\n");
    expect([...crossChildWrites(source(own)).policies.keys()]).toEqual([]);
  });
});

describe("handing a record to another supervising social worker", () => {
  const handTo = (key: DemoUserKey, reason: string) =>
    amendCarerRecordAction({
      carerRecordId: carer,
      baseVersion: 2,
      ...details,
      approvedPlaces: "3",
      supervisingWorkerId: demo.actor(key).id,
      amendReason: reason,
    });

  it("refuses anyone but an active supervising social worker", async () => {
    demo.as("ssw");
    for (const key of ["sw1", "tm1", "gone"] as const)
      expect(await handTo(key, "Handed to someone who cannot supervise (fictional)"), key).toMatchObject({
        ok: false,
        fieldErrors: { supervisingWorkerId: ["Choose a supervising social worker from the list"] },
      });
  });

  it("moves the record to the new supervising social worker as a new version, audited with both names", async () => {
    demo.as("ssw");
    expect(expectOk(await handTo("ssw2", "Caseloads rebalanced in the fostering team (fictional)"))).toEqual({
      version: 3,
      reassigned: true,
    });
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainKey, `carer:${carer}`), eq(auditEvents.action, "carerRecord.amend")))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(event?.detail).toMatchObject({
      version: 3,
      supervisingWorkerFrom: demo.actor("ssw").id,
      supervisingWorkerTo: demo.actor("ssw2").id,
      reason: "Caseloads rebalanced in the fostering team (fictional)",
    });
    // The new supervisor maintains it from now on; the one before no longer reaches it.
    demo.as("ssw2");
    expect((await authorizedView("carerEntries.view", carer)).ok).toBe(true);
    demo.as("ssw");
    expect((await authorizedView("carerRecord.view", carer)).ok).toBe(false);
    expect(await handTo("ssw", "Trying to take it back (fictional)")).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    // Handed back, as the new supervisor may.
    demo.as("ssw2");
    expectOk(
      await amendCarerRecordAction({
        carerRecordId: carer,
        baseVersion: 3,
        ...details,
        approvedPlaces: "3",
        supervisingWorkerId: demo.actor("ssw").id,
        amendReason: "Back to the first supervisor after cover (fictional)",
      }),
    );
    demo.as("ssw");
    expect((await authorizedView("carerEntries.view", carer)).ok).toBe(true);
  });
});

async function refusals(): Promise<number> {
  const [row] = await demo.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.outcome, "refused"));
  return row?.n ?? 0;
}
