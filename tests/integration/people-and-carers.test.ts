// The people around a child and the records beside the child's, through the server actions:
// people linked once however many siblings, contact details never reaching providers, parents'
// views chosen from the linked people (every parent with parental responsibility on a decision),
// sibling links on both records, foster carers' own records with their own access and audit,
// duplicate entries with provenance (readable by the child's readers, the source changed notice
// and refresh as a new version), shared sibling entries sealed one by one, and no merge anywhere.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, persons, recordEntries } from "@/db/schema";
import { childAccess, POLICIES } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { approveCarePlanAction, saveCarePlanDraftAction, submitCarePlanAction } from "@/lib/care-plans/actions";
import {
  addPersonAction,
  amendPersonAction,
  endSiblingLinkAction,
  linkSiblingAction,
  linkSiblingContactAction,
} from "@/lib/people/actions";
import { listChildPeople, listPersonVersions, listSiblingContactLinks, listSiblingLinks } from "@/lib/people/queries";
import { amendEntryAction, createEntryAction } from "@/lib/records/actions";
import { formatValue } from "@/lib/records/format";
import { formatUkDate, todayIso } from "@/lib/dates";
import { demoChildId } from "@/scripts/seed/demo";
import { carePlanForm, expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";
import { entryInput } from "../helpers/entries";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const demo = useDemoAuthority();
// Children 2 and 3 are North siblings (allocated to sw1 and sw2, managed by tm1); child 0 has a
// Brightwater arrangement (prov1); child 30 is South (sw3).
const A = demoChildId(2);
const B = demoChildId(3);
const C = demoChildId(4);
const PROVIDED = demoChildId(0);
const today = formatUkDate(todayIso());

async function addPerson(childId: string, values: Record<string, unknown>) {
  return addPersonAction({
    childId,
    firstName: "",
    lastName: "",
    address: "",
    phone: "",
    email: "",
    relationshipDetail: "",
    parentalResponsibility: false,
    startDate: "01/06/2025",
    ...values,
  });
}

let mother = "";
let father = "";

describe("the people around a child", () => {
  beforeAll(async () => {
    demo.as("tm1");
    mother = expectOk(
      await addPerson(A, {
        firstName: "Dana",
        lastName: "Example (fictional)",
        address: "1 Example Street, Demotown ZZ99 1ZZ (fictional)",
        phone: "0117 496 0001",
        relationship: "mother",
        parentalResponsibility: true,
      }),
    ).personId;
    father = expectOk(
      await addPerson(A, { firstName: "Craig", lastName: "Example (fictional)", relationship: "father" }),
    ).personId;
  });

  it("links one person to two siblings as one person record; the children's records stay separate", async () => {
    demo.as("tm1");
    // The demo links 2 and 3 as siblings; 4 becomes a half sibling of 2 here.
    expectOk(
      await linkSiblingAction({
        childId: A,
        siblingId: C,
        relationship: "half",
        placement: "apart",
        placementReason: "No carer could take both at the time (fictional).",
        startDate: "01/06/2025",
      }),
    );
    expect(
      await linkSiblingAction({
        childId: C,
        siblingId: A,
        relationship: "half",
        placement: "apart",
        placementReason: "The same link again (fictional).",
        startDate: "01/06/2025",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { siblingId: [expect.any(String)] } });
    expectOk(await addPerson(B, { existingPersonId: mother, relationship: "mother", parentalResponsibility: true }));
    const rows = await demo.handle.db.select().from(persons).where(eq(persons.personId, mother));
    expect(rows).toHaveLength(1);
    const accessB = await childAccess(demo.handle.db, demo.actor("tm1"), B);
    if (!accessB) throw new Error("tm1 reaches child 3");
    const onB = await listChildPeople(demo.handle.db, accessB);
    expect(onB.map((p) => p.personId)).toEqual([mother]);
    expect(onB[0]?.linkedChildren).toBe(2);
    // Someone not on a sibling's record cannot be linked by id.
    expect(await addPerson(demoChildId(10), { existingPersonId: mother, relationship: "mother" })).toMatchObject({
      ok: false,
      fieldErrors: { existingPersonId: [expect.any(String)] },
    });
  });

  it("shows the sibling link on both records, and ends it on both with the reason", async () => {
    const accessA = await childAccess(demo.handle.db, demo.actor("tm1"), A);
    const accessC = await childAccess(demo.handle.db, demo.actor("tm1"), C);
    if (!accessA || !accessC) throw new Error("tm1 reaches both");
    expect(
      (await listSiblingLinks(demo.handle.db, accessA)).map((l) => [l.siblingId, l.relationship, l.placement]),
    ).toEqual(expect.arrayContaining([[C, "half", "apart"]]));
    expect((await listSiblingLinks(demo.handle.db, accessC)).map((l) => [l.siblingId, l.placementReason])).toEqual([
      [A, "No carer could take both at the time (fictional)."],
    ]);
    // A worker who may not change the other child's record cannot link them.
    demo.as("sw3");
    const south = demoChildId(30);
    expect(
      await linkSiblingAction({
        childId: south,
        siblingId: A,
        relationship: "half",
        placement: "apart",
        placementReason: "An attempt across teams (fictional).",
        startDate: today,
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.childId, C), eq(auditEvents.action, "siblings.link")));
    expect(event?.outcome).toBe("allowed");
  });

  it("never gives a provider a person's address or contact details, on the page's query or through the actions", async () => {
    demo.as("tm1");
    expectOk(
      await addPerson(PROVIDED, {
        firstName: "Kerry",
        lastName: "Provided (fictional)",
        address: "9 Secret Lane, Demotown ZZ99 9ZZ (fictional)",
        phone: "0117 496 0999",
        email: "kerry@demo.invalid",
        relationship: "mother",
        parentalResponsibility: true,
      }),
    );
    demo.as("prov1");
    const view = await authorizedView("people.view", PROVIDED);
    if (!view.ok) throw new Error("a provider reads the people section's names");
    const people = await listChildPeople(demo.handle.db, view.access);
    expect(people.map((p) => p.firstName)).toEqual(["Kerry"]);
    expect(JSON.stringify(people)).not.toMatch(/Secret Lane|0117 496 0999|kerry@demo/);
    expect(people[0]).toMatchObject({ address: null, phone: null, email: null });
    expect(await listSiblingLinks(demo.handle.db, view.access)).toEqual([]);
    // The actions are refused to providers, and say nothing about the person.
    const personId = people[0]?.personId ?? "";
    for (const result of [
      await addPerson(PROVIDED, { firstName: "X", lastName: "Y", relationship: "friend" }),
      await amendPersonAction({
        childId: PROVIDED,
        personId,
        baseVersion: 1,
        firstName: "Kerry",
        lastName: "Provided (fictional)",
        address: "",
        amendReason: "Trying to read the address back",
      }),
    ])
      expect(result.ok ? "allowed" : result.error.code).toMatch(/^forbidden:/);
  });

  it("changes a person's details as a new version with a reason, seen on every sibling's record", async () => {
    demo.as("tm1");
    expectOk(
      await amendPersonAction({
        childId: B,
        personId: mother,
        baseVersion: 1,
        firstName: "Dana",
        lastName: "Example (fictional)",
        address: "2 New Street, Demotown ZZ99 2ZZ (fictional)",
        phone: "",
        email: "",
        amendReason: "Moved house (fictional)",
      }),
    );
    const versions = await demo.handle.db.select().from(persons).where(eq(persons.personId, mother));
    expect(versions.map((v) => [v.version, v.supersededAt !== null])).toEqual(
      expect.arrayContaining([
        [1, true],
        [2, false],
      ]),
    );
    const accessA = await childAccess(demo.handle.db, demo.actor("tm1"), A);
    if (!accessA) throw new Error("tm1 reaches A");
    expect((await listChildPeople(demo.handle.db, accessA)).find((p) => p.personId === mother)?.address).toMatch(
      /New Street/,
    );
    // Every earlier version stays readable, with who changed it and why, on each sibling's record.
    const history = (await listPersonVersions(demo.handle.db, accessA)).get(mother) ?? [];
    expect(history.map((v) => [v.version, v.current, v.address, v.amendReason, v.authorName])).toEqual([
      [1, false, "1 Example Street, Demotown ZZ99 1ZZ (fictional)", null, demo.actor("tm1").name],
      [2, true, "2 New Street, Demotown ZZ99 2ZZ (fictional)", "Moved house (fictional)", demo.actor("tm1").name],
    ]);
  });

  it("never gives a provider an address, contact details or the history of them from any earlier version", async () => {
    demo.as("tm1");
    const kin = expectOk(
      await addPerson(PROVIDED, {
        firstName: "Lou",
        lastName: "Kinsfolk (fictional)",
        address: "3 Old Road, Demotown ZZ99 3ZZ (fictional)",
        phone: "0117 496 0003",
        relationship: "grandparent",
      }),
    ).personId;
    expectOk(
      await amendPersonAction({
        childId: PROVIDED,
        personId: kin,
        baseVersion: 1,
        firstName: "Lou",
        lastName: "Kinsfolk (fictional)",
        address: "4 New Road, Demotown ZZ99 4ZZ (fictional)",
        phone: "0117 496 0004",
        email: "",
        amendReason: "Moved house (fictional)",
      }),
    );
    const provider = await childAccess(demo.handle.db, demo.actor("prov1"), PROVIDED);
    if (!provider) throw new Error("prov1 reaches child 0");
    // The worker reads both versions; the provider reads no history at all: earlier names and the
    // reasons for a change ("Moved house") would say what the hidden fields hold.
    const worker = await childAccess(demo.handle.db, demo.actor("tm1"), PROVIDED);
    if (!worker) throw new Error("tm1 reaches child 0");
    const seen = (await listPersonVersions(demo.handle.db, worker)).get(kin) ?? [];
    expect(seen.map((v) => [v.version, v.address, v.amendReason])).toEqual([
      [1, "3 Old Road, Demotown ZZ99 3ZZ (fictional)", null],
      [2, "4 New Road, Demotown ZZ99 4ZZ (fictional)", "Moved house (fictional)"],
    ]);
    const versions = (await listPersonVersions(demo.handle.db, provider)).get(kin) ?? [];
    expect(versions).toEqual([]);
  });
});

describe("parents' views chosen from the linked people", () => {
  const decision = (parentViews: unknown[]) => {
    const input = entryInput(A, "decisions");
    return createEntryAction("decisions", { ...input, occurredOn: today, data: { ...input.data, parentViews } });
  };

  it("refuses views typed for someone not linked, and a decision without every parent with parental responsibility", async () => {
    demo.as("sw1");
    expect(await decision([{ name: "Typed Name", relationship: "mother", status: "given", text: "x" }])).toMatchObject({
      ok: false,
      fieldErrors: { "data.parentViews.0.personId": [expect.any(String)] },
    });
    const missing = await decision([{ personId: father, status: "sought_not_given", text: "" }]);
    expect(missing).toMatchObject({ ok: false, fieldErrors: { "data.parentViews": [expect.stringMatching(/Dana/)] } });
  });

  it("records each parent's views with the name and relationship from the record", async () => {
    demo.as("sw1");
    const saved = expectOk(
      await decision([
        { personId: mother, name: "Someone else entirely", status: "given", text: "Agrees (fictional)." },
        { personId: father, status: "", text: "" },
      ]),
    );
    const [row] = await demo.handle.db.select().from(recordEntries).where(eq(recordEntries.entryId, saved.entryId));
    expect(row?.data.parentViews).toEqual([
      expect.objectContaining({
        personId: mother,
        name: "Dana Example (fictional)",
        relationship: "Mother",
        status: "given",
      }),
    ]);
  });

  it("keeps views typed before people were linked readable", async () => {
    const id = crypto.randomUUID();
    await demo.handle.db.insert(recordEntries).values({
      id,
      entryId: id,
      version: 1,
      childId: A,
      section: "decisions",
      occurredOn: todayIso(),
      title: "An older decision (fictional)",
      data: {
        decision: "x",
        decidedBy: "y",
        reasons: "z",
        childViews: { status: "too_young", text: "" },
        parentViews: [{ name: "Old Typed (fictional)", relationship: "mother", status: "given", text: "Fine." }],
      },
      createdBy: demo.actor("sw1").id,
    });
    const [row] = await demo.handle.db.select().from(recordEntries).where(eq(recordEntries.id, id));
    expect(formatValue(row?.data.parentViews)).toBe("Old Typed (fictional) (mother): Fine.");
  });

  it("asks the care plan approval for every parent with parental responsibility, and puts them on the decision", async () => {
    demo.as("sw1");
    const saved = expectOk(await saveCarePlanDraftAction(carePlanForm(A, { parentViews: [] })));
    const submitted = expectOk(await submitCarePlanAction({ childId: A, ...saved }));
    demo.as("tm1");
    const target = {
      childId: A,
      entryId: submitted.entryId,
      version: submitted.version,
      lockVersion: submitted.lockVersion,
    };
    const refused = await approveCarePlanAction({
      ...target,
      comment: "Meets the child's needs (fictional).",
      parentViews: [],
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { parentViews: [expect.stringMatching(/Dana/)] } });
    const approved = expectOk(
      await approveCarePlanAction({
        ...target,
        comment: "Meets the child's needs (fictional).",
        parentViews: [{ personId: mother, status: "sought_not_given", text: "" }],
      }),
    );
    const [d] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(eq(recordEntries.entryId, approved.decisionEntryId));
    expect(d?.data.parentViews).toEqual([expect.objectContaining({ personId: mother, status: "sought_not_given" })]);
  });

  it("asks a new contact arrangement (a decision) for every parent with parental responsibility, and puts them on the decision", async () => {
    demo.as("sw1");
    const input = entryInput(A, "contact");
    const refused = await createEntryAction("contact", { ...input, data: { ...input.data, parentViews: [] } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
      fieldErrors: {
        "data.parentViews": ["Record the views of every parent with parental responsibility: Dana Example (fictional)"],
      },
    });
    // A father without parental responsibility may be left out; the mother's views are recorded.
    const created = expectOk(
      await createEntryAction("contact", {
        ...input,
        data: {
          ...input.data,
          parentViews: [
            { personId: mother, status: "given", text: "Wants contact every fortnight (fictional)." },
            { personId: father, status: "", text: "" },
          ],
        },
      }),
    );
    const [entry] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.entryId, created.entryId), eq(recordEntries.version, 1)));
    expect(entry?.data.parentViews).toEqual([
      expect.objectContaining({ personId: mother, name: "Dana Example (fictional)", status: "given" }),
    ]);
    const decisions = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, A), eq(recordEntries.section, "decisions")));
    const decision = decisions.find(
      (d) => (d.data.relatesTo as { entryId?: string } | null)?.entryId === created.entryId,
    );
    expect(decision?.title).toMatch(/^Contact arrangement made/);
    expect(decision?.data.parentViews).toEqual([
      expect.objectContaining({
        personId: mother,
        relationship: "Mother",
        parentalResponsibility: true,
        status: "given",
        text: "Wants contact every fortnight (fictional).",
      }),
    ]);
  });

  it("asks a change of contact arrangements (a decision) for every parent with parental responsibility", async () => {
    demo.as("sw1");
    const input = entryInput(A, "contact", 1, [{ personId: mother, status: "sought_not_given", text: "" }]);
    const created = expectOk(await createEntryAction("contact", input));
    const amend = (parentViews: unknown[]) =>
      amendEntryAction("contact", {
        ...input,
        entryId: created.entryId,
        baseVersion: 1,
        amendReason: "Contact moves to weekly (fictional)",
        data: { ...input.data, frequency: "Weekly", parentViews },
      });
    expect(await amend([])).toMatchObject({ ok: false, fieldErrors: { "data.parentViews": [expect.any(String)] } });
    expectOk(await amend([{ personId: mother, status: "given", text: "Wants weekly contact (fictional)." }]));
    const [d] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, A), eq(recordEntries.section, "decisions")))
      .orderBy(desc(recordEntries.createdAt))
      .limit(1);
    expect(d?.data.parentViews).toEqual([expect.objectContaining({ personId: mother, status: "given" })]);
  });
});

