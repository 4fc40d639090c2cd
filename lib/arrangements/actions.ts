"use server";
// Provider arrangements for a child: they also grant and end provider users' access.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { amendArrangement, createArrangement } from "./commands";
import { amendArrangementSchema, createArrangementSchema } from "./schemas";

const paths = (childId: string) => [
  sectionHref(childId, "arrangements"),
  sectionHref(childId, "summary"),
  sectionHref(childId, "chronology"),
];

// Record a new arrangement with a provider
export const createArrangementAction = authorizedAction(
  "arrangements.create",
  createArrangementSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await createArrangement(tx, actor, input);
    auditDetail({
      arrangementId: row.arrangementId,
      organisationId: row.organisationId,
      startDate: row.startDate,
      endDate: row.endDate,
    });
    return { id: row.id, arrangementId: row.arrangementId, version: row.version };
  },
  { revalidate: (i) => paths(i.childId) },
);

// Amend an arrangement (for example, set its end date): a new version with a reason
export const amendArrangementAction = authorizedAction(
  "arrangements.amend",
  amendArrangementSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await amendArrangement(tx, actor, input);
    auditDetail({
      arrangementId: row.arrangementId,
      version: row.version,
      supersedes: input.arrangementId,
      endDate: row.endDate,
      reason: input.amendReason,
    });
    return { id: row.id, arrangementId: row.arrangementId, version: row.version };
  },
  { revalidate: (i) => paths(i.childId) },
);
