// The statutory clock as pure functions: from the facts of one child's record (when the period of
// care and the placement began, reviews held, the last statutory visit, health assessments,
// personal education plans, approved care plans) to what is due, by when, and why, in words that
// name the rule and the facts it came from. Nothing here is typed by a person; everything is
// computed, and a later fact never moves a due date earlier.
import { differenceInYears, parseISO } from "date-fns";
import { formatUkDate } from "@/lib/dates";
import { addCalendarMonths, addWeeks, addWorkingDays, workingDaysBetween } from "./calendar";

export type DueKind = "carePlan" | "placementPlan" | "review" | "visit" | "healthAssessment" | "pep";

export interface DueItem {
  kind: DueKind;
  /** What is due, for a person: "Second review". */
  title: string;
  /** The last day it may happen (ISO). */
  dueDate: string;
  /** When it was done, if it has been (the item then says whether that was in time). */
  metOn: string | null;
  /** "Second review due by 14/03/2027: within 3 months of the first review, held 14/12/2026 (Care Planning Regulations 2010, reg 33)". */
  explanation: string;
  /** The regulation or guidance, short: "reg 33". */
  rule: string;
}

export interface ChildClockFacts {
  dateOfBirth: string;
  /** The start of the current period of care (its first episode, RNE S); null when not looked after. */
  periodStart: string | null;
  /** The start of the current placement (the latest episode that changed placement). */
  placementStart: string | null;
  placement: string | null;
  legalStatus: string | null;
  /** Reviews held in the current period, oldest first. */
  reviewsHeld: readonly string[];
  /** An earlier review the IRO asked for (reg 33(3)), if one is pending. */
  earlyReviewBy: string | null;
  /** Statutory visits since the current placement started, oldest first. */
  visitsSincePlacement: readonly string[];
  /** Initial and review health assessments, oldest first (any time). */
  healthAssessments: readonly { date: string; initial: boolean }[];
  /** Dates care plan versions were approved, oldest first. */
  carePlanApprovals: readonly string[];
  /** Personal education plan meetings, oldest first. */
  peps: readonly string[];
}

const REGS = "Care Planning Regulations 2010";
const uk = formatUkDate;
const ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];
const ordinal = (i: number) => ORDINALS[i] ?? `Review ${i + 1}:`;

/** Placements intended to last until the child is 18: long-term foster care (U1, U4) and placed for adoption. */
const LONG_TERM = new Set(["U1", "U4", "A3", "A4", "A5", "A6"]);

/** The review due after `held` reviews in this period (0: the first), and why. */
export function reviewDue(periodStart: string, held: readonly string[]): { dueDate: string; explanation: string } {
  const n = held.length;
  if (n === 0) {
    const dueDate = addWorkingDays(periodStart, 20);
    return {
      dueDate,
      explanation: `First review due by ${uk(dueDate)}: within 20 working days of becoming looked after on ${uk(periodStart)} (${REGS}, reg 33)`,
    };
  }
  const last = held[n - 1] ?? periodStart;
  if (n === 1) {
    const dueDate = addCalendarMonths(last, 3);
    return {
      dueDate,
      explanation: `Second review due by ${uk(dueDate)}: within 3 months of the first review, held ${uk(last)} (${REGS}, reg 33)`,
    };
  }
  const dueDate = addCalendarMonths(last, 6);
  return {
    dueDate,
    explanation: `${ordinal(n)} review due by ${uk(dueDate)}: within 6 months of the last review, held ${uk(last)} (${REGS}, reg 33)`,
  };
}

/** Each review held in the period against the date it was due: the compliance of reviews. */
export function reviewsOnTime(periodStart: string, held: readonly string[]) {
  return held.map((on, i) => {
    const { dueDate } = reviewDue(periodStart, held.slice(0, i));
    return { heldOn: on, dueDate, onTime: on <= dueDate };
  });
}

