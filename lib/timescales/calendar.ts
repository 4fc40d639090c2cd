// Working days and calendar months as the regulations count them. Working days exclude weekends
// and the public holidays of England and Wales (bank holidays, their substitute days, Good Friday
// and Christmas Day), taken from the maintained `date-holidays` data rather than a hand-written
// list. Calendar months are calendar months: a month after 31 January is the last day of February.
import Holidays from "date-holidays";

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

// Day arithmetic on whole UTC days: a due-date pass over a whole authority counts millions of days,
// so the loop works on day numbers (days since 1 January 1970, a Thursday) with each day's answer
// kept once, rather than parsing and formatting a date at every step.
const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const workingByDay = new Map<number, boolean>();

function isWorkingDayNumber(day: number): boolean {
  let working = workingByDay.get(day);
  if (working === undefined) {
    const weekday = (((day + 4) % 7) + 7) % 7; // 0 is Sunday, as getDay counts
    const date = dayIso(day);
    working = weekday !== 0 && weekday !== 6 && !publicHolidays(Number(date.slice(0, 4))).has(date);
    workingByDay.set(day, working);
  }
  return working;
}

export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(dayNumber(date));
}

/** The date `n` working days after `date` (the day itself not counted): "within 20 working days of". */
export function addWorkingDays(date: string, n: number): string {
  let day = dayNumber(date);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day)) left--;
  }
  return dayIso(day);
}

/** Working days from `from` (not counted) to `to` (counted); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  const last = dayNumber(to);
  for (let day = dayNumber(from) + 1; day <= last; day++) if (isWorkingDayNumber(day)) count++;
  return count;
}

/** `n` calendar months after `date`, the last day of the month when it has no such day. */
export function addCalendarMonths(date: string, n: number): string {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayIso(Date.UTC(year, month, Math.min(Number(date.slice(8, 10)), lastDay)) / DAY_MS);
}

export function addWeeks(date: string, n: number): string {
  return dayIso(dayNumber(date) + 7 * n);
}
