// The return's own facts through the server actions: the child's details for the return
// (previous permanence, motherhood), contact with a care leaver (OC3), adoption milestones (AD1,
// placed for adoption) and a social worker's SW_ID. Clear messages and nothing changed on bad
// input, every change audited, the wrong role or child refused, and the database itself refusing
// codes the Department would reject. Demo children: 0 (North girl, sw1), 1 (North boy, sw2),
// 9 (North, placed for adoption), 12 (North girl of 8, sw1), 28 (South, adopted), 39 (South care leaver).
import { addDays, addYears, format, parseISO } from "date-fns";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adoptionMilestones, auditEvents, careLeaverContacts, children, users } from "@/db/schema";
import { ageInYears, formatUkDate, todayIso } from "@/lib/dates";
import {
  recordAdoptionMilestonesAction,
  recordCareLeaverContactAction,
  recordReturnDetailsAction,
} from "@/lib/return-fields/actions";
import { setSocialWorkerIdAction } from "@/lib/users/actions";
import { demoChildId, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();
const GIRL = demoChildId(0);
const BOY = demoChildId(1);
const YOUNG_GIRL = demoChildId(12);
const PLACED = demoChildId(9);
const ADOPTED = demoChildId(28);
const LEAVER = demoChildId(39);
const uk = (iso: string) => formatUkDate(iso);
const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), "yyyy-MM-dd");

async function child(id: string) {
  const [row] = await demo.handle.db.select().from(children).where(eq(children.id, id));
  if (!row) throw new Error(`no child ${id}`);
  return row;
}

async function lastAudit(action: string, actor: DemoUserKey) {
  const [row] = await demo.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, demoUserId(actor))))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

/**
 * The database's own message for a refused statement (drizzle puts it in the cause), written as
 * the owner: the checks and triggers hold even for a login that is granted everything.
 */
async function refusal(statement: string): Promise<string> {
  try {
    await demo.handle.owner.execute(sql.raw(statement));
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return err.cause?.message ?? err.message ?? String(e);
  }
  return "ALLOWED";
}

const details = (childId: string, over: Record<string, string> = {}) => ({
  childId,
  previousPermanence: "Z1",
  previousPermanenceLa: "",
  previousPermanenceDate: "",
  isMother: "",
  motherChildDob: "",
  ...over,
});

describe("the demo's return details", () => {
  it("records previous permanence for every child, motherhood for every girl and an SW_ID for each social worker", async () => {
    const rows = await demo.handle.db.select().from(children).orderBy(asc(children.reference));
    expect(rows.length).toBe(40);
    for (const c of rows) expect(c.previousPermanence, c.reference).not.toBeNull();
    expect(rows.filter((c) => c.previousPermanence === "P2")).toHaveLength(1);
    expect(rows.filter((c) => c.previousPermanence === "P3")).toMatchObject([{ previousPermanenceLa: "801" }]);
    const sgo = rows.find((c) => c.previousPermanence === "P2");
    expect(sgo).toMatchObject({ previousPermanenceLa: "802" });
    expect(sgo?.previousPermanenceDate).not.toBeNull();
    // Every girl: the return asks it of girls of 12 and over, and of any girl who leaves care in the year.
    for (const c of rows) expect(c.isMother === null, c.reference).toBe(c.sex !== "F");
    const mothers = rows.filter((c) => c.isMother);
    expect(mothers).toHaveLength(1);
    const [mother] = mothers;
    expect(ageInYears(mother?.dateOfBirth ?? todayIso())).toBeGreaterThanOrEqual(16);
    expect(mother?.motherChildDob).not.toBeNull();
    const workers = await demo.handle.db.select().from(users).where(eq(users.role, "social_worker"));
    for (const w of workers) expect(w.swId, w.email).toMatch(/^SW9\d{5}$/);
  });

  it("records adoption milestones for the children placed for adoption and adopted, and the care leaver's contact", async () => {
    const placed = await demo.handle.db
      .select()
      .from(adoptionMilestones)
      .where(and(eq(adoptionMilestones.childId, PLACED), isNull(adoptionMilestones.supersededAt)));
    expect(placed).toHaveLength(1);
    expect(placed[0]?.matchedOn).not.toBeNull();
    const adopted = await demo.handle.db
      .select()
      .from(adoptionMilestones)
      .where(eq(adoptionMilestones.childId, ADOPTED))
      .orderBy(asc(adoptionMilestones.version));
    expect(adopted.map((m) => m.version)).toEqual([1, 2]);
    expect(adopted[0]?.supersededAt).not.toBeNull();
    expect(adopted[1]).toMatchObject({
      supersededAt: null,
      adoptedByFosterCarer: false,
      numberOfAdopters: 2,
      adoptersSex: "MF",
      adoptersLegalStatus: "L11",
    });
    const contacts = await demo.handle.db
      .select()
      .from(careLeaverContacts)
      .where(eq(careLeaverContacts.childId, LEAVER));
    expect(contacts).toMatchObject([{ age: 18, inTouch: "YES", activity: "F2", accommodation: "D1", version: 1 }]);
  });
});

