// The IRO's concern about a child's care plan, taken through the dispute resolution stages in
// order (informal, team manager, service manager, head of service): raising it opens the informal
// stage; escalating records the open stage's outcome and opens the next; resolving records it and
// closes the dispute; a referral to Cafcass is recorded once, while a stage is open. Each stage is
// due by its own limit or the whole dispute's (lib/reviews/dispute-rules). Every function runs in
// the caller's transaction (the action wrapper adds the audit event) under the child's lock, and
// refuses bad input with a field error, having changed nothing.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { iroDisputes, iroDisputeStages, type IroDispute, type IroDisputeStage } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { lockChild } from "@/lib/children/lock";
import { formatUkDate, formatUkDateTime, todayIso } from "@/lib/dates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DISPUTE_STAGES, disputeDueBy, nextStage, STAGE_LABELS, stageDueBy, stageNumber } from "./dispute-rules";

/** What an outcome of the open stage says (the form's `next` picks the command). */
type StageOutcomeInput = { disputeId: string; stageId: string; outcome: string };

const refuse = (field: string, message: string) => new AppError("invalid:input", message, { [field]: [message] });

/** The limit of one stage, from the settings (informal, team manager, service manager, head of service). */
function stageLimit(stage: (typeof DISPUTE_STAGES)[number]): number {
  return env.IRO_DISPUTE_STAGE_WORKING_DAYS[stageNumber(stage) - 1] ?? env.IRO_DISPUTE_WORKING_DAYS;
}

export async function raiseDispute(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { concern: string },
  now = new Date(),
) {
  await lockChild(tx, access.childId);
  const raisedOn = todayIso(now);
  const limit = env.IRO_DISPUTE_WORKING_DAYS;
  const dueBy = disputeDueBy(raisedOn, limit);
  const [dispute] = await tx
    .insert(iroDisputes)
    .values({
      childId: access.childId,
      raisedBy: actor.id,
      raisedAt: now,
      raisedOn,
      concern: input.concern,
      timeLimitWorkingDays: limit,
      dueBy,
    })
    .returning();
  if (!dispute) throw new Error("insert returned no row");
  const stage = await openStage(tx, actor, dispute, "informal", now);
  return { disputeId: dispute.id, dueBy, stageId: stage.id, stage: stage.stage, stageDueBy: stage.dueBy };
}

async function openStage(
  tx: Tx,
  actor: Actor,
  dispute: IroDispute,
  stage: (typeof DISPUTE_STAGES)[number],
  now: Date,
): Promise<IroDisputeStage> {
  const openedOn = todayIso(now);
  const limit = stageLimit(stage);
  const [row] = await tx
    .insert(iroDisputeStages)
    .values({
      disputeId: dispute.id,
      childId: dispute.childId,
      stage,
      stageNumber: stageNumber(stage),
      openedAt: now,
      openedOn,
      openedBy: actor.id,
      timeLimitWorkingDays: limit,
      dueBy: stageDueBy(openedOn, limit, dispute.dueBy),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The child's open dispute and its open stage, checked against the stage the person was looking at. */
async function openDispute(tx: Tx, access: ChildAccess, disputeId: string, stageId: string | null, field: string) {
  await lockChild(tx, access.childId);
  const [dispute] = await tx
    .select()
    .from(iroDisputes)
    .where(and(eq(iroDisputes.id, disputeId), eq(iroDisputes.childId, access.childId)))
    .limit(1);
  if (!dispute) throw new AppError("not-found", "That dispute could not be found.");
  if (dispute.resolvedAt)
    throw refuse(field, `This dispute was resolved on ${formatUkDateTime(dispute.resolvedAt)}: raise a new concern`);
  const [stage] = await tx
    .select()
    .from(iroDisputeStages)
    .where(and(eq(iroDisputeStages.disputeId, dispute.id), isNull(iroDisputeStages.outcomeAt)))
    .orderBy(asc(iroDisputeStages.stageNumber))
    .limit(1);
  if (!stage) throw new Error(`dispute ${dispute.id} is open with no open stage`);
  // Stages go in order: an outcome is recorded only for the stage open now, never one already closed.
  if (stageId !== null && stage.id !== stageId)
    throw refuse(
      field,
      `That stage already has its outcome: the dispute is now at the ${STAGE_LABELS[stage.stage].toLowerCase()} stage. Reload the page to see it.`,
    );
  return { dispute, stage };
}

async function closeStage(
  tx: Tx,
  actor: Actor,
  stage: IroDisputeStage,
  outcome: string,
  closedAs: "escalated" | "resolved",
  now: Date,
) {
  const [closed] = await tx
    .update(iroDisputeStages)
    .set({ outcome, outcomeAt: now, outcomeBy: actor.id, closedAs })
    .where(and(eq(iroDisputeStages.id, stage.id), isNull(iroDisputeStages.outcomeAt)))
    .returning({ id: iroDisputeStages.id });
  if (!closed) throw refuse("outcome", "This stage's outcome has already been recorded. Reload the page to see it.");
}

/** Records the open stage's outcome and opens the next stage. */
export async function escalateDispute(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: StageOutcomeInput,
  now = new Date(),
) {
  const { dispute, stage } = await openDispute(tx, access, input.disputeId, input.stageId, "outcome");
  const next = nextStage(stage.stage);
  if (!next)
    throw refuse(
      "next",
      "The head of service is the last stage: record its outcome and resolve the dispute, or refer the concern to Cafcass",
    );
  await closeStage(tx, actor, stage, input.outcome, "escalated", now);
  const opened = await openStage(tx, actor, dispute, next, now);
  return { disputeId: dispute.id, closedStage: stage.stage, stageId: opened.id, stage: next, dueBy: opened.dueBy };
}

/** Records the open stage's outcome as the dispute's resolution. */
export async function resolveDispute(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: StageOutcomeInput,
  now = new Date(),
) {
  const { dispute, stage } = await openDispute(tx, access, input.disputeId, input.stageId, "outcome");
  await closeStage(tx, actor, stage, input.outcome, "resolved", now);
  await tx
    .update(iroDisputes)
    .set({ resolvedAt: now, resolvedBy: actor.id, outcome: input.outcome })
    .where(and(eq(iroDisputes.id, dispute.id), isNull(iroDisputes.resolvedAt)));
  const late = todayIso(now) > dispute.dueBy;
  return { disputeId: dispute.id, stage: stage.stage, late };
}

/** A referral of the concern to Cafcass, once, at whichever stage is open. */
export async function referDisputeToCafcass(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { disputeId: string; note: string },
  now = new Date(),
) {
  const { dispute, stage } = await openDispute(tx, access, input.disputeId, null, "note");
  if (dispute.cafcassReferredAt)
    throw refuse(
      "note",
      `A referral to Cafcass was already recorded on ${formatUkDate(todayIso(dispute.cafcassReferredAt))}`,
    );
  const [row] = await tx
    .update(iroDisputes)
    .set({ cafcassReferredAt: now, cafcassReferredBy: actor.id, cafcassStage: stage.stage, cafcassNote: input.note })
    .where(and(eq(iroDisputes.id, dispute.id), isNull(iroDisputes.cafcassReferredAt)))
    .returning({ id: iroDisputes.id });
  if (!row) throw refuse("note", "A referral to Cafcass has already been recorded");
  return { disputeId: dispute.id, stage: stage.stage };
}
