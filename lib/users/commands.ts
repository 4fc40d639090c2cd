// Accounts, changed only by the records officer: added (there is no self-registration), given a
// role and a team, a new temporary password, deactivated and reactivated. Role and activity take
// effect on the person's next request; a reset password or a deactivation also ends every
// session they hold (the session version moves on).
import { randomInt } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
import { AppError } from "@/lib/errors";
import {
  placementFor,
  REGISTERED_SOCIAL_WORK_ROLES,
  type ChangeRoleInput,
  type CreateUserInput,
  type SocialWorkerIdInput,
} from "./schemas";

/** No 0/O, 1/l/I: a temporary password is read out or typed from a note. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password of 16 characters (about 93 bits), shown once to the records officer. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8, 12).join("")}-${chars.slice(12).join("")}`;
}

async function userFor(tx: Tx, userId: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
  if (!row) throw new AppError("not-found", "That user could not be found.");
  return row;
}

export async function createUser(tx: Tx, input: CreateUserInput) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  if (taken)
    throw new AppError("invalid:input", undefined, {
      email: ["There is already an account with this email address"],
    });
  const password = temporaryPassword();
  const [row] = await tx
    .insert(users)
    .values({
      name: input.name,
      email: input.email,
      role: input.role,
      ...placementFor(input),
      passwordHash: await hashPassword(password),
    })
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!row) throw new Error("insert returned no row");
  return { ...row, temporaryPassword: password };
}

export async function changeUserRole(tx: Tx, actorId: string, input: ChangeRoleInput) {
  if (input.userId === actorId)
    throw new AppError("invalid:input", "You cannot change your own role or team: ask another records officer.");
  const before = await userFor(tx, input.userId);
  const placement = placementFor(input);
  const [row] = await tx
    .update(users)
    .set({ role: input.role, ...placement })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, name: users.name });
  if (!row) throw new AppError("not-found");
  return {
    ...row,
    from: { role: before.role, teamId: before.teamId, organisationId: before.organisationId },
    to: { role: input.role, ...placement },
  };
}

export async function resetUserPassword(tx: Tx, actorId: string, userId: string) {
  if (userId === actorId)
    throw new AppError("invalid:input", "You cannot reset your own password here: ask another records officer.");
  const before = await userFor(tx, userId);
  const password = temporaryPassword();
  const [row] = await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      failedSignIns: 0,
      lockedUntil: null,
      // Every session signed in with the old password ends now.
      sessionVersion: before.sessionVersion + 1,
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!row) throw new AppError("not-found");
  return { ...row, temporaryPassword: password };
}

export async function setUserActive(tx: Tx, actorId: string, input: { userId: string; active: boolean }) {
  if (input.userId === actorId && !input.active)
    throw new AppError("invalid:input", "You cannot deactivate your own account.");
  const before = await userFor(tx, input.userId);
  const [row] = await tx
    .update(users)
    .set({
      active: input.active,
      failedSignIns: 0,
      lockedUntil: null,
      // A deactivated person's open sessions end at once, not at their next sign-in.
      ...(input.active ? {} : { sessionVersion: before.sessionVersion + 1 }),
    })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!row) throw new AppError("not-found");
  return row;
}

/**
 * Records (or, with null, removes) a social worker's Social Work England registration, which the
 * return's sw_episodes table names for each allocation spell. One registration belongs to one person.
 */
export async function setSocialWorkerId(tx: Tx, input: SocialWorkerIdInput) {
  const before = await userFor(tx, input.userId);
  if (input.swId !== null && !REGISTERED_SOCIAL_WORK_ROLES.includes(before.role))
    throw new AppError("invalid:input", undefined, {
      swId: ["Only social workers and team managers have a Social Work England registration here"],
    });
  if (input.swId !== null) {
    const [taken] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.swId, input.swId), ne(users.id, input.userId)))
      .limit(1);
    if (taken)
      throw new AppError("invalid:input", undefined, {
        swId: [`This registration number is already recorded for ${taken.name}`],
      });
  }
  const [row] = await tx
    .update(users)
    .set({ swId: input.swId })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, name: users.name, swId: users.swId });
  if (!row) throw new AppError("not-found");
  return { ...row, from: before.swId };
}