describe("details for the children looked after return", () => {
  it("the allocated social worker records a special guardianship order and that the girl is not a mother, audited with what was there before", async () => {
    const before = await child(GIRL);
    const orderOn = shift(before.dateOfBirth, 10);
    demo.as("sw1");
    expectOk(
      await recordReturnDetailsAction(
        details(GIRL, {
          previousPermanence: "P2",
          previousPermanenceLa: "803",
          previousPermanenceDate: uk(orderOn),
          isMother: "no",
        }),
      ),
    );
    expect(await child(GIRL)).toMatchObject({
      previousPermanence: "P2",
      previousPermanenceLa: "803",
      previousPermanenceDate: orderOn,
      isMother: false,
      motherChildDob: null,
    });
    const event = await lastAudit("child.recordReturnDetails", "sw1");
    expect(event).toMatchObject({ childId: GIRL, outcome: "allowed" });
    expect(event?.detail).toMatchObject({
      from: { previousPermanence: before.previousPermanence },
      to: { previousPermanence: "P2", previousPermanenceLa: "803" },
    });
  });

  it("refuses bad input with a message on the field, and changes nothing", async () => {
    const before = await child(GIRL);
    demo.as("tm1");
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ previousPermanence: "" }, "previousPermanence", /Choose whether the child was adopted/],
      [{ previousPermanence: "P9" }, "previousPermanence", /Choose/],
      [{ previousPermanence: "P1", previousPermanenceLa: "80" }, "previousPermanenceLa", /3-digit code/],
      [{ previousPermanence: "Z1", previousPermanenceLa: "801" }, "previousPermanenceLa", /no previous order/],
      [{ previousPermanence: "P4", previousPermanenceDate: "01/01/2020" }, "previousPermanenceDate", /not known/],
      [{ previousPermanence: "P1", previousPermanenceDate: "31/02/2020" }, "previousPermanenceDate", /real date/],
      [
        { previousPermanence: "P1", previousPermanenceDate: uk(shift(todayIso(), 3)) },
        "previousPermanenceDate",
        /cannot be in the future/,
      ],
      [
        { previousPermanence: "P1", previousPermanenceDate: uk(shift(before.dateOfBirth, -1)) },
        "previousPermanenceDate",
        /before the child was born/,
      ],
      [{ isMother: "yes" }, "motherChildDob", /Enter the date of birth of her first child/],
      [{ isMother: "no", motherChildDob: "01/01/2025" }, "motherChildDob", /Leave this blank/],
    ];
    for (const [over, field, message] of cases) {
      const result = await recordReturnDetailsAction(details(GIRL, over));
      expect(result.ok, JSON.stringify(over)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe("invalid:input");
      expect(result.fieldErrors?.[field]?.join(" "), JSON.stringify(over)).toMatch(message);
    }
    expect(await child(GIRL)).toEqual(before);
  });

  it("records motherhood only for girls, and a first child born after the mother's 12th birthday", async () => {
    demo.as("tm1");
    const boy = await recordReturnDetailsAction(details(BOY, { isMother: "no" }));
    expect(boy).toMatchObject({ ok: false, fieldErrors: { isMother: [expect.stringMatching(/only for girls/)] } });
    const young = await child(YOUNG_GIRL);
    const early = await recordReturnDetailsAction(
      details(YOUNG_GIRL, { isMother: "yes", motherChildDob: uk(shift(young.dateOfBirth, 365 * 7)) }),
    );
    expect(early).toMatchObject({
      ok: false,
      fieldErrors: { motherChildDob: [expect.stringMatching(/12th birthday/)] },
    });
    expect(await child(YOUNG_GIRL)).toEqual(young);
  });

  it("is refused to a provider, an IRO, a worker of another team and a colleague of the same team", async () => {
    for (const [who, childId, code] of [
      ["prov1", GIRL, "forbidden:action"],
      ["iro1", GIRL, "forbidden:action"],
      ["sw3", GIRL, "forbidden:child"],
      ["sw1", BOY, "forbidden:child"],
    ] as const) {
      demo.as(who);
      const result = await recordReturnDetailsAction(details(childId));
      expect(result, `${who}`).toMatchObject({ ok: false, error: { code } });
      expect(await lastAudit("child.recordReturnDetails", who)).toMatchObject({ outcome: "refused", childId });
    }
  });
});

