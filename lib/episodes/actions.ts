"use server";
// Server actions for a child's journey through care: events that make episodes, Child Protection
// Plans, marker tasks and allocations.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { actionMarker, allocate, amendEpisode, endCpPlan, recordCareEvent, startCpPlan } from "./commands";
import {
  actionMarkerSchema,
  allocateSchema,
  amendEpisodeSchema,
  careEventSchema,
  endCpPlanSchema,
  startCpPlanSchema,
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
    auditDetail({ kind: input.kind, userId: input.userId, startDate: input.startDate, ...result });
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
