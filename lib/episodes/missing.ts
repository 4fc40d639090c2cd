// Missing and away periods (SSDA903 missing), unaccompanied asylum-seeking child status (the uasc
// table's DUC) and team transfers, recorded on the child's record. Each runs in the caller's
// transaction under the child's lock, so two recordings for one child queue rather than race.
import { addYears, formatISO, parseISO } from "date-fns";
import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { allocations, children, missingEpisodes, teams, uascStatuses } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { lockChild } from "@/lib/children/lock";
import { todayIso } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { currentEpisodes } from "./commands";
import type { EndMissingInput, StartMissingInput } from "./schemas";

const refuse = (field: string, message: string) => new AppError("invalid:input", message, { [field]: [message] });

/** Whether the child was looked after on that England date (an episode covers it). */
async function lookedAfterOn(tx: Tx, childId: string, date: string): Promise<boolean> {
  const rows = await currentEpisodes(tx, childId);
  return rows.some((e) => e.startDate <= date && (e.endDate === null || e.endDate >= date));
}

/** Overlap of [start, end) with the child's other missing periods (open ones run to now). */
async function overlapping(tx: Tx, childId: string, start: Date, end: Date | null, except?: string) {
  const rows = await tx
    .select()
    .from(missingEpisodes)
    .where(
      and(
        eq(missingEpisodes.childId, childId),
        isNull(missingEpisodes.deletedAt),
        except ? ne(missingEpisodes.id, except) : undefined,
      ),
    );
  const far = new Date(8.64e15);
  return rows.find((r) => r.startedAt < (end ?? far) && start < (r.endedAt ?? far));
}

export async function startMissing(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: StartMissingInput,
  now = new Date(),
) {
  const childId = access.childId;
  await lockChild(tx, childId);
  if (input.at > now) throw refuse("at", "Record a missing or away period once it has started");
  if (input.end && input.end.at > now) throw refuse("endAt", "The child's return cannot be in the future");
  if (input.end && input.end.at < input.at) throw refuse("endAt", "The child cannot come back before they went");
  if (!(await lookedAfterOn(tx, childId, todayIso(input.at))))
    throw refuse("at", "The child was not looked after then: missing and away periods are recorded while in care");
  const clash = await overlapping(tx, childId, input.at, input.end?.at ?? null);
  if (clash)
    throw refuse(
      "at",
      clash.endedAt
        ? "This overlaps another missing or away period: a child's periods never overlap"
        : "The child is already recorded as missing or away: record their return first",
    );
  const [row] = await tx
    .insert(missingEpisodes)
    .values({
      childId,
      kind: input.kind,
      startedAt: input.at,
      startDate: todayIso(input.at),
      endedAt: input.end?.at ?? null,
      endDate: input.end ? todayIso(input.end.at) : null,
      returnInterviewOffered: input.end?.returnInterviewOffered ?? null,
      returnInterviewAccepted: input.end?.returnInterviewAccepted ?? null,
      createdBy: actor.id,
      endedBy: input.end ? actor.id : null,
    })
    .returning({ id: missingEpisodes.id });
  if (!row) throw new Error("insert returned no row");
  return { missingId: row.id };
}

export async function endMissing(tx: Tx, actor: Actor, access: ChildAccess, input: EndMissingInput, now = new Date()) {
  await lockChild(tx, access.childId);
  const [open] = await tx
    .select()
    .from(missingEpisodes)
    .where(and(eq(missingEpisodes.id, input.missingId), eq(missingEpisodes.childId, access.childId)))
    .limit(1);
  if (!open || open.endedAt)
    throw new AppError("not-found", "That period has already ended, or it is not this child's.");
  if (input.at > now) throw refuse("at", "The child's return cannot be in the future");
  if (input.at < open.startedAt) throw refuse("at", "The child cannot come back before they went");
  const [ended] = await tx
    .update(missingEpisodes)
    .set({
      endedAt: input.at,
      endDate: todayIso(input.at),
      returnInterviewOffered: input.returnInterviewOffered,
      returnInterviewAccepted: input.returnInterviewAccepted,
      endedBy: actor.id,
    })
    .where(and(eq(missingEpisodes.id, open.id), isNull(missingEpisodes.endedAt)))
    .returning({ id: missingEpisodes.id });
  if (!ended)
    throw new AppError("conflict:version", "Someone recorded the child's return a moment ago. Reload the page.");
  return { missingId: ended.id };
}

export async function listMissing(tx: Queryable, access: ChildAccess) {
  return tx
    .select()
    .from(missingEpisodes)
    .where(and(eq(missingEpisodes.childId, access.childId), isNull(missingEpisodes.deletedAt)))
    .orderBy(desc(missingEpisodes.startedAt));
}