describe("contact with a care leaver", () => {
  const contact = (over: Record<string, string> = {}) => ({
    childId: LEAVER,
    age: "18",
    contactedOn: "",
    inTouch: "YES",
    activity: "F5",
    accommodation: "U1",
    amendReason: "",
    ...over,
  });
  const eighteenth = async () => format(addYears(parseISO((await child(LEAVER)).dateOfBirth), 18), "yyyy-MM-dd");
  const rows = () =>
    demo.handle.db
      .select()
      .from(careLeaverContacts)
      .where(eq(careLeaverContacts.childId, LEAVER))
      .orderBy(asc(careLeaverContacts.version));

  it("refuses bad input with clear messages and records nothing", async () => {
    const day = await eighteenth();
    const before = await rows();
    demo.as("tm2");
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ age: "16", contactedOn: uk(day) }, "age", /17 to 21/],
      [{ contactedOn: uk(day), inTouch: "MAYBE" }, "inTouch", /Choose whether/],
      [{ contactedOn: uk(day), activity: "" }, "activity", /main activity/],
      [{ contactedOn: uk(day), accommodation: "" }, "accommodation", /where the young person lives/],
      [{ contactedOn: uk(day), inTouch: "NO" }, "activity", /Leave this blank/],
      [{ contactedOn: uk(day), accommodation: "S1" }, "accommodation", /Choose/],
      [{ contactedOn: uk(shift(day, 60)) }, "contactedOn", /3 months before to 1 month after/],
      [{ contactedOn: uk(shift(day, 5)) }, "amendReason", /already recorded/],
    ];
    for (const [over, field, message] of cases) {
      const result = await recordCareLeaverContactAction(contact(over));
      expect(result.ok, JSON.stringify(over)).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]?.join(" "), JSON.stringify(over)).toMatch(message);
    }
    expect(await rows()).toEqual(before);
  });

  it("a correction for the same birthday is a new version with its reason; the latest is the one current row", async () => {
    const day = await eighteenth();
    demo.as("tm2");
    const result = expectOk(
      await recordCareLeaverContactAction(
        contact({ contactedOn: uk(shift(day, 12)), amendReason: "The adviser's notes gave the wrong activity" }),
      ),
    );
    expect(result).toMatchObject({ age: 18, version: 2 });
    const all = await rows();
    expect(all.map((r) => [r.version, r.supersededAt === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(all[1]).toMatchObject({ activity: "F5", accommodation: "U1", amendReason: expect.stringMatching(/wrong/) });
    expect(await lastAudit("careLeaver.recordContact", "tm2")).toMatchObject({
      childId: LEAVER,
      outcome: "allowed",
      detail: { age: 18, version: 2, inTouch: "YES" },
    });
  });

  it("is recorded only for a young person who left care at 16 or over", async () => {
    demo.as("sw1");
    const result = await recordCareLeaverContactAction({ ...contact({ contactedOn: uk(todayIso()) }), childId: GIRL });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid:input", message: expect.stringMatching(/left care/) },
    });
  });

  it("is refused to a provider, an IRO and a worker of another team", async () => {
    const day = await eighteenth();
    for (const [who, code] of [
      ["prov1", "forbidden:action"],
      ["iro2", "forbidden:action"],
      ["sw1", "forbidden:child"],
    ] as const) {
      demo.as(who);
      const result = await recordCareLeaverContactAction(contact({ contactedOn: uk(day), amendReason: "Correction" }));
      expect(result, who).toMatchObject({ ok: false, error: { code } });
    }
  });
});

