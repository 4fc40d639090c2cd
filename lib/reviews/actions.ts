"use server";
// Server actions for a child's reviews: the IRO schedules, moves, records, signs off and amends;
// the team manager responds; owners record what came of decisions and recommendations.
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
import {
  amendReviewSchema,
  closeRecommendationSchema,
  moveReviewSchema,
  recordReviewSchema,
  respondToReviewSchema,
  scheduleReviewSchema,
  signOffReviewSchema,
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