/** The next statutory visit in the current placement (reg 28), and why. */
export function visitDue(f: ChildClockFacts): { dueDate: string; explanation: string } | null {
  if (!f.placementStart || !f.placement) return null;
  if (/^T[0-4]$/.test(f.placement) || f.legalStatus === "V3" || f.legalStatus === "V4") return null;
  const last = f.visitsSincePlacement[f.visitsSincePlacement.length - 1];
  if (!last) {
    const dueDate = addWeeks(f.placementStart, 1);
    return {
      dueDate,
      explanation: `First visit in this placement due by ${uk(dueDate)}: within a week of the placement starting on ${uk(f.placementStart)} (${REGS}, reg 28)`,
    };
  }
  if (f.placement === "P1") {
    const beforeReview = f.reviewsHeld.length === 0;
    const interimWithParent = f.legalStatus === "C1";
    const weeks = beforeReview ? 1 : interimWithParent ? 4 : 6;
    const dueDate = addWeeks(last, weeks);
    const why = beforeReview
      ? "weekly until the first review, placed with a parent"
      : interimWithParent
        ? "every 4 weeks after the first review, living with a parent under an interim care order"
        : "every 6 weeks after the first review, placed with a parent";
    return {
      dueDate,
      explanation: `Next visit due by ${uk(dueDate)}: ${why}; last visit ${uk(last)} (${REGS}, ${interimWithParent ? "reg 28" : "reg 19 and 28"})`,
    };
  }
  const firstYear = last < addCalendarMonths(f.placementStart, 12);
  if (!firstYear && LONG_TERM.has(f.placement)) {
    const dueDate = addCalendarMonths(last, 3);
    return {
      dueDate,
      explanation: `Next visit due by ${uk(dueDate)}: at most every 3 months after the first year of a placement meant to last until 18; last visit ${uk(last)} (${REGS}, reg 28)`,
    };
  }
  const dueDate = addWeeks(last, 6);
  return {
    dueDate,
    explanation: `Next visit due by ${uk(dueDate)}: at most every 6 weeks ${firstYear ? "in the placement's first year" : "in this placement"}; last visit ${uk(last)} (${REGS}, reg 28)`,
  };
}

/** The next health assessment (reg 7): the initial one by the first review, then 6-monthly under 5 and yearly from 5. */
export function healthDue(f: ChildClockFacts): { dueDate: string; explanation: string; initial: boolean } | null {
  if (!f.periodStart) return null;
  const threeMonthsBefore = addCalendarMonths(f.periodStart, -3);
  const recent = f.healthAssessments.filter((a) => a.date >= threeMonthsBefore);
  const last = f.healthAssessments[f.healthAssessments.length - 1];
  if (recent.length === 0) {
    const { dueDate } = reviewDue(f.periodStart, []);
    return {
      dueDate,
      initial: true,
      explanation: `Initial health assessment due by ${uk(dueDate)}: before the first review (${REGS}, reg 7)`,
    };
  }
  if (!last) return null;
  const under5 = differenceInYears(parseISO(last.date), parseISO(f.dateOfBirth)) < 5;
  const dueDate = addCalendarMonths(last.date, under5 ? 6 : 12);
  return {
    dueDate,
    initial: false,
    explanation: `Review health assessment due by ${uk(dueDate)}: every ${under5 ? "6 months before the 5th birthday" : "12 months from the 5th birthday"}; last assessment ${uk(last.date)} (${REGS}, reg 7)`,
  };
}

/** The care plan (reg 4): before the first placement or within 10 working days of its start. */
export function carePlanDue(f: ChildClockFacts): { dueDate: string; metOn: string | null; explanation: string } | null {
  if (!f.periodStart) return null;
  const dueDate = addWorkingDays(f.periodStart, 10);
  const from = addCalendarMonths(f.periodStart, -1);
  const metOn = f.carePlanApprovals.find((d) => d >= from) ?? null;
  return {
    dueDate,
    metOn,
    explanation: `Care plan due by ${uk(dueDate)}: before the first placement or within 10 working days of it starting on ${uk(f.periodStart)} (${REGS}, reg 4)`,
  };
}

/** The placement plan (reg 9): before the placement or within 5 working days of its start. */
export function placementPlanDue(
  f: ChildClockFacts,
): { dueDate: string; metOn: string | null; explanation: string } | null {
  if (!f.placementStart || !f.placement || /^T[0-4]$/.test(f.placement)) return null;
  const dueDate = addWorkingDays(f.placementStart, 5);
  const from = addWeeks(f.placementStart, -2);
  const metOn = f.carePlanApprovals.find((d) => d >= from) ?? null;
  return {
    dueDate,
    metOn,
    explanation: `Placement plan due by ${uk(dueDate)}: before the placement or within 5 working days of it starting on ${uk(f.placementStart)}, in a care plan approved from two weeks before (${REGS}, reg 9)`,
  };
}

