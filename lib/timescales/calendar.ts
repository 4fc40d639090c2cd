// Working days and calendar months as the regulations count them. Working days exclude weekends
// and the public holidays of England and Wales (bank holidays, their substitute days, Good Friday
// and Christmas Day), taken from the maintained `date-holidays` data rather than a hand-written
// list. Calendar months are calendar months: a month after 31 January is the last day of February.
import Holidays from "date-holidays";
import { addDays, addMonths, format, getDay, parseISO } from "date-fns";

const england = new Holidays("GB", "ENG");
const byYear = new Map<number, ReadonlySet<string>>();

/** The public holidays of England and Wales in one year, as ISO dates. */
export function publicHolidays(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(
      england
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, set);
  }
  return set;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

export function isWorkingDay(date: string): boolean {
  const day = getDay(parseISO(date));
  if (day === 0 || day === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (the day itself not counted): "within 20 working days of". */
export function addWorkingDays(date: string, n: number): string {
  let d = parseISO(date);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(iso(d))) left--;
  }
  return iso(d);
}

/** Working days from `from` (not counted) to `to` (counted); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(parseISO(from), 1); iso(d) <= to; d = addDays(d, 1)) if (isWorkingDay(iso(d))) count++;
  return count;
}

/** `n` calendar months after `date`, the last day of the month when it has no such day. */
export function addCalendarMonths(date: string, n: number): string {
  return iso(addMonths(parseISO(date), n));
}

export function addWeeks(date: string, n: number): string {
  return iso(addDays(parseISO(date), 7 * n));
}