describe("adoption milestones", () => {
  const current = async (childId: string) => {
    const [row] = await demo.handle.db
      .select()
      .from(adoptionMilestones)
      .where(and(eq(adoptionMilestones.childId, childId), isNull(adoptionMilestones.supersededAt)));
    if (!row) throw new Error("no milestones");
    return row;
  };
  const form = (m: Awaited<ReturnType<typeof current>>, over: Record<string, string | number> = {}) => ({
    childId: m.childId,
    baseVersion: m.version,
    decisionOn: uk(m.decisionOn),
    matchedOn: m.matchedOn ? uk(m.matchedOn) : "",
    reversedOn: "",
    reversedReason: "",
    adoptedByFosterCarer: m.adoptedByFosterCarer === null ? "" : m.adoptedByFosterCarer ? "yes" : "no",
    numberOfAdopters: m.numberOfAdopters === null ? "" : String(m.numberOfAdopters),
    adoptersSex: m.adoptersSex ?? "",
    adoptersLegalStatus: m.adoptersLegalStatus ?? "",
    amendReason: "",
    ...over,
  });

  it("refuses dates out of order, adopters that do not add up and an out-of-date form, changing nothing", async () => {
    const m = await current(ADOPTED);
    demo.as("tm2");
    const cases: Array<[Record<string, string | number>, string, RegExp]> = [
      [{ matchedOn: uk(shift(m.decisionOn, -1)) }, "matchedOn", /cannot be before the decision/],
      [{ decisionOn: "" }, "decisionOn", /Enter the date of the decision/],
      [{ numberOfAdopters: "1" }, "adoptersSex", /single male or female/],
      [{ adoptersSex: "MM" }, "adoptersSex", /opposite sexes/],
      [{ adoptersLegalStatus: "L0" }, "adoptersLegalStatus", /not a single person/],
      [{ reversedOn: uk(shift(m.decisionOn, 10)) }, "reversedReason", /why the decision was reversed/],
      [{ adoptersSex: "XY" }, "adoptersSex", /Choose/],
      [{ decisionOn: uk(shift(m.decisionOn, -3)) }, "amendReason", /say why/],
      [{ reversedOn: uk(shift(m.decisionOn, 10)), reversedReason: "RD1" }, "reversedOn", /was adopted/],
    ];
    for (const [over, field, message] of cases) {
      const result = await recordAdoptionMilestonesAction(form(m, over));
      expect(result.ok, JSON.stringify(over)).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]?.join(" "), JSON.stringify(over)).toMatch(message);
    }
    const stale = await recordAdoptionMilestonesAction(form(m, { baseVersion: m.version - 1 }));
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict:version" } });
    expect(await current(ADOPTED)).toEqual(m);
  });

  it("saves a change as a new version with its reason, audited, the earlier version kept", async () => {
    const m = await current(ADOPTED);
    demo.as("tm2");
    const saved = expectOk(
      await recordAdoptionMilestonesAction(
        form(m, { decisionOn: uk(shift(m.decisionOn, -3)), amendReason: "The panel minutes give the earlier date" }),
      ),
    );
    expect(saved.version).toBe(m.version + 1);
    expect(await current(ADOPTED)).toMatchObject({ decisionOn: shift(m.decisionOn, -3), version: m.version + 1 });
    const [old] = await demo.handle.db.select().from(adoptionMilestones).where(eq(adoptionMilestones.id, m.id));
    expect(old?.supersededAt).not.toBeNull();
    expect(await lastAudit("adoption.recordMilestones", "tm2")).toMatchObject({
      childId: ADOPTED,
      outcome: "allowed",
      detail: { version: m.version + 1, changed: ["decisionOn"] },
    });
  });

  it("asks about the adopters only once the child has been adopted", async () => {
    const m = await current(PLACED);
    demo.as("tm1");
    const result = await recordAdoptionMilestonesAction(form(m, { numberOfAdopters: "2", adoptersSex: "FF" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { numberOfAdopters: [expect.stringMatching(/once the child has been adopted/)] },
    });
  });

  it("is refused to a provider, an IRO and a worker of another team", async () => {
    const m = await current(ADOPTED);
    for (const [who, code] of [
      ["prov1", "forbidden:action"],
      ["iro2", "forbidden:action"],
      ["sw1", "forbidden:child"],
      ["tm1", "forbidden:child"],
    ] as const) {
      demo.as(who);
      expect(await recordAdoptionMilestonesAction(form(m)), who).toMatchObject({ ok: false, error: { code } });
    }
  });
});

