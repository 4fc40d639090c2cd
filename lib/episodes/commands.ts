// Recording a child's journey through care: each event becomes SSDA903 episodes (through the pure
// rules in ./rules), raises the CP and CLA marker tasks the policy asks for, and goes on the
// decision trail when it is a placement change or the end of care. Child Protection Plans, marker
// tasks and allocations with their history live here too. Every function runs in the caller's
// transaction (the action wrapper adds the audit event) and takes the child's lock first, so two
// events for one child queue rather than race.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { allocations, childProtectionPlans, children, episodes, markerTasks, users, type Episode } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { placementFromCarerRecord } from "@/lib/carers/placement";
import { lockChild } from "@/lib/children/lock";
import { checkCourtOrderLink, courtOrderChoices, ORDER_LEGAL_STATUS } from "./court-orders";
import { formatUkDate, todayIso } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { resolveParentViews } from "@/lib/people/commands";
import { recordDecision } from "@/lib/records/commands";
import { REASON_CEASED, REASON_PLACE_CHANGE, PLACEMENT, LEGAL_STATUS, label } from "@/lib/ssda903/codes";
import { lockChain, type VersionChain } from "@/lib/records/versions";
import {
  applyCareEvent,
  CARE_EVENT_LABELS,
  historyBreaches,
  type CareEvent,
  type EpisodeFacts,
  type RuleBreach,
} from "./rules";
import type { AmendEpisodeInput, CareEventInput } from "./schemas";

/** The 24 hours the policy allows for a CP or CLA marker, as an exact duration. */
export const MARKER_HOURS = 24;
const dueAfter = (at: Date) => new Date(at.getTime() + MARKER_HOURS * 3600_000);

export function toFacts(e: Episode): EpisodeFacts {
  return {
    startDate: e.startDate,
    startedAt: e.startedAt,
    reasonNewEpisode: e.reasonNewEpisode,
    legalStatus: e.legalStatus,
    categoryOfNeed: e.categoryOfNeed,
    placement: e.placement,
    placementProvider: e.placementProvider,
    carerRecordId: e.carerRecordId,
    placementPostcode: e.placementPostcode,
    homePostcode: e.homePostcode,
    urn: e.urn,
    endDate: e.endDate,
    endedAt: e.endedAt,
    reasonCeased: e.reasonCeased,
    reasonPlaceChange: e.reasonPlaceChange,
  };
}

/** The child's current episodes (latest versions), oldest first. */
export async function currentEpisodes(tx: Tx, childId: string): Promise<Episode[]> {
  return tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.childId, childId), isNull(episodes.supersededAt), isNull(episodes.deletedAt)))
    .orderBy(asc(episodes.startDate), asc(episodes.startedAt));
}

/** The refusal for broken rules: each on its field, the rules named in the details. */
export function breachError(breaches: readonly RuleBreach[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const b of breaches) (fieldErrors[b.field ?? "_form"] ??= []).push(b.message);
  const first = breaches[0];
  return new AppError(
    "invalid:input",
    first ? `This breaks a rule of the Department's return: ${first.message}` : undefined,
    fieldErrors,
  );
}

function toEvent(input: CareEventInput): CareEvent {
  switch (input.kind) {
    case "startCare":
      return { ...input, kind: "startCare" };
    case "changePlacement":
      return { ...input, kind: "changePlacement" };
    case "changeLegalStatus":
      return { kind: "changeLegalStatus", at: input.at, legalStatus: input.legalStatus };
    case "changeBoth":
      return { ...input, kind: "changeBoth" };
    case "temporaryMove":
      return { ...input, kind: "temporaryMove" };
    case "ceaseCare":
      return { kind: "ceaseCare", at: input.at, reasonCeased: input.reasonCeased };
  }
}

async function raiseMarker(
  tx: Tx,
  childId: string,
  marker: "cla" | "cp",
  trigger: "start" | "end",
  sourceId: string,
  at: Date,
) {
  await tx
    .insert(markerTasks)
    .values({ childId, marker, trigger, sourceId, eventAt: at, dueAt: dueAfter(at) })
    .onConflictDoNothing();
}

