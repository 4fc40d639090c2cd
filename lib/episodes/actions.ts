"use server";
// Server actions for a child's journey through care: events that make episodes, Child Protection
// Plans, marker tasks and allocations.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import {
  actionMarker,
  allocate,
  amendEpisode,
  endAllocation,
  endCpPlan,
  recordCareEvent,
  startCpPlan,
} from "./commands";
import { ceaseUasc, endMissing, recordUasc, startMissing, transferTeam } from "./missing";
import {
  actionMarkerSchema,
  allocateSchema,
  amendEpisodeSchema,
  careEventSchema,
  ceaseUascSchema,
  endAllocationSchema,
  endCpPlanSchema,
  endMissingSchema,
  recordUascSchema,
  startCpPlanSchema,
  startMissingSchema,
  transferTeamSchema,
} from "./schemas";

const paths = (childId: string) => [
  sectionHref(childId, "summary"),
  sectionHref(childId, "episodes"),
  sectionHref(childId, "chronology"),
  "/children",
  "/team",
];

// Record an event of the child's journey through care (starts, changes, temporary move, ceases)
export const recordCareEventAction = authorizedAction(
  "episodes.recordEvent",
  careEventSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await recordCareEvent(tx, actor, access, input);
    auditDetail({ event: input.kind, ...result });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Start a Child Protection Plan
export const startCpPlanAction = authorizedAction(
  "childProtection.start",
  startCpPlanSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await startCpPlan(tx, actor, access, input);
    auditDetail({ planId: result.planId, category: input.category });
    return result;
  },
  { revalidate: (i) => [...paths(i.childId), sectionHref(i.childId, "childProtection")] },
);

// End a Child Protection Plan
export const endCpPlanAction = authorizedAction(
  "childProtection.end",
  endCpPlanSchema,
  async ({ tx, input, access, auditDetail }) => {
    const result = await endCpPlan(tx, access, input);
    auditDetail({ planId: result.planId, reason: input.reason });
    return result;
  },
  { revalidate: (i) => [...paths(i.childId), sectionHref(i.childId, "childProtection")] },
);

// Action a CP or CLA marker task (team manager)
export const actionMarkerAction = authorizedAction(
  "marker.action",
  actionMarkerSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await actionMarker(tx, actor, access, input);
    auditDetail(result);
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Allocate a social worker or an IRO (team manager)
export const allocateAction = authorizedAction(
  "allocation.manage",
  allocateSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await allocate(tx, actor, access, input);
    auditDetail({
      kind: input.kind,
      userId: input.userId,
      startDate: input.startDate,
      previousEndReason: input.previousEndReason,
      ...result,
    });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// End the social worker's or the IRO's allocation on its own, with the reason (team manager)
export const endAllocationAction = authorizedAction(
  "allocation.end",
  endAllocationSchema,
  async ({ tx, input, access, auditDetail }) => {
    const result = await endAllocation(tx, access, input);
    auditDetail({ kind: input.kind, endDate: input.endDate, reason: input.reason, ...result });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Correct an episode: a new version with a reason; the earlier one stays readable
export const amendEpisodeAction = authorizedAction(
  "episodes.amend",
  amendEpisodeSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const row = await amendEpisode(tx, actor, access, input);
    auditDetail({ episodeId: row.episodeId, version: row.version, reason: input.amendReason });
    return { episodeId: row.episodeId, version: row.version };
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record that the child went missing or away from placement (and their return, if it has happened)
export const startMissingAction = authorizedAction(
  "missing.start",
  startMissingSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await startMissing(tx, actor, access, input);
    auditDetail({ ...result, kind: input.kind, ended: input.end !== null });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record the child's return from a missing or away period, with the return interview
export const endMissingAction = authorizedAction(
  "missing.end",
  endMissingSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await endMissing(tx, actor, access, input);
    auditDetail({ ...result, returnInterviewOffered: input.returnInterviewOffered });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record that the child is an unaccompanied asylum-seeking child
export const recordUascAction = authorizedAction(
  "uasc.record",
  recordUascSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await recordUasc(tx, actor, access, input);
    auditDetail({ ...result, sinceDate: input.sinceDate });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record the date the child ceased to be an unaccompanied asylum-seeking child
export const ceaseUascAction = authorizedAction(
  "uasc.cease",
  ceaseUascSchema,
  async ({ tx, input, access, auditDetail }) => {
    const result = await ceaseUasc(tx, access, input);
    auditDetail({ ...result, ceasedDate: input.ceasedDate, ceasedReason: input.ceasedReason });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Transfer the child to another team (team manager of the child's team)
export const transferTeamAction = authorizedAction(
  "allocation.transferTeam",
  transferTeamSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await transferTeam(tx, actor, access, input);
    auditDetail({ ...result, fromTeamId: access.teamId, startDate: input.startDate, reason: input.previousEndReason });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);