describe("a social worker's Social Work England registration", () => {
  it("the records officer records it, audited; bad, duplicate and misplaced numbers are refused", async () => {
    demo.as("ro");
    const reason = "Checked on the Social Work England register";
    expectOk(await setSocialWorkerIdAction({ userId: demoUserId("sw1"), swId: "sw123456", reason }));
    const [row] = await demo.handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("sw1")));
    expect(row?.swId).toBe("SW123456");
    expect(await lastAudit("user.setSwId", "ro")).toMatchObject({
      outcome: "allowed",
      detail: { userId: demoUserId("sw1"), from: "SW900001", to: "SW123456" },
    });
    for (const [userId, swId, message] of [
      [demoUserId("sw1"), "XX123", /SW then its digits/],
      [demoUserId("sw1"), "SW12A", /SW then its digits/],
      [demoUserId("sw1"), "SW900002", /already recorded for Jordan Hale/],
      [demoUserId("iro1"), "SW777777", /Only social workers and team managers/],
    ] as const) {
      const result = await setSocialWorkerIdAction({ userId, swId, reason });
      expect(result, swId).toMatchObject({ ok: false, fieldErrors: { swId: [expect.stringMatching(message)] } });
    }
    expect(
      (
        await demo.handle.db
          .select()
          .from(users)
          .where(eq(users.id, demoUserId("sw1")))
      )[0]?.swId,
    ).toBe("SW123456");
  });

  it("is refused to everyone but the records officer", async () => {
    for (const who of ["sw1", "tm1", "iro1", "prov1"] as const) {
      demo.as(who);
      const result = await setSocialWorkerIdAction({
        userId: demoUserId("sw2"),
        swId: "SW111111",
        reason: "Trying to change someone else's registration",
      });
      expect(result, who).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    }
  });
});