export interface RecordedEvent {
  closedEpisodeId: string | null;
  openedEpisodeId: string | null;
  reasonNewEpisode: string | null;
  decisionEntryId: string | null;
}

export async function recordCareEvent(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: CareEventInput,
  now: Date = new Date(),
): Promise<RecordedEvent> {
  const childId = access.childId;
  await lockChild(tx, childId);
  input = await placementFromCarerRecord(tx, input);
  const [child] = await tx
    .select({ dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (!child) throw new AppError("not-found");
  const rows = await currentEpisodes(tx, childId);
  const outcome = applyCareEvent(rows.map(toFacts), toEvent(input), child, now);
  if (!outcome.ok) throw breachError(outcome.breaches);
  // A placement change or the end of care is a decision: the views of every parent with parental
  // responsibility, chosen from the people linked to the child, are checked before anything is written.
  const parentViews =
    "parentViews" in input ? await resolveParentViews(tx, childId, input.parentViews, { everyWithPr: true }) : [];
  if ("courtOrderEntryId" in input && input.courtOrderEntryId)
    await checkCourtOrderLink(tx, access, {
      courtOrderEntryId: input.courtOrderEntryId,
      legalStatus: input.legalStatus,
      date: todayIso(input.at),
    });

  let closedEpisodeId: string | null = null;
  if (outcome.closes) {
    const row = rows[outcome.closes.index];
    if (!row) throw new Error("the episode to close is not in the history");
    const c = outcome.closes.episode;
    const [ended] = await tx
      .update(episodes)
      .set({
        endDate: c.endDate,
        endedAt: c.endedAt,
        reasonCeased: c.reasonCeased,
        reasonPlaceChange: c.reasonPlaceChange,
      })
      .where(and(eq(episodes.id, row.id), isNull(episodes.endDate)))
      .returning({ episodeId: episodes.episodeId });
    if (!ended)
      throw new AppError(
        "conflict:version",
        "Someone recorded another event for this child a moment ago. Reload the page.",
      );
    closedEpisodeId = ended.episodeId;
  }

  let openedEpisodeId: string | null = null;
  if (outcome.opens) {
    const o = outcome.opens;
    const id = crypto.randomUUID();
    const courtOrder = "courtOrderEntryId" in input && input.courtOrderEntryId ? input.courtOrderEntryId : null;
    await tx.insert(episodes).values({
      id,
      episodeId: id,
      version: 1,
      childId,
      startDate: o.startDate,
      startedAt: o.startedAt,
      reasonNewEpisode: o.reasonNewEpisode,
      legalStatus: o.legalStatus,
      categoryOfNeed: o.categoryOfNeed,
      placement: o.placement,
      placementProvider: o.placementProvider,
      carerRecordId: o.carerRecordId,
      placementPostcode: o.placementPostcode,
      homePostcode: o.homePostcode,
      urn: o.urn,
      courtOrderEntryId: courtOrder,
      startedBy: input.kind,
      createdBy: actor.id,
    });
    openedEpisodeId = id;
  }

  // The policy: CP and CLA markers within 24 hours of a period of care starting, and again when it ends.
  if (input.kind === "startCare" && openedEpisodeId)
    await raiseMarker(tx, childId, "cla", "start", openedEpisodeId, input.at);
  if (input.kind === "ceaseCare" && closedEpisodeId)
    await raiseMarker(tx, childId, "cla", "end", closedEpisodeId, input.at);

  // Placement changes and the end of care are significant decisions: on the decision trail, with
  // the views of the child and of each parent.
  let decisionEntryId: string | null = null;
  if (input.kind === "changePlacement" || input.kind === "changeBoth" || input.kind === "ceaseCare") {
    const closing = outcome.closes?.episode;
    const what =
      input.kind === "ceaseCare"
        ? `Ceased to be looked after: ${label(REASON_CEASED, input.reasonCeased)}.`
        : `${CARE_EVENT_LABELS[input.kind]} to ${label(PLACEMENT, input.placement)}${input.kind === "changeBoth" ? `, legal status ${label(LEGAL_STATUS, input.legalStatus)}` : ""}.`;
    const decision = await recordDecision(tx, actor, childId, {
      title: CARE_EVENT_LABELS[input.kind],
      occurredOn: todayIso(input.at),
      decision: what,
      decidedBy: actor.name,
      reasons: closing?.reasonPlaceChange ? label(REASON_PLACE_CHANGE, closing.reasonPlaceChange) : what,
      childViews: input.childViews,
      parentViews,
    });
    decisionEntryId = decision.entryId;
  }
  return {
    closedEpisodeId,
    openedEpisodeId,
    reasonNewEpisode: outcome.opens?.reasonNewEpisode ?? null,
    decisionEntryId,
  };
}

/** A team manager actions a marker task: who and when, once. */
export async function actionMarker(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { taskId: string },
  now = new Date(),
) {
  const [row] = await tx
    .update(markerTasks)
    .set({ actionedBy: actor.id, actionedAt: now })
    .where(
      and(eq(markerTasks.id, input.taskId), eq(markerTasks.childId, access.childId), isNull(markerTasks.actionedAt)),
    )
    .returning();
  if (!row) throw new AppError("not-found", "That marker task has already been actioned, or it is not this child's.");
  return { taskId: row.id, late: row.actionedAt !== null && row.actionedAt > row.dueAt };
}

export async function startCpPlan(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { at: Date; category: string },
  now = new Date(),
) {
  if (input.at > now) throw new AppError("invalid:input", undefined, { at: ["Record the plan when it has started"] });
  await lockChild(tx, access.childId);
  const [open] = await tx
    .select({ id: childProtectionPlans.id })
    .from(childProtectionPlans)
    .where(and(eq(childProtectionPlans.childId, access.childId), isNull(childProtectionPlans.endDate)))
    .limit(1);
  if (open)
    throw new AppError("invalid:input", "A Child Protection Plan is already in force for this child.", {
      _form: ["End the current plan first"],
    });
  const [plan] = await tx
    .insert(childProtectionPlans)
    .values({
      childId: access.childId,
      startedAt: input.at,
      startDate: todayIso(input.at),
      category: input.category,
      createdBy: actor.id,
    })
    .returning();
  if (!plan) throw new Error("insert returned no row");
  await raiseMarker(tx, access.childId, "cp", "start", plan.id, input.at);
  return { planId: plan.id };
}

export async function endCpPlan(
  tx: Tx,
  access: ChildAccess,
  input: { planId: string; at: Date; reason: string },
  now = new Date(),
) {
  if (input.at > now) throw new AppError("invalid:input", undefined, { at: ["Record the end when it has happened"] });
  await lockChild(tx, access.childId);
  const [plan] = await tx
    .select()
    .from(childProtectionPlans)
    .where(and(eq(childProtectionPlans.id, input.planId), eq(childProtectionPlans.childId, access.childId)))
    .limit(1);
  if (!plan || plan.endDate) throw new AppError("not-found", "That plan has already ended, or it is not this child's.");
  if (input.at < plan.startedAt)
    throw new AppError("invalid:input", undefined, { at: ["The plan cannot end before it started"] });
  await tx
    .update(childProtectionPlans)
    .set({ endedAt: input.at, endDate: todayIso(input.at), endReason: input.reason })
    .where(and(eq(childProtectionPlans.id, plan.id), isNull(childProtectionPlans.endDate)));
  await raiseMarker(tx, access.childId, "cp", "end", plan.id, input.at);
  return { planId: plan.id };
}

/**
 * Allocates a social worker or an IRO from a date: the current spell of that kind ends that day
 * (with its reason, for a social worker the SSDA903 SW_REASON), a new spell starts, and the
 * child's current allocation (which access and caseloads follow) moves at once.
 */
export async function allocate(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { kind: "social_worker" | "iro"; userId: string; startDate: string; previousEndReason: string | null },
) {
  await lockChild(tx, access.childId);
  const role = input.kind === "iro" ? "iro" : "social_worker";
  const [person] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.role, role), eq(users.active, true)))
    .limit(1);
  if (!person) throw new AppError("invalid:input", undefined, { userId: ["Choose someone from the list"] });
  if (input.kind === "social_worker" && person.teamId !== access.teamId)
    throw new AppError("invalid:input", undefined, { userId: ["Choose a social worker of the child's team"] });
  const [current] = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.childId, access.childId), eq(allocations.kind, input.kind), isNull(allocations.endDate)))
    .limit(1);
  if (current?.userId === input.userId)
    throw new AppError("invalid:input", undefined, { userId: ["They are already allocated"] });
  if (current) {
    if (input.startDate < current.startDate)
      throw new AppError("invalid:input", undefined, {
        startDate: ["The new allocation cannot start before the current one did"],
      });
    if (input.kind === "social_worker" && !input.previousEndReason)
      throw new AppError("invalid:input", undefined, {
        previousEndReason: ["Say why the current social worker's allocation ends"],
      });
    await tx
      .update(allocations)
      .set({ endDate: input.startDate, endReason: input.previousEndReason ?? IRO_REALLOCATION_REASON })
      .where(and(eq(allocations.id, current.id), isNull(allocations.endDate)));
  }
  const [spell] = await tx
    .insert(allocations)
    .values({
      childId: access.childId,
      kind: input.kind,
      userId: input.userId,
      startDate: input.startDate,
      createdBy: actor.id,
    })
    .returning({ id: allocations.id });
  await tx
    .update(children)
    .set(input.kind === "iro" ? { iroId: input.userId } : { allocatedWorkerId: input.userId })
    .where(eq(children.id, access.childId));
  return { allocationId: spell?.id ?? null, ended: current?.id ?? null };
}