/** The personal education plan: with the care plan, then reviewed each school term (at most 4 months apart). */
export function pepDue(f: ChildClockFacts, today: string): { dueDate: string; explanation: string } | null {
  if (!f.periodStart) return null;
  const age = differenceInYears(parseISO(today), parseISO(f.dateOfBirth));
  if (age < 3 || age >= 18) return null;
  const from = addCalendarMonths(f.periodStart, -1);
  const last = f.peps.filter((p) => p >= from).at(-1);
  if (!last) {
    const dueDate = addWorkingDays(f.periodStart, 10);
    return {
      dueDate,
      explanation: `Personal education plan due by ${uk(dueDate)}: part of the care plan, within 10 working days of becoming looked after (${REGS}, reg 5)`,
    };
  }
  const dueDate = addCalendarMonths(last, 4);
  return {
    dueDate,
    explanation: `Personal education plan review due by ${uk(dueDate)}: once a school term, at most 4 months after the last, held ${uk(last)} (statutory guidance on promoting the education of looked-after children)`,
  };
}

/** Everything the clock says about one child today. */
export function dueItems(f: ChildClockFacts, today: string): DueItem[] {
  if (!f.periodStart) return [];
  const out: DueItem[] = [];
  const cp = carePlanDue(f);
  if (cp)
    out.push({
      kind: "carePlan",
      title: "Care plan",
      dueDate: cp.dueDate,
      metOn: cp.metOn,
      explanation: cp.explanation,
      rule: "reg 4",
    });
  const pp = placementPlanDue(f);
  if (pp)
    out.push({
      kind: "placementPlan",
      title: "Placement plan",
      dueDate: pp.dueDate,
      metOn: pp.metOn,
      explanation: pp.explanation,
      rule: "reg 9",
    });
  const review = reviewDue(f.periodStart, f.reviewsHeld);
  const early = f.earlyReviewBy && f.earlyReviewBy < review.dueDate ? f.earlyReviewBy : null;
  out.push({
    kind: "review",
    title: early ? "Early review (asked for by the IRO)" : `${ordinal(f.reviewsHeld.length)} review`,
    dueDate: early ?? review.dueDate,
    metOn: null,
    explanation: early
      ? `Early review due by ${uk(early)}: asked for by the IRO (${REGS}, reg 33(3)); otherwise ${review.explanation.charAt(0).toLowerCase()}${review.explanation.slice(1)}`
      : review.explanation,
    rule: "reg 33",
  });
  const visit = visitDue(f);
  if (visit)
    out.push({
      kind: "visit",
      title: "Statutory visit",
      dueDate: visit.dueDate,
      metOn: null,
      explanation: visit.explanation,
      rule: "reg 28",
    });
  const health = healthDue(f);
  if (health)
    out.push({
      kind: "healthAssessment",
      title: health.initial ? "Initial health assessment" : "Review health assessment",
      dueDate: health.dueDate,
      metOn: null,
      explanation: health.explanation,
      rule: "reg 7",
    });
  const pep = pepDue(f, today);
  if (pep)
    out.push({
      kind: "pep",
      title: "Personal education plan",
      dueDate: pep.dueDate,
      metOn: null,
      explanation: pep.explanation,
      rule: "reg 5",
    });
  return out;
}

export type Urgency = "overdue" | "due soon" | "upcoming" | "met" | "met late";

/** How urgent an item is today: overdue, due within the warning window (working days), upcoming, or met. */
export function urgency(item: Pick<DueItem, "dueDate" | "metOn">, today: string, warnWorkingDays = 5): Urgency {
  if (item.metOn) return item.metOn <= item.dueDate ? "met" : "met late";
  if (today > item.dueDate) return "overdue";
  return workingDaysBetween(today, item.dueDate) <= warnWorkingDays ? "due soon" : "upcoming";
}