/** The 18th birthday, by which the Department expects UASC status to have ceased. */
const eighteenth = (dateOfBirth: string) => formatISO(addYears(parseISO(dateOfBirth), 18), { representation: "date" });

export async function recordUasc(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { sinceDate: string },
  now = new Date(),
) {
  await lockChild(tx, access.childId);
  const [child] = await tx.select({ dob: children.dateOfBirth }).from(children).where(eq(children.id, access.childId));
  if (!child) throw new AppError("not-found");
  if (input.sinceDate > todayIso(now)) throw refuse("sinceDate", "The date cannot be in the future");
  if (input.sinceDate < child.dob) throw refuse("sinceDate", "The date cannot be before the child was born");
  if (input.sinceDate >= eighteenth(child.dob))
    throw refuse("sinceDate", "An unaccompanied asylum-seeking child is under 18 on that date");
  const [row] = await tx
    .insert(uascStatuses)
    .values({ childId: access.childId, sinceDate: input.sinceDate, createdBy: actor.id })
    .onConflictDoNothing({ target: uascStatuses.childId })
    .returning({ id: uascStatuses.id });
  if (!row)
    throw new AppError("invalid:input", "The child's status is already recorded.", {
      sinceDate: ["The child's status is already recorded"],
    });
  return { uascId: row.id };
}

export async function ceaseUasc(
  tx: Tx,
  access: ChildAccess,
  input: { ceasedDate: string; ceasedReason: string },
  now = new Date(),
) {
  await lockChild(tx, access.childId);
  const [row] = await tx
    .select({
      id: uascStatuses.id,
      sinceDate: uascStatuses.sinceDate,
      ceasedDate: uascStatuses.ceasedDate,
      dob: children.dateOfBirth,
    })
    .from(uascStatuses)
    .innerJoin(children, eq(children.id, uascStatuses.childId))
    .where(eq(uascStatuses.childId, access.childId))
    .limit(1);
  if (!row || row.ceasedDate) throw new AppError("not-found", "The child has no current status to end.");
  if (input.ceasedDate > todayIso(now)) throw refuse("ceasedDate", "The date cannot be in the future");
  if (input.ceasedDate < row.sinceDate) throw refuse("ceasedDate", "The status cannot cease before it began");
  if (input.ceasedDate > eighteenth(row.dob))
    throw refuse("ceasedDate", "The status ceases on the child's 18th birthday at the latest (the Department's rule)");
  await tx
    .update(uascStatuses)
    .set({ ceasedDate: input.ceasedDate, ceasedReason: input.ceasedReason })
    .where(and(eq(uascStatuses.id, row.id), isNull(uascStatuses.ceasedDate)));
  return { uascId: row.id };
}

export async function uascStatus(tx: Queryable, access: ChildAccess) {
  const [row] = await tx.select().from(uascStatuses).where(eq(uascStatuses.childId, access.childId)).limit(1);
  return row ?? null;
}

/**
 * Moves a child to another team from a date: the team spell and the social worker's spell end
 * that day, the child is unallocated in the new team until its manager allocates, and access and
 * caseloads follow at once (the old team's manager no longer manages the child).
 */
export async function transferTeam(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { teamId: string; startDate: string; previousEndReason: string | null },
  now = new Date(),
) {
  const childId = access.childId;
  await lockChild(tx, childId);
  if (input.teamId === access.teamId) throw refuse("teamId", "The child is already in that team");
  const [team] = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, input.teamId));
  if (!team) throw refuse("teamId", "Choose a team from the list");
  if (input.startDate > todayIso(now))
    throw refuse("startDate", "Record the transfer on the day it happens, not before");
  const open = await tx
    .select()
    .from(allocations)
    .where(and(eq(allocations.childId, childId), isNull(allocations.endDate), isNull(allocations.deletedAt)))
    .orderBy(asc(allocations.startDate));
  const worker = open.find((a) => a.kind === "social_worker");
  if (worker && !input.previousEndReason)
    throw refuse("previousEndReason", "Say why the social worker's allocation ends");
  for (const spell of open.filter((a) => a.kind !== "iro")) {
    if (input.startDate < spell.startDate)
      throw refuse("startDate", "The transfer cannot be before the current allocation started");
    await tx
      .update(allocations)
      .set({
        endDate: input.startDate,
        endReason:
          spell.kind === "social_worker" ? (input.previousEndReason ?? "TSPROC") : `Transferred to ${team.name}`,
      })
      .where(and(eq(allocations.id, spell.id), isNull(allocations.endDate)));
  }
  await tx
    .insert(allocations)
    .values({ childId, kind: "team", teamId: team.id, startDate: input.startDate, createdBy: actor.id });
  await tx.update(children).set({ teamId: team.id, allocatedWorkerId: null }).where(eq(children.id, childId));
  return { teamId: team.id, endedWorkerSpell: worker?.id ?? null };
}
