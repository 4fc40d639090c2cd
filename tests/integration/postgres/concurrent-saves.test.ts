// On a real PostgreSQL server, with truly parallel requests (PGlite has one connection and hides
// races): several people saving the same version at the same moment. Every round, exactly one
// save wins; every other is a conflict that shows both texts and keeps the loser's text as their
// draft; nothing is `internal`; the failed attempts are audited; the versions run 1..n with
// exactly one latest; and the audit chains still verify.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, formDrafts, providerArrangements, recordEntries } from "@/db/schema";
import { verifyAuditChains } from "@/lib/audit";
import { amendArrangementAction } from "@/lib/arrangements/actions";
import { saveCarePlanDraftAction } from "@/lib/care-plans/actions";
import { amendEntryAction, createEntryAction, sealEntryAction } from "@/lib/records/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { FormSection } from "@/lib/sections";
import { DEMO_ORGS, demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { carePlanForm, expectOk } from "../../helpers/care-plans";
import { useDemoAuthority } from "../../helpers/demo";
import { entryInput } from "../../helpers/entries";
import { signInAs } from "../../helpers/session";

const demo = useDemoAuthority();
const ROUNDS = 20;
/** 2, 3, 4, 5, 2, 3, ... writers per round. */
const writersIn = (round: number) => 2 + (round % 4);
/** People who may amend child 0's record: its allocated worker and its team manager, taking turns. */
const WRITERS: DemoUserKey[] = ["sw1", "tm1"];

/** Starts every call before any of them can finish: each signs in, then starts its request. */
function race<T>(calls: Array<{ as: DemoUserKey; run: () => Promise<ActionResult<T>> }>) {
  return Promise.all(
    calls.map((c) => {
      signInAs(demo.actor(c.as));
      return c.run();
    }),
  );
}

function tally<T>(results: Array<ActionResult<T>>) {
  const codes = results.map((r) => (r.ok ? "ok" : r.error.code));
  return {
    ok: codes.filter((c) => c === "ok").length,
    conflicts: codes.filter((c) => c === "conflict:version").length,
    codes,
  };
}

async function failedAttempts(action: string) {
  const [row] = await demo.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, "failed")));
  return row?.n ?? 0;
}

async function versionsOf(entryId: string) {
  return demo.handle.db
    .select({ version: recordEntries.version, isLatest: recordEntries.isLatest })
    .from(recordEntries)
    .where(eq(recordEntries.entryId, entryId))
    .orderBy(recordEntries.version);
}

async function draftOf(key: DemoUserKey, formKey: string) {
  const [row] = await demo.handle.db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.userId, demo.actor(key).id), eq(formDrafts.formKey, formKey)));
  return row;
}

async function amendRounds(section: FormSection, audit: string) {
  const child = demoChildId(0);
  demo.as("sw1");
  const created = expectOk(await createEntryAction(section, entryInput(child, section, 0)));
  const failedBefore = await failedAttempts(audit);
  let losers = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const base = round + 1;
    const writers = Array.from({ length: writersIn(round) }, (_, i) => WRITERS[i % WRITERS.length] as DemoUserKey);
    const results = await race(
      writers.map((who, i) => ({
        as: who,
        run: () =>
          amendEntryAction(section, {
            ...entryInput(child, section, 100 * round + i),
            title: `Round ${round} writer ${i} (fictional)`,
            entryId: created.entryId,
            baseVersion: base,
            amendReason: `Concurrent change ${round}.${i}`,
          }),
      })),
    );
    const { ok, conflicts, codes } = tally(results);
    expect(ok, `round ${round}: ${codes.join(", ")}`).toBe(1);
    expect(conflicts, `round ${round}: ${codes.join(", ")}`).toBe(writers.length - 1);
    losers += conflicts;
    for (const [i, result] of results.entries()) {
      if (result.ok || result.error.code !== "conflict:version") continue;
      // Both texts: the loser's and the version that won.
      expect(result.error.details?.yours).toMatchObject({ title: `Round ${round} writer ${i} (fictional)` });
      expect(result.error.details?.current).toMatchObject({ version: base + 1 });
      const draft = await draftOf(writers[i] as DemoUserKey, `${section}:${created.entryId}`);
      expect(draft?.conflictWithVersion).toBe(base + 1);
      expect(String(draft?.data.title)).toMatch(new RegExp(`^Round ${round} writer \\d \\(fictional\\)$`));
    }
  }
  const versions = await versionsOf(created.entryId);
  expect(versions.map((v) => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
  expect(versions.filter((v) => v.isLatest)).toEqual([{ version: ROUNDS + 1, isLatest: true }]);
  expect((await failedAttempts(audit)) - failedBefore).toBe(losers);
  expect((await verifyAuditChains(demo.handle.db)).ok).toBe(true);
  return created.entryId;
}

async function decisionsAbout(entryId: string) {
  const [row] = await demo.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recordEntries)
    .where(
      and(eq(recordEntries.section, "decisions"), sql`${recordEntries.data}->'relatesTo'->>'entryId' = ${entryId}`),
    );
  return row?.n ?? 0;
}

