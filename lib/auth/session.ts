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
  const version = session?.sessionVersion;
  if (!id || typeof version !== "number") return null;
  const [user] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      organisationId: users.organisationId,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true), isNull(users.deletedAt)))
    .limit(1);
  // A session from before the person signed out is over, even if its cookie survives somewhere.
  if (!user || user.sessionVersion !== version) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
