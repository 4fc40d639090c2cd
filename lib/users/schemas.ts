// Records officer's user administration: adding an account, changing its role or team, resetting
// its password, deactivating and reactivating it. Every change carries a reason for the audit log.
import { z } from "zod";
import { ROLES, type Role } from "@/lib/access/permissions";
import { SW_ID_PATTERN } from "@/lib/ssda903/codes";
import { id } from "@/lib/validation";

const reason = z
  .string({ error: "Give the reason for this change" })
  .trim()
  .min(10, "Give the reason for this change (at least 10 characters)")
  .max(1000, "Keep the reason to 1000 characters or fewer");

/** Social workers and team managers belong to a team; providers to an organisation; the others to neither. */
export const ROLE_NEEDS = {
  social_worker: "team",
  team_manager: "team",
  provider: "organisation",
  iro: "none",
  records_officer: "none",
  supervising_social_worker: "none",
} as const satisfies Record<Role, "team" | "organisation" | "none">;

const placement = {
  role: z.enum(ROLES, { error: "Select the person's role" }),
  teamId: z.union([id, z.literal("")]).default(""),
  organisationId: z.union([id, z.literal("")]).default(""),
};

function placedRight(v: { role: Role; teamId: string; organisationId: string }, ctx: z.RefinementCtx) {
  const needs = ROLE_NEEDS[v.role];
  if (needs === "team" && !v.teamId) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Select the team" });
  if (needs === "organisation" && !v.organisationId)
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Select the provider organisation" });
}

/** Which team and organisation a role keeps: the others are cleared. */
export function placementFor(v: { role: Role; teamId: string; organisationId: string }) {
  const needs = ROLE_NEEDS[v.role];
  return {
    teamId: needs === "team" && v.teamId ? v.teamId : null,
    organisationId: needs === "organisation" && v.organisationId ? v.organisationId : null,
  };
}

export const createUserSchema = z
  .object({
    name: z
      .string({ error: "Enter the person's full name" })
      .trim()
      .min(1, "Enter the person's full name")
      .max(200, "The name must be 200 characters or fewer"),
    email: z
      .string({ error: "Enter the person's work email address" })
      .trim()
      .toLowerCase()
      .min(1, "Enter the person's work email address")
      .max(320, "The email address must be 320 characters or fewer")
      .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk")),
    ...placement,
    reason,
  })
  .superRefine(placedRight);

export const changeRoleSchema = z.object({ userId: id, ...placement, reason }).superRefine(placedRight);

export const resetPasswordSchema = z.object({ userId: id, reason });

export const setUserActiveSchema = z.object({ userId: id, active: z.boolean(), reason });

export type CreateUserInput = z.output<typeof createUserSchema>;
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

/** Roles whose people are registered social workers, and so have a Social Work England number (SW_ID). */
export const REGISTERED_SOCIAL_WORK_ROLES: readonly Role[] = ["social_worker", "team_manager"];

/** A social worker's Social Work England registration (the return's SW_ID); blank removes it. */
export const socialWorkerIdSchema = z.object({
  userId: id,
  swId: z
    .string()
    .trim()
    .toUpperCase()
    .default("")
    .refine(
      (v) => v === "" || SW_ID_PATTERN.test(v),
      "Enter the Social Work England registration number: SW then its digits, like SW123456",
    )
    .transform((v) => (v === "" ? null : v)),
  reason,
});
export type SocialWorkerIdInput = z.output<typeof socialWorkerIdSchema>;