describe("concurrent saves on PostgreSQL", () => {
  it("amending one visit: exactly one save of a version wins, every other is a conflict with the draft kept", async () => {
    await amendRounds("visits", "visits.amend");
  });

  it("amending one contact arrangement: the same, and each winning change is one decision", async () => {
    const entryId = await amendRounds("contact", "contact.amend");
    // The arrangement's creation is a decision too, then one for each winning change.
    expect(await decisionsAbout(entryId)).toBe(ROUNDS + 1);
  });

  it("saving one care plan draft from the same form: one save wins, the others are conflicts with their text kept", async () => {
    const child = demoChildId(2);
    demo.as("sw1");
    const first = expectOk(await saveCarePlanDraftAction(carePlanForm(child)));
    let lockVersion = first.lockVersion;
    const failedBefore = await failedAttempts("carePlan.saveDraft");
    let losers = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const writers = Array.from({ length: writersIn(round) }, (_, i) => WRITERS[i % WRITERS.length] as DemoUserKey);
      const results = await race(
        writers.map((who, i) => ({
          as: who,
          run: () =>
            saveCarePlanDraftAction(
              carePlanForm(child, {
                entryId: first.entryId,
                version: 1,
                lockVersion,
                needs: `Round ${round} writer ${i}: needs written at the same moment (fictional).`,
              }),
            ),
        })),
      );
      const { ok, conflicts, codes } = tally(results);
      expect(ok, `round ${round}: ${codes.join(", ")}`).toBe(1);
      expect(conflicts, `round ${round}: ${codes.join(", ")}`).toBe(writers.length - 1);
      losers += conflicts;
      const winner = results.find((r) => r.ok);
      if (!winner?.ok) throw new Error("no winner");
      lockVersion = winner.data.lockVersion;
      for (const [i, result] of results.entries()) {
        if (result.ok) continue;
        const draft = await draftOf(writers[i] as DemoUserKey, `carePlan:${first.entryId}`);
        expect(String(draft?.data.needs)).toMatch(new RegExp(`^Round ${round} writer \\d: `));
      }
    }
    expect(lockVersion).toBe(first.lockVersion + ROUNDS);
    expect((await failedAttempts("carePlan.saveDraft")) - failedBefore).toBe(losers);
    expect((await verifyAuditChains(demo.handle.db)).ok).toBe(true);
  });

  it("sealing one entry from several sessions at once: it is sealed once, the others are told so", async () => {
    const child = demoChildId(4);
    for (let round = 0; round < ROUNDS; round++) {
      demo.as("sw1");
      const created = expectOk(await createEntryAction("correspondence", entryInput(child, "correspondence", round)));
      const results = await race(
        Array.from({ length: writersIn(round) }, (_, i) => ({
          as: "ro" as const,
          run: () =>
            sealEntryAction({
              childId: child,
              section: "correspondence",
              entryId: created.entryId,
              reason: `Misfiled: belongs to another child's record (round ${round}.${i}, fictional)`,
            }),
        })),
      );
      const { ok, conflicts, codes } = tally(results);
      expect(ok, `round ${round}: ${codes.join(", ")}`).toBe(1);
      expect(conflicts, `round ${round}: ${codes.join(", ")}`).toBe(results.length - 1);
      const versions = await versionsOf(created.entryId);
      expect(versions).toEqual([
        { version: 1, isLatest: false },
        { version: 2, isLatest: true },
      ]);
    }
    expect((await verifyAuditChains(demo.handle.db)).ok).toBe(true);
  });

  it("amending one provider arrangement at once: one new version, the others are conflicts", async () => {
    const child = demoChildId(0);
    const [current] = await demo.handle.db
      .select()
      .from(providerArrangements)
      .where(
        and(
          eq(providerArrangements.childId, child),
          eq(providerArrangements.organisationId, DEMO_ORGS.brightwater),
          sql`${providerArrangements.supersededAt} is null`,
        ),
      );
    if (!current) throw new Error("child 0 has an active Brightwater arrangement in the demo");
    let seen = current.id;
    for (let round = 0; round < ROUNDS; round++) {
      const results = await race(
        Array.from({ length: writersIn(round) }, (_, i) => ({
          as: WRITERS[i % WRITERS.length] as DemoUserKey,
          run: () =>
            amendArrangementAction({
              childId: child,
              arrangementId: seen,
              functions: `Foster placement and supervising social work (round ${round}.${i}, fictional)`,
              startDate: "01/04/2026",
              endDate: "",
              amendReason: `Functions clarified, round ${round}.${i}`,
            }),
        })),
      );
      const { ok, conflicts, codes } = tally(results);
      expect(ok, `round ${round}: ${codes.join(", ")}`).toBe(1);
      expect(conflicts).toBe(results.length - 1);
      const winner = results.find((r) => r.ok);
      if (!winner?.ok) throw new Error("no winner");
      seen = winner.data.id;
    }
    const versions = await demo.handle.db
      .select({ version: providerArrangements.version, supersededAt: providerArrangements.supersededAt })
      .from(providerArrangements)
      .where(eq(providerArrangements.arrangementId, current.arrangementId))
      .orderBy(providerArrangements.version);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
    expect(versions.filter((v) => v.supersededAt === null)).toHaveLength(1);
  });
});
