// Compliance per team and month: of the reviews, statutory visits and health assessments done in
// each month (or, not done, that fell due in it), how many were done by their due date. Computed from the team's clock
// facts in one set-based query and the same rules the work trays use; an item due and not done
// counts as late from the day after its due date.
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { children } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { addCalendarMonths } from "./calendar";
import { clockFacts } from "./facts";
import { healthDue, reviewDue, visitDue, type ChildClockFacts } from "./rules";

export type ComplianceMeasure = "reviews" | "visits" | "health";
export interface MonthCompliance {
  /** yyyy-MM */
  month: string;
  counts: Record<ComplianceMeasure, { due: number; onTime: number }>;
}

interface Due {
  measure: ComplianceMeasure;
  dueDate: string;
  doneOn: string | null;
}

/** Every item that fell due for one child: each review, visit and health assessment against its own due date. */
export function dueHistory(f: ChildClockFacts, today: string): Due[] {
  const out: Due[] = [];
  if (f.periodStart) {
    for (let i = 0; i <= f.reviewsHeld.length; i++) {
      const { dueDate } = reviewDue(f.periodStart, f.reviewsHeld.slice(0, i));
      out.push({ measure: "reviews", dueDate, doneOn: f.reviewsHeld[i] ?? null });
    }
  }
  for (let i = 0; i <= f.visitsSincePlacement.length; i++) {
    const due = visitDue({ ...f, visitsSincePlacement: f.visitsSincePlacement.slice(0, i) });
    if (due) out.push({ measure: "visits", dueDate: due.dueDate, doneOn: f.visitsSincePlacement[i] ?? null });
  }
  for (let i = 0; i <= f.healthAssessments.length; i++) {
    const due = healthDue({ ...f, healthAssessments: f.healthAssessments.slice(0, i) });
    if (due) out.push({ measure: "health", dueDate: due.dueDate, doneOn: f.healthAssessments[i]?.date ?? null });
  }
  // Only what has fallen due, or was done, by today.
  return out.filter((d) => d.dueDate < today || (d.doneOn !== null && d.doneOn <= today));
}

/** The team's compliance for the last `months` months, newest first. */
export async function teamCompliance(
  db: Queryable,
  actor: Actor,
  months = 6,
  now = new Date(),
): Promise<MonthCompliance[]> {
  if (!actor.teamId) return [];
  const today = todayIso(now);
  const rows = await clockFacts(
    db,
    and(sql`${children.deletedAt} is null`, eq(children.teamId, actor.teamId)) ?? sql`false`,
  );
  const first = addCalendarMonths(`${today.slice(0, 7)}-01`, -(months - 1)).slice(0, 7);
  const byMonth = new Map<string, MonthCompliance>();
  for (let i = 0; i < months; i++) {
    const month = addCalendarMonths(`${first}-01`, i).slice(0, 7);
    byMonth.set(month, {
      month,
      counts: { reviews: { due: 0, onTime: 0 }, visits: { due: 0, onTime: 0 }, health: { due: 0, onTime: 0 } },
    });
  }
  for (const row of rows) {
    for (const d of dueHistory(row, today)) {
      // Done items count in the month they were done; items not done in the month they fell due.
      const m = byMonth.get((d.doneOn ?? d.dueDate).slice(0, 7));
      if (!m) continue;
      m.counts[d.measure].due++;
      if (d.doneOn !== null && d.doneOn <= d.dueDate) m.counts[d.measure].onTime++;
    }
  }
  return [...byMonth.values()].reverse();
}
