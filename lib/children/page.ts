// The one entry for pages that show a child: signed-in person, policy check, audited view,
// and the record's header. A refusal is indistinguishable from a child that does not exist.
import "server-only";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { children } from "@/db/schema";
import { readableSections, type Section } from "@/lib/access";
import { requireActor } from "@/lib/auth/session";
import { openChildRecord } from "./queries";

export async function loadChildPage(childId: string, section: Section) {
  const actor = await requireActor();
  const db = getDb();
  const access = await openChildRecord(db, actor, childId, section);
  if (!access) notFound();
  const [header] = await db
    .select({
      id: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      preferredName: children.preferredName,
      dateOfBirth: children.dateOfBirth,
    })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (!header) notFound();
  return { actor, access, db, header, sections: readableSections(actor, access) };
}
export type ChildPage = Awaited<ReturnType<typeof loadChildPage>>;
