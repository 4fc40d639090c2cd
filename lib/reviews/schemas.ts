// Forms of a child's review: scheduling (and moving) it, recording it, signing it off with its
// decisions and recommendations, amending it after sign-off, the team manager's response, and an
// owner closing a recommendation.
import { z } from "zod";
import { happenedAt } from "@/lib/episodes/schemas";
import { linkedParentView } from "@/lib/people/schemas";
import { id, ukDate } from "@/lib/validation";

/** SSDA903 REVIEW_CODE: the child's participation, in words. */
export const PARTICIPATION: Record<string, string> = {
  PN0: "Child under 4 at the time of the review",
  PN1: "Attended and spoke for themselves",
  PN2: "Attended, and an advocate spoke for them",
  PN3: "Attended and conveyed their views symbolically",
  PN4: "Attended without contributing",
  PN5: "Did not attend, and briefed an advocate",
  PN6: "Did not attend, and conveyed their views another way",
  PN7: "Did not attend, and their views were not conveyed",
};

const lines = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  );
const text = (max = 20000) => z.string().trim().max(max, `Keep this to ${max} characters or fewer`).default("");
const viewStatus = z.enum(["given", "sought_not_given", "not_sought", "too_young"], {
  error: "Choose how their views were gathered",
});

const views = (who: string) =>
  z
    .object({ who: z.string().trim().max(200).default(""), status: viewStatus, text: text() })
    .refine((v) => v.status !== "given" || v.text.length > 0, { path: ["text"], message: `Write down ${who}'s views` });

/** Checkboxes sharing a name: none ticked is false, one is a string, several are an array. */
const ticked = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
  z.array(z.string().max(100)).max(100),
);

export const scheduleReviewSchema = z.object({
  childId: id,
  at: happenedAt,
  venue: z.string().trim().min(1, "Enter where the review will be held").max(300),
  /** Chosen from the child's people, carers and professionals (see inviteeChoices). */
  invited: ticked,
  /** Anyone else, typed: one person a line. */
  invitees: lines,
});

export const moveReviewSchema = z.object({
  childId: id,
  reviewId: id,
  baseVersion: z.coerce.number().int().min(1),
  at: happenedAt,
  reason: z.string().trim().min(5, "Say why the review is postponed or adjourned").max(2000),
});

export const recordReviewSchema = z.object({
  childId: id,
  reviewId: id,
  baseVersion: z.coerce.number().int().min(1),
  heldOn: ukDate("the date the review was held"),
  participation: z.enum(Object.keys(PARTICIPATION) as [string, ...string[]], {
    error: "Choose how the child took part",
  }),
  attendees: lines,
  consultation: text(),
  spokeToChild: z.string().trim().min(1, "Say when and how you spoke to the child before the review").max(5000),
  childViews: views("the child"),
  /** Each parent's views, chosen from the people linked to the child (never typed). */
  parentViews: z.array(linkedParentView).max(50).default([]),
  carerViews: views("the carer"),
  socialWorkerViews: views("the social worker"),
  carePlanAssessment: z.string().trim().min(1, "Give your assessment of the care plan").max(20000),
  progressAssessment: z.string().trim().min(1, "Give your assessment of progress since the last review").max(20000),
});
export type RecordReviewInput = z.output<typeof recordReviewSchema>;

const item = z.object({
  kind: z.enum(["decision", "recommendation"]),
  text: z.string().trim().min(3, "Write the decision or recommendation").max(2000),
  ownerId: id,
  dueDate: ukDate("the date it is due"),
});

export const signOffReviewSchema = z.object({
  childId: id,
  reviewId: id,
  baseVersion: z.coerce.number().int().min(1),
  items: z.array(item).min(1, "Record at least one decision or recommendation").max(50),
});

export const amendReviewSchema = recordReviewSchema.extend({
  amendReason: z.string().trim().min(5, "Say why the signed-off review is being corrected").max(2000),
});

export const respondToReviewSchema = z.object({
  childId: id,
  reviewId: id,
  response: z.enum(["agree", "contest"], { error: "Say whether you agree with the decisions" }),
  comment: z.string().trim().min(3, "Give your reasons").max(5000),
});

export const closeRecommendationSchema = z.object({
  childId: id,
  recommendationId: id,
  status: z.enum(["done", "not_done"], { error: "Say whether it was done" }),
  outcome: z.string().trim().min(3, "Say what happened").max(5000),
});

// The IRO between reviews: monitoring notes, and a concern about the care plan taken through the
// dispute resolution stages.

export const writeMonitoringNoteSchema = z.object({
  childId: id,
  note: z.string().trim().min(3, "Write the monitoring note").max(10000, "Keep the note to 10000 characters or fewer"),
  /** The review the note is about, or "" for none. */
  reviewId: z
    .union([id, z.literal("")])
    .default("")
    .transform((v) => (v === "" ? null : v)),
});

export const raiseDisputeSchema = z.object({
  childId: id,
  concern: z
    .string()
    .trim()
    .min(10, "Describe your concern about the care plan")
    .max(10000, "Keep the concern to 10000 characters or fewer"),
});

const stageOutcome = z.object({
  childId: id,
  disputeId: id,
  stageId: id,
  outcome: z
    .string()
    .trim()
    .min(3, "Say what came of this stage")
    .max(10000, "Keep the outcome to 10000 characters or fewer"),
});
const nextMissing = "Choose whether to escalate the concern or resolve the dispute";

/** The form: the outcome of the open stage, and what follows (escalating to the next stage, or resolving). */
export const recordStageOutcomeSchema = stageOutcome.extend({
  next: z.enum(["escalate", "resolve"], { error: nextMissing }),
});
/** The open stage's outcome, and the next stage opens. */
export const escalateDisputeSchema = stageOutcome.extend({
  next: z.literal("escalate", { error: nextMissing }).default("escalate"),
});
/** The open stage's outcome resolves the dispute. */
export const resolveDisputeSchema = stageOutcome.extend({
  next: z.literal("resolve", { error: nextMissing }).default("resolve"),
});

export const referToCafcassSchema = z.object({
  childId: id,
  disputeId: id,
  note: z
    .string()
    .trim()
    .min(3, "Say why the concern was referred to Cafcass, and what was sent")
    .max(10000, "Keep the note to 10000 characters or fewer"),
});