/** An IRO's spell ends for a management decision unless the manager says otherwise (SW_REASON MANAGE). */
export const IRO_REALLOCATION_REASON = "MANAGE";

const ALLOCATED_LABEL = { social_worker: "social worker", iro: "Independent Reviewing Officer" } as const;

/**
 * Ends the child's current social worker or IRO allocation on its own, from a date no later than
 * today, with its reason (SW_REASON): the spell ends, and the child's current allocation (which
 * access and caseloads follow) is cleared at once. The child shows as unallocated until the next.
 */
export async function endAllocation(
  tx: Tx,
  access: ChildAccess,
  input: { kind: "social_worker" | "iro"; userId: string; endDate: string; reason: string },
  now: Date = new Date(),
) {
  await lockChild(tx, access.childId);
  const who = ALLOCATED_LABEL[input.kind];
  if (input.endDate > todayIso(now))
    throw new AppError("invalid:input", undefined, {
      endDate: ["An allocation ends today or on a day that has passed: access ends at once"],
    });
  const [current] = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.childId, access.childId), eq(allocations.kind, input.kind), isNull(allocations.endDate)))
    .limit(1);
  if (!current)
    throw new AppError("invalid:input", `No ${who} is allocated to this child, so there is no allocation to end.`, {
      kind: [`No ${who} is allocated`],
    });
  if (current.userId !== input.userId)
    throw new AppError(
      "conflict:version",
      `Someone else has been allocated as ${who} since the page was opened, so nothing was ended. Check who is allocated now and try again.`,
    );
  if (input.endDate < current.startDate)
    throw new AppError("invalid:input", undefined, {
      endDate: [`The allocation cannot end before it started (${formatUkDate(current.startDate)})`],
    });
  const [ended] = await tx
    .update(allocations)
    .set({ endDate: input.endDate, endReason: input.reason })
    .where(and(eq(allocations.id, current.id), isNull(allocations.endDate)))
    .returning({ id: allocations.id });
  if (!ended) throw new AppError("conflict:version", "Someone changed this allocation a moment ago. Reload the page.");
  await tx
    .update(children)
    .set(input.kind === "iro" ? { iroId: null } : { allocatedWorkerId: null })
    .where(eq(children.id, access.childId));
  return { allocationId: current.id, userId: current.userId };
}

