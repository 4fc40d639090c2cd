// Legal status and the court orders behind it: an episode whose legal status follows a court
// order links to that order (an entry of the court orders section), and the order shows the
// legal status it brought. The order's type must be one that gives that legal status.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { episodes, recordEntries } from "@/db/schema";
import type { ChildAccess } from "@/lib/access";
import { AppError } from "@/lib/errors";

/** The legal statuses each kind of order (the court orders form's "Order") can bring. */
export const ORDER_LEGAL_STATUS: Record<string, readonly string[]> = {
  "Interim care order": ["C1"],
  "Care order": ["C2"],
  "Placement order": ["E1"],
  "Emergency protection order": ["L2"],
  "Secure accommodation order": ["C1", "C2", "V2", "J1"],
  Other: ["D1", "J1", "J3", "L3"],
};

/**
 * The legal statuses that only a court order gives (accommodation under section 20, police
 * protection and PACE need none): an interim or full care order, a placement or freeing order,
 * an emergency protection or child assessment order, a remand or a youth rehabilitation order.
 */
export const LEGAL_STATUSES_FROM_ORDERS: readonly string[] = ["C1", "C2", "D1", "E1", "J1", "J3", "L2", "L3"];

export interface CourtOrderChoice {
  entryId: string;
  title: string;
  occurredOn: string;
  orderType: string;
}

/** The child's court orders (latest versions, not sealed as misfiled), newest first. */
export async function courtOrderChoices(db: Queryable, access: ChildAccess): Promise<CourtOrderChoice[]> {
  const rows = await db
    .select({
      entryId: recordEntries.entryId,
      title: recordEntries.title,
      occurredOn: recordEntries.occurredOn,
      data: recordEntries.data,
      confidentiality: recordEntries.confidentiality,
    })
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.childId, access.childId),
        eq(recordEntries.section, "courtOrders"),
        eq(recordEntries.isLatest, true),
        isNull(recordEntries.deletedAt),
      ),
    )
    .orderBy(desc(recordEntries.occurredOn));
  return rows
    .filter((r) => r.confidentiality !== "sealed")
    .map((r) => ({
      entryId: r.entryId,
      title: r.title,
      occurredOn: r.occurredOn,
      orderType: String(r.data.orderType ?? ""),
    }));
}

/** Refuses a link to an order that is not this child's, is dated after the event, or cannot give that legal status. */
export async function checkCourtOrderLink(
  db: Queryable,
  access: ChildAccess,
  link: { courtOrderEntryId: string; legalStatus: string; date: string },
): Promise<void> {
  const order = (await courtOrderChoices(db, access)).find((o) => o.entryId === link.courtOrderEntryId);
  const refuse = (message: string) => new AppError("invalid:input", message, { courtOrderEntryId: [message] });
  if (!order) throw refuse("Choose one of the child's court orders");
  if (order.occurredOn > link.date)
    throw refuse("The order was made after this date: choose the order that was in force");
  const gives = ORDER_LEGAL_STATUS[order.orderType];
  if (!gives?.includes(link.legalStatus))
    throw refuse(`An order of the kind "${order.orderType}" does not give that legal status`);
}

/** For each of these court orders, the legal status it brought and from when (the first episode that links to it). */
export async function legalStatusesFromOrders(db: Queryable, access: ChildAccess, entryIds: readonly string[]) {
  if (entryIds.length === 0) return new Map<string, { legalStatus: string; startDate: string }>();
  const rows = await db
    .select({ orderId: episodes.courtOrderEntryId, legalStatus: episodes.legalStatus, startDate: episodes.startDate })
    .from(episodes)
    .where(
      and(
        eq(episodes.childId, access.childId),
        inArray(episodes.courtOrderEntryId, [...entryIds]),
        isNull(episodes.supersededAt),
        isNull(episodes.deletedAt),
      ),
    )
    .orderBy(asc(episodes.startDate));
  const out = new Map<string, { legalStatus: string; startDate: string }>();
  for (const r of rows)
    if (r.orderId && !out.has(r.orderId)) out.set(r.orderId, { legalStatus: r.legalStatus, startDate: r.startDate });
  return out;
}
