"use server";
// Provider arrangements for a child: they also grant and end provider users' access.
import { authorizedAction } from "@/lib/actions";
import { amendArrangement, createArrangement } from "@/lib/arrangements/commands";
import { amendArrangementSchema, createArrangementSchema } from "@/lib/arrangements/schemas";

const paths = (childId: string) => [
  `/children/${childId}/arrangements`,
  `/children/${childId}`,
  `/children/${childId}/chronology`,
];

// Record a new arrangement with a provider
export const createArrangementAction = authorizedAction(
  {
    action: "arrangements.create",
    permission: "arrangements.write",
    schema: createArrangementSchema,
    child: { id: (i) => i.childId, section: "arrangements" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, input, auditDetail }) => {
    const row = await createArrangement(tx, actor, input);
    auditDetail({
      arrangementId: row.id,
      organisationId: row.organisationId,
      startDate: row.startDate,
      endDate: row.endDate,
    });
    return { id: row.id };
  },
);

// Amend an arrangement (for example, set its end date): a new version with a reason
export const amendArrangementAction = authorizedAction(
  {
    action: "arrangements.amend",
    permission: "arrangements.write",
    schema: amendArrangementSchema,
    child: { id: (i) => i.childId, section: "arrangements" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, input, auditDetail }) => {
    const row = await amendArrangement(tx, actor, input);
    auditDetail({
      arrangementId: row.id,
      supersedes: input.arrangementId,
      endDate: row.endDate,
      reason: input.amendReason,
    });
    return { id: row.id };
  },
);
