// Dates: ISO in storage and logic, UK form (dd/mm/yyyy, Europe/London) only at the edge.
import { differenceInYears, format, isValid, parse, parseISO } from "date-fns";

const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const londonDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** Today's date in England as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return londonDate.format(now);
}

export function formatUkDate(iso: string | null | undefined): string {
  if (!iso) return "";
  // The usual case, an ISO date, by rearranging it (a page or a work tray formats thousands).
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) {
    const [, y, m, d] = plain.map(Number) as [number, number, number, number];
    const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
    return real ? `${plain[3]}/${plain[2]}/${plain[1]}` : "";
  }
  const d = parseISO(iso);
  return isValid(d) ? format(d, "dd/MM/yyyy") : "";
}

export function formatUkDateTime(instant: Date | string | null | undefined): string {
  if (!instant) return "";
  const d = typeof instant === "string" ? new Date(instant) : instant;
  return isValid(d) ? londonDateTime.format(d).replace(",", "") : "";
}

/** Parses dd/mm/yyyy (as typed in the interface) to ISO, or null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed)) return null;
  const d = parse(trimmed, "d/M/yyyy", new Date(2000, 0, 1));
  // Records of children looked after: nothing before 1900 or after 2100 is a real date here.
  return isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 2100 ? format(d, "yyyy-MM-dd") : null;
}

export function ageInYears(dateOfBirthIso: string, onIso: string = todayIso()): number {
  return differenceInYears(parseISO(onIso), parseISO(dateOfBirthIso));
}
