// Finding a child to open through break-glass: by name, reference or date of birth, across the
// authority, answering only what the break-glass request needs (name, reference, date of birth),
// never the record itself.
import { and, asc, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { children } from "@/db/schema";
import { childSearchCondition } from "@/lib/children/queries";

export const CHILD_SEARCH_LIMIT = 20;

export interface ChildSearchResult {
  id: string;
  name: string;
  reference: string;
  dateOfBirth: string;
}

/** At most CHILD_SEARCH_LIMIT matches (and whether there were more): a search, never a list of everyone. */
export async function searchChildren(db: Queryable, search: string) {
  const q = search.trim().slice(0, 100);
  if (q.length < 2) return { items: [] as ChildSearchResult[], more: false, search: q };
  const rows = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      preferredName: children.preferredName,
      reference: children.reference,
      dateOfBirth: children.dateOfBirth,
    })
    .from(children)
    .where(and(isNull(children.deletedAt), childSearchCondition(q)))
    .orderBy(asc(children.lastName), asc(children.firstName), asc(children.id))
    .limit(CHILD_SEARCH_LIMIT + 1);
  const items = rows.slice(0, CHILD_SEARCH_LIMIT).map((r) => ({
    id: r.id,
    name: `${r.preferredName ? `${r.firstName} (${r.preferredName})` : r.firstName} ${r.lastName}`,
    reference: r.reference,
    dateOfBirth: r.dateOfBirth,
  }));
  return { items, more: rows.length > CHILD_SEARCH_LIMIT, search: q };
}
