"use server";
// Records officer's user administration, each change audited with its reason. There is no
// self-registration: accounts are only ever added here.
import { authorizedAction } from "@/lib/actions";
import { changeUserRole, createUser, resetUserPassword, setSocialWorkerId, setUserActive } from "./commands";
import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  socialWorkerIdSchema,
} from "./schemas";

const paths = (userId?: string) => ["/admin/users", ...(userId ? [`/admin/users/${userId}`] : [])];

// Add a user, with a one-time temporary password shown once to the records officer
export const createUserAction = authorizedAction(
  "user.create",
  createUserSchema,
  async ({ tx, input, auditDetail }) => {
    const row = await createUser(tx, input);
    auditDetail({
      userId: row.id,
      email: row.email,
      role: input.role,
      teamId: input.teamId || null,
      organisationId: input.organisationId || null,
      reason: input.reason,
    });
    return row;
  },
  { revalidate: (_i, data) => paths(data.id), secretResult: true },
);

// Change a user's role, team or organisation
export const changeUserRoleAction = authorizedAction(
  "user.changeRole",
  changeRoleSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await changeUserRole(tx, actor.id, input);
    auditDetail({ userId: row.id, from: row.from, to: row.to, reason: input.reason });
    return { id: row.id, name: row.name };
  },
  { revalidate: (i) => paths(i.userId) },
);

// Reset a user's password to a one-time temporary one (their sessions end)
export const resetUserPasswordAction = authorizedAction(
  "user.resetPassword",
  resetPasswordSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await resetUserPassword(tx, actor.id, input.userId);
    auditDetail({ userId: row.id, reason: input.reason });
    return row;
  },
  { revalidate: (i) => paths(i.userId), secretResult: true },
);

// Deactivate (their sessions end) or reactivate a user, with a reason
export const setUserActiveAction = authorizedAction(
  "user.setActive",
  setUserActiveSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await setUserActive(tx, actor.id, input);
    auditDetail({ userId: row.id, active: input.active, reason: input.reason });
    return row;
  },
  { revalidate: (i) => paths(i.userId) },
);

// Record a social worker's Social Work England registration (SW_ID in the return)
export const setSocialWorkerIdAction = authorizedAction(
  "user.setSwId",
  socialWorkerIdSchema,
  async ({ tx, input, auditDetail }) => {
    const row = await setSocialWorkerId(tx, input);
    auditDetail({ userId: row.id, from: row.from, to: row.swId, reason: input.reason });
    return { id: row.id, name: row.name, swId: row.swId };
  },
  { revalidate: (i) => paths(i.userId) },
);
