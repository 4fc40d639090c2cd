"use server";
// Server actions for a child's reviews: the IRO schedules, moves, records, signs off and amends;
// the team manager responds; owners record what came of decisions and recommendations. Between
// reviews the IRO writes monitoring notes and takes a concern about the care plan through the
// dispute resolution stages.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import {
  amendReview,
  closeRecommendation,
  moveReview,
  recordReview,
  respondToReview,
  scheduleReview,
  signOffReview,
} from "./commands";
import { escalateDispute, raiseDispute, referDisputeToCafcass, resolveDispute } from "./disputes";
import { writeMonitoringNote } from "./monitoring";
import {
  amendReviewSchema,
  closeRecommendationSchema,
  escalateDisputeSchema,
  moveReviewSchema,
  raiseDisputeSchema,
  recordReviewSchema,
  referToCafcassSchema,
  resolveDisputeSchema,
  respondToReviewSchema,
  scheduleReviewSchema,
  signOffReviewSchema,
  writeMonitoringNoteSchema,
} from "./schemas";

const paths = (childId: string) => [
  sectionHref(childId, "reviews"),
  sectionHref(childId, "summary"),
  sectionHref(childId, "decisions"),
  sectionHref(childId, "documents"),
  sectionHref(childId, "chronology"),
  "/work",
];

// Schedule a review (IRO)
export const scheduleReviewAction = authorizedAction(
  "reviews.schedule",
  scheduleReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await scheduleReview(tx, actor, access, input);
    auditDetail({ ...result, at: input.at.toISOString() });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Postpone or adjourn a review to a new date, with the reason (IRO)
export const moveReviewAction = authorizedAction(
  "reviews.schedule",
  moveReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await moveReview(tx, actor, access, input);
    auditDetail({ ...result, at: input.at.toISOString(), reason: input.reason });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record a review that has been held (IRO)
export const recordReviewAction = authorizedAction(
  "reviews.record",
  recordReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await recordReview(tx, actor, access, input);
    auditDetail({ ...result, heldOn: input.heldOn, participation: input.participation });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Sign off a review with its decisions and recommendations (IRO); the report is filed as a PDF
export const signOffReviewAction = authorizedAction(
  "reviews.signOff",
  signOffReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await signOffReview(tx, actor, access, input);
    auditDetail({ ...result, items: input.items.length });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Correct a signed-off review: a new version with a reason (IRO)
export const amendReviewAction = authorizedAction(
  "reviews.amend",
  amendReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await amendReview(tx, actor, access, input);
    auditDetail({ ...result, reason: input.amendReason });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Agree with or contest a review's decisions (team manager)
export const respondToReviewAction = authorizedAction(
  "reviews.respond",
  respondToReviewSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await respondToReview(tx, actor, access, input);
    auditDetail({ ...result, reviewId: input.reviewId, response: input.response });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record what came of a decision or recommendation (its owner, or the team manager)
export const closeRecommendationAction = authorizedAction(
  "reviews.updateRecommendation",
  closeRecommendationSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await closeRecommendation(tx, actor, access, input);
    auditDetail({ ...result, status: input.status });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

const monitoringPaths = (childId: string) => [
  sectionHref(childId, "reviews"),
  `${sectionHref(childId, "reviews")}/monitoring`,
  "/work",
];

// Write a monitoring note on the child's case between reviews (the child's IRO)
export const writeMonitoringNoteAction = authorizedAction(
  "iroMonitoring.writeNote",
  writeMonitoringNoteSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await writeMonitoringNote(tx, actor, access, input);
    auditDetail({ ...result, reviewId: input.reviewId });
    return result;
  },
  { revalidate: (i) => monitoringPaths(i.childId) },
);

// Raise a concern about the care plan: the dispute opens at the informal stage (the child's IRO)
export const raiseDisputeAction = authorizedAction(
  "iroDispute.raise",
  raiseDisputeSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await raiseDispute(tx, actor, access, input);
    auditDetail(result);
    return result;
  },
  { revalidate: (i) => monitoringPaths(i.childId) },
);

// Record the open stage's outcome and escalate the concern to the next stage (the child's IRO)
export const escalateDisputeAction = authorizedAction(
  "iroDispute.escalate",
  escalateDisputeSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await escalateDispute(tx, actor, access, input);
    auditDetail(result);
    return result;
  },
  { revalidate: (i) => monitoringPaths(i.childId) },
);

// Record the open stage's outcome as the resolution of the dispute (the child's IRO)
export const resolveDisputeAction = authorizedAction(
  "iroDispute.resolve",
  resolveDisputeSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await resolveDispute(tx, actor, access, input);
    auditDetail(result);
    return result;
  },
  { revalidate: (i) => monitoringPaths(i.childId) },
);

// Record that the concern was referred to Cafcass, at whichever stage is open (the child's IRO)
export const referDisputeToCafcassAction = authorizedAction(
  "iroDispute.referToCafcass",
  referToCafcassSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await referDisputeToCafcass(tx, actor, access, input);
    auditDetail(result);
    return result;
  },
  { revalidate: (i) => monitoringPaths(i.childId) },
);