describe("sibling contact arrangements", () => {
  it("links a contact arrangement of each sibling across the two records", async () => {
    demo.as("tm1");
    // The siblings' mother holds parental responsibility for both: each new arrangement asks for her views.
    const asked = [{ personId: mother, status: "sought_not_given", text: "" }];
    const mine = expectOk(await createEntryAction("contact", entryInput(A, "contact", 2, asked)));
    const theirs = expectOk(await createEntryAction("contact", entryInput(B, "contact", 3, asked)));
    expectOk(
      await linkSiblingContactAction({
        childId: A,
        contactEntryId: mine.entryId,
        siblingId: B,
        siblingContactEntryId: theirs.entryId,
      }),
    );
    // The titles show only where the reader may read them: a worker who reads only the sibling's
    // summary is told there is a linked arrangement, not what it is called.
    const titlesFor = async (key: "tm1" | "sw1") => {
      const access = await childAccess(demo.handle.db, demo.actor(key), A);
      if (!access) throw new Error(`${key} reaches child 2`);
      return (await listSiblingContactLinks(demo.handle.db, demo.actor(key), access)).map((l) => [
        l.ownTitle,
        l.siblingTitle,
      ]);
    };
    const viewsOfB = async () =>
      (
        await demo.handle.db
          .select({ detail: auditEvents.detail })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.childId, B),
              eq(auditEvents.actorId, demo.actor("tm1").id),
              eq(auditEvents.action, POLICIES["contact.view"].audit),
            ),
          )
      ).filter((e) => (e.detail as { via?: string }).via === "sibling contact link");
    const before = (await viewsOfB()).length;
    expect(await titlesFor("tm1")).toEqual([["Fictional contact arrangement 2", "Fictional contact arrangement 3"]]);
    // Reading the sibling's title is a view of the sibling's record, logged on the sibling's chain.
    const after = await viewsOfB();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.detail).toMatchObject({ fromChildId: A, entries: [theirs.entryId] });
    expect(await titlesFor("sw1")).toEqual([["Fictional contact arrangement 2", null]]);
    // Only a sibling's arrangement: child 10 is not linked to A.
    const other = expectOk(await createEntryAction("contact", entryInput(demoChildId(10), "contact", 4)));
    expect(
      await linkSiblingContactAction({
        childId: A,
        contactEntryId: mine.entryId,
        siblingId: demoChildId(10),
        siblingContactEntryId: other.entryId,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { siblingId: [expect.any(String)] } });
  });
});

describe("ending a sibling link", () => {
  it("ends it on both records with the reason; the link stays readable as ended", async () => {
    demo.as("tm1");
    expectOk(
      await endSiblingLinkAction({
        childId: C,
        siblingId: A,
        endDate: today,
        endReason: "Recorded in error (fictional)",
      }),
    );
    for (const [child, other] of [
      [A, C],
      [C, A],
    ] as const) {
      const access = await childAccess(demo.handle.db, demo.actor("tm1"), child);
      if (!access) throw new Error("tm1 reaches both");
      const links = await listSiblingLinks(demo.handle.db, access);
      expect(links.filter((l) => l.siblingId === other).map((l) => l.endReason)).toEqual([
        "Recorded in error (fictional)",
      ]);
    }
    expect(
      await endSiblingLinkAction({ childId: A, siblingId: C, endDate: today, endReason: "Again (fictional)" }),
    ).toMatchObject({ ok: false, error: { code: "not-found" } });
  });
});
