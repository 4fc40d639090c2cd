// The time limits of an IRO's dispute about a care plan (the IRO Handbook's dispute resolution
// process): the whole within a limit of working days from the concern being raised, and each
// stage within its own limit of its opening, or the whole dispute's limit if that comes sooner.
// Working days come from lib/timescales/calendar (England and Wales public holidays).
import { DISPUTE_STAGES, type DisputeStage } from "@/db/schema/iro";
import { formatUkDate } from "@/lib/dates";
import { addWorkingDays } from "@/lib/timescales/calendar";

export { DISPUTE_STAGES, type DisputeStage };

/** Each stage in words, as the IRO and the managers speak of it. */
export const STAGE_LABELS: Record<DisputeStage, string> = {
  informal: "Informal resolution",
  team_manager: "Team manager",
  service_manager: "Service manager",
  head_of_service: "Head of service",
};

/** The stage after this one, or null at the last. */
export function nextStage(stage: DisputeStage): DisputeStage | null {
  return DISPUTE_STAGES[DISPUTE_STAGES.indexOf(stage) + 1] ?? null;
}

export function stageNumber(stage: DisputeStage): number {
  return DISPUTE_STAGES.indexOf(stage) + 1;
}

/** The day the whole dispute is to be resolved by. */
export function disputeDueBy(raisedOn: string, limitWorkingDays: number): string {
  return addWorkingDays(raisedOn, limitWorkingDays);
}

/** A stage's due date: its own limit from opening, unless the whole dispute's comes sooner. */
export function stageDueBy(openedOn: string, limitWorkingDays: number, disputeDue: string): string {
  const own = addWorkingDays(openedOn, limitWorkingDays);
  return own < disputeDue ? own : disputeDue;
}

/** Why a stage is due when it is, in words, from the facts stored with it. */
export function stageDueExplanation(
  stage: { openedOn: string; timeLimitWorkingDays: number; dueBy: string },
  dispute: { raisedOn: string; timeLimitWorkingDays: number },
): string {
  const own = addWorkingDays(stage.openedOn, stage.timeLimitWorkingDays);
  if (stage.dueBy < own)
    return `Due by ${formatUkDate(stage.dueBy)}: the whole dispute is to be resolved within ${dispute.timeLimitWorkingDays} working days of the concern being raised on ${formatUkDate(dispute.raisedOn)}, which comes before this stage's own limit of ${stage.timeLimitWorkingDays} working days`;
  return `Due by ${formatUkDate(stage.dueBy)}: within ${stage.timeLimitWorkingDays} working days of the stage opening on ${formatUkDate(stage.openedOn)}`;
}

export function disputeDueExplanation(dispute: { raisedOn: string; timeLimitWorkingDays: number; dueBy: string }) {
  return `To be resolved by ${formatUkDate(dispute.dueBy)}: within ${dispute.timeLimitWorkingDays} working days of the concern being raised on ${formatUkDate(dispute.raisedOn)}`;
}
