// Who is signed in, read from the database on every request: deactivation or a role change
// takes effect at once. Pages use requireActor(); actions go through lib/actions.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { auth } from "./config";

export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const signedInAt = session?.signedInAt;
  if (!id || typeof signedInAt !== "number") return null;
  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, organisationId: users.organisationId, sessionsRevokedAt: users.sessionsRevokedAt })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true), isNull(users.deletedAt)))
    .limit(1);
  if (!user) return null;
  // A session from before the person signed out is over, even if its cookie survives somewhere.
  if (user.sessionsRevokedAt && signedInAt <= user.sessionsRevokedAt.getTime()) return null;
  const { sessionsRevokedAt: _revoked, ...actor } = user;
  return actor;
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