describe("the database itself", () => {
  it("refuses codes and combinations the Department would reject, whoever writes them", async () => {
    const cases: Array<[string, RegExp]> = [
      [`UPDATE children SET previous_permanence = 'P9' WHERE id = '${GIRL}'`, /children_previous_permanence_code/],
      [
        `UPDATE children SET previous_permanence = 'P2', previous_permanence_la = '8012' WHERE id = '${GIRL}'`,
        /children_previous_permanence_la/,
      ],
      [
        `UPDATE children SET previous_permanence = 'Z1', previous_permanence_la = '801' WHERE id = '${GIRL}'`,
        /children_previous_permanence_order/,
      ],
      [`UPDATE children SET is_mother = false WHERE id = '${BOY}'`, /children_mother_sex/],
      [
        `UPDATE children SET is_mother = true, mother_child_dob = null WHERE id = '${GIRL}'`,
        /children_mother_child_dob/,
      ],
      [
        `UPDATE children SET is_mother = true, mother_child_dob = date_of_birth + 365 WHERE id = '${GIRL}'`,
        /children_mother_child_after_12/,
      ],
      [`UPDATE users SET sw_id = 'XX123' WHERE id = '${demoUserId("sw2")}'`, /users_sw_id_format/],
      [`UPDATE users SET sw_id = 'SW900003' WHERE id = '${demoUserId("sw2")}'`, /users_sw_id_unique|duplicate key/],
      [
        `INSERT INTO care_leaver_contacts (child_id, age, contacted_on, in_touch, recorded_by) VALUES ('${LEAVER}', 19, now(), 'MAYBE', '${demoUserId("tm2")}')`,
        /care_leaver_contacts_in_touch/,
      ],
      [
        `INSERT INTO care_leaver_contacts (child_id, age, contacted_on, in_touch, recorded_by) VALUES ('${LEAVER}', 16, now(), 'NO', '${demoUserId("tm2")}')`,
        /care_leaver_contacts_age/,
      ],
      [
        `INSERT INTO care_leaver_contacts (child_id, age, contacted_on, in_touch, activity, accommodation, recorded_by) VALUES ('${LEAVER}', 19, now(), 'YES', 'F3', 'U1', '${demoUserId("tm2")}')`,
        /care_leaver_contacts_activity/,
      ],
      [
        `INSERT INTO care_leaver_contacts (child_id, age, contacted_on, in_touch, activity, accommodation, recorded_by) VALUES ('${LEAVER}', 19, now(), 'YES', 'F1', 'S1', '${demoUserId("tm2")}')`,
        /care_leaver_contacts_accommodation/,
      ],
      [
        `INSERT INTO care_leaver_contacts (child_id, age, contacted_on, in_touch, activity, recorded_by) VALUES ('${LEAVER}', 19, now(), 'NO', 'F1', '${demoUserId("tm2")}')`,
        /care_leaver_contacts_in_touch_details/,
      ],
      [`UPDATE care_leaver_contacts SET in_touch = 'NO' WHERE child_id = '${LEAVER}'`, /cannot be changed in place/],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, adopters_sex, recorded_by) VALUES ('${BOY}', '2024-01-01', 'XY', '${demoUserId("tm1")}')`,
        /adoption_milestones_sex/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, adopters_legal_status, recorded_by) VALUES ('${BOY}', '2024-01-01', 'L5', '${demoUserId("tm1")}')`,
        /adoption_milestones_legal_status/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, reversed_on, reversed_reason, recorded_by) VALUES ('${BOY}', '2024-01-01', '2024-02-01', 'RD9', '${demoUserId("tm1")}')`,
        /adoption_milestones_reversal_reason/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, reversed_on, recorded_by) VALUES ('${BOY}', '2024-01-01', '2024-02-01', '${demoUserId("tm1")}')`,
        /adoption_milestones_reversal_pair/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, matched_on, recorded_by) VALUES ('${BOY}', '2024-01-01', '2023-12-01', '${demoUserId("tm1")}')`,
        /adoption_milestones_match_order/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, number_of_adopters, adopters_sex, recorded_by) VALUES ('${BOY}', '2024-01-01', 1, 'MF', '${demoUserId("tm1")}')`,
        /adoption_milestones_single_or_couple/,
      ],
      [
        `INSERT INTO adoption_milestones (child_id, decision_on, number_of_adopters, recorded_by) VALUES ('${BOY}', '2024-01-01', 3, '${demoUserId("tm1")}')`,
        /adoption_milestones_number/,
      ],
      [`DELETE FROM adoption_milestones WHERE child_id = '${ADOPTED}'`, /retention hold/],
    ];
    for (const [statement, message] of cases) expect(await refusal(statement), statement).toMatch(message);
  });
});