type NewEpisodeVersion = Omit<typeof episodes.$inferInsert, "id" | "episodeId" | "version" | "childId">;

/** The versions of one episode of one child, locked by its first version. */
function episodeChain(childId: string, episodeId: string): VersionChain<Episode, NewEpisodeVersion> {
  const ofChain = and(eq(episodes.episodeId, episodeId), eq(episodes.childId, childId));
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: episodes.id })
        .from(episodes)
        .where(and(ofChain, eq(episodes.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(episodes).where(ofChain).orderBy(asc(episodes.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(episodes)
        .set({ supersededAt: new Date() })
        .where(and(eq(episodes.id, latest.id), isNull(episodes.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(episodes)
        .values({ ...values, episodeId, version, childId })
        .onConflictDoNothing({ target: [episodes.episodeId, episodes.version] })
        .returning();
      return row;
    },
  };
}

/**
 * Corrects an episode: a new version with a reason, the earlier one kept and readable. The
 * child's whole history is checked again with the correction in place; a correction is refused if
 * the corrected episode breaks one of the Department's rules, or if it newly breaks one elsewhere
 * (a neighbour's continuation, a spell of police protection). A changed legal status must keep,
 * change or drop its court order link so that the order gives it.
 */
export async function amendEpisode(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: AmendEpisodeInput,
  now: Date = new Date(),
) {
  await lockChild(tx, access.childId);
  input = await placementFromCarerRecord(tx, input);
  const chain = await lockChain(
    tx,
    episodeChain(access.childId, input.episodeId),
    () => new AppError("not-found", "That episode could not be found."),
  );
  const { latest } = chain;
  const [child] = await tx
    .select({ dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, access.childId))
    .limit(1);
  if (!child) throw new AppError("not-found");
  // A legal status that follows a court order links to an order that gives it: a correction of the
  // legal status checks the link again (the one kept, or the one chosen with it).
  const courtOrderEntryId =
    input.courtOrderEntryId === undefined ? latest.courtOrderEntryId : input.courtOrderEntryId || null;
  const statusChanged = input.legalStatus !== latest.legalStatus;
  if (courtOrderEntryId && (statusChanged || courtOrderEntryId !== latest.courtOrderEntryId)) {
    if (courtOrderEntryId === latest.courtOrderEntryId) {
      const order = (await courtOrderChoices(tx, access)).find((o) => o.entryId === courtOrderEntryId);
      if (order && !ORDER_LEGAL_STATUS[order.orderType]?.includes(input.legalStatus)) {
        const message = `This episode is linked to the ${order.orderType.toLowerCase()} made on ${formatUkDate(order.occurredOn)}, which does not give the legal status ${label(LEGAL_STATUS, input.legalStatus)}: choose the court order that gives it, or none.`;
        throw new AppError("invalid:input", message, { courtOrderEntryId: [message] });
      }
    }
    await checkCourtOrderLink(tx, access, {
      courtOrderEntryId,
      legalStatus: input.legalStatus,
      date: latest.startDate,
    });
  }
  const amended: Episode = {
    ...latest,
    courtOrderEntryId,
    legalStatus: input.legalStatus,
    categoryOfNeed: input.categoryOfNeed,
    placement: input.placement,
    placementProvider: input.placementProvider,
    carerRecordId: input.carerRecordId,
    placementPostcode: input.placementPostcode,
    homePostcode: input.homePostcode,
    urn: input.urn,
    reasonPlaceChange: latest.endDate ? input.reasonPlaceChange : null,
  };
  const history = await currentEpisodes(tx, access.childId);
  const index = history.findIndex((e) => e.episodeId === input.episodeId);
  // Refused: any rule broken on the corrected episode, and any the correction newly breaks elsewhere
  // (a neighbour's continuation, a spell of police protection); older problems elsewhere stay for
  // the return's page and do not block putting this one right.
  const key = (b: RuleBreach) => `${b.rule}:${b.episode}`;
  const before = new Set(historyBreaches(history.map(toFacts), child, now).map(key));
  const facts = history.map((e, i) => toFacts(i === index ? amended : e));
  const breaches = historyBreaches(facts, child, now).filter((b) => b.episode === index || !before.has(key(b)));
  if (breaches.length) throw breachError(breaches);
  const { id: _id, episodeId: _e, version: _v, childId: _c, createdAt: _at, supersededAt: _s, ...rest } = amended;
  return chain.append(
    { ...rest, amendReason: input.amendReason, createdBy: actor.id },
    {
      baseVersion: input.baseVersion,
      stale: (current) =>
        new AppError(
          "conflict:version",
          `Someone corrected this episode a moment ago (it is now version ${current.version}). Reload the page to see it.`,
        ),
    },
  );
}
