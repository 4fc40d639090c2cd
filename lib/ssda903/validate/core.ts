// The validator's machinery: strict dates as day numbers, the Department's age arithmetic, one
// index of every table by CHILD built once per run, and the shape of a rule.
import type { CollectionYear, Row, TableName, Tables } from "../tables";

/** A date as a whole number of days since 1 January 1970 (UTC), so comparisons are integer ones. */
export type Day = number;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const parsed = new Map<string, Day | null>();

/** Strict dd/mm/yyyy (the return's only date form); anything else, or an impossible day, is null. */
export function parseDate(value: string): Day | null {
  const hit = parsed.get(value);
  if (hit !== undefined) return hit;
  let result: Day | null = null;
  const m = DATE_RE.exec(value);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = Number(m[3]);
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (y >= 1900 && back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      result = t / DAY_MS;
    }
  }
  // The same few thousand dates recur across tens of thousands of rows: parse each once.
  if (parsed.size < 200_000) parsed.set(value, result);
  return result;
}

export function isoToDay(iso: string): Day {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function day(d: number, m: number, y: number): Day {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function formatDay(value: Day): string {
  const t = new Date(value * DAY_MS);
  const dd = String(t.getUTCDate()).padStart(2, "0");
  const mm = String(t.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${t.getUTCFullYear()}`;
}

/**
 * The same calendar day `years` later, as the Department counts birthdays (pandas DateOffset):
 * a 29 February birthday falls on 28 February in a year that has none.
 */
export function addYears(value: Day, years: number): Day {
  const t = new Date(value * DAY_MS);
  const y = t.getUTCFullYear() + years;
  const m = t.getUTCMonth();
  let d = t.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (d > last) d = last;
  return Date.UTC(y, m, d) / DAY_MS;
}

/** Age in whole years on `at`: the birthday-based age, not days divided by 365. */
export function ageAt(dob: Day, at: Day): number {
  const a = new Date(dob * DAY_MS);
  const b = new Date(at * DAY_MS);
  let age = b.getUTCFullYear() - a.getUTCFullYear();
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate()))
    age--;
  // A 29 February birthday is reached on 28 February in a common year, as addYears counts it.
  if (addYears(dob, age + 1) <= at) age++;
  return age;
}

export const blank = (v: string | undefined): boolean => v === undefined || v.trim() === "";
export const given = (v: string | undefined): boolean => !blank(v);

export const TEMPORARY = new Set(["T0", "T1", "T2", "T3", "T4"]);
export const ADOPTION_PLACEMENTS = new Set(["A3", "A4", "A5", "A6"]);
export const FOSTER_PLACEMENTS = new Set(["U1", "U2", "U3", "U4", "U5", "U6"]);
export const SHORT_BREAKS = new Set(["V3", "V4"]);
export const CONTINUATION_RNE = new Set(["P", "L", "T", "U", "B"]);

/** Episodes of one child in date order, each with its dates parsed once. */
export type Ep = { i: number; r: Row<"episodes">; decom: Day | null; dec: Day | null };

export type Ctx = {
  t: Tables;
  year: CollectionYear;
  start: Day;
  end: Day;
  laCode?: string;
  prev?: Ctx;
  /** Row index of each child's header row (the first, when a child is repeated). */
  header: Map<string, number>;
  /** A child's date of birth from the header, null when missing or invalid. */
  dob(child: string): Day | null;
  /** Row indexes of a table grouped by CHILD, in table order. */
  by(table: TableName): Map<string, number[]>;
  /** A child's episodes sorted by start date (undated ones first, as the Department's sort puts them). */
  eps: Map<string, Ep[]>;
  /** Children looked after continuously for 12 months at 31 March, as the Department derives it. */
  cla: Set<string>;
  /** Children in care at 31 March: an open episode other than short breaks (V3, V4). */
  atEnd: Set<string>;
};

export function buildCtx(t: Tables, year: CollectionYear, laCode?: string, previous?: Partial<Tables>): Ctx {
  const start = isoToDay(year.start);
  const end = isoToDay(year.end);
  const groups = new Map<TableName, Map<string, number[]>>();
  const by = (table: TableName): Map<string, number[]> => {
    let g = groups.get(table);
    if (!g) {
      g = new Map();
      const rows: ReadonlyArray<{ CHILD: string }> = t[table];
      for (let i = 0; i < rows.length; i++) {
        const child = rows[i]?.CHILD ?? "";
        const list = g.get(child);
        if (list) list.push(i);
        else g.set(child, [i]);
      }
      groups.set(table, g);
    }
    return g;
  };
  const header = new Map<string, number>();
  t.header.forEach((r, i) => {
    if (!header.has(r.CHILD)) header.set(r.CHILD, i);
  });
  const dob = (child: string): Day | null => {
    const i = header.get(child);
    const r = i === undefined ? undefined : t.header[i];
    return r ? parseDate(r.DOB) : null;
  };
  const eps = new Map<string, Ep[]>();
  t.episodes.forEach((r, i) => {
    const e: Ep = { i, r, decom: parseDate(r.DECOM), dec: parseDate(r.DEC) };
    const list = eps.get(r.CHILD);
    if (list) list.push(e);
    else eps.set(r.CHILD, [e]);
  });
  for (const list of eps.values()) list.sort((a, b) => (a.decom ?? -1e9) - (b.decom ?? -1e9) || a.i - b.i);

  const cla = new Set<string>();
  const atEnd = new Set<string>();
  for (const [child, list] of eps) {
    let during = false;
    let broken = false;
    for (const e of list) {
      const inYear = e.decom !== null && e.decom <= end && (e.dec === null || e.dec >= start);
      if (inYear) during = true;
      // Entering care after 1 April, leaving before 31 March, or a short break in the year all
      // mean the child was not looked after continuously for the 12 months.
      if (e.r.RNE === "S" && e.decom !== null && e.decom > start && e.decom <= end) broken = true;
      if (e.r.REC !== "X1" && given(e.r.REC) && e.dec !== null && e.dec >= start && e.dec < end) broken = true;
      if (SHORT_BREAKS.has(e.r.LS) && (e.dec === null || e.dec >= start)) broken = true;
      if (blank(e.r.DEC) && !SHORT_BREAKS.has(e.r.LS)) atEnd.add(child);
    }
    if (during && !broken) cla.add(child);
  }
  const empty = (): Tables => ({
    header: [],
    episodes: [],
    reviews: [],
    uasc: [],
    oc2: [],
    oc3: [],
    ad1: [],
    placed_for_adoption: [],
    previous_permanence: [],
    missing: [],
    sw_episodes: [],
    dolo: [],
  });
  const ctx: Ctx = { t, year, start, end, laCode, header, dob, by, eps, cla, atEnd };
  if (previous) {
    const last: CollectionYear = {
      endYear: year.endYear - 1,
      start: `${year.endYear - 2}-04-01`,
      end: `${year.endYear - 1}-03-31`,
    };
    ctx.prev = buildCtx({ ...empty(), ...previous }, last, laCode);
  }
  return ctx;
}

/** A row a rule found: in the rule's own table unless it names another, with the fields involved. */
export type Hit = number | { table: TableName; row: number; fields?: string[] };

export type Rule = {
  /** The Department's code, as it names the rule ("103", "392c", "SW01STG1"). */
  code: string;
  /** One plain-English line a practitioner can act on. */
  message: string;
  /** Every table the rule reads. */
  tables: TableName[];
  /** The table a bare row number in the result points into. */
  table: TableName;
  fields: string[];
  /** Runs only when last year's return is given. */
  previous?: boolean;
  /** The rule as it stood in this range of collection years (year ending March), if limited. */
  fromYear?: number;
  check(ctx: Ctx): Hit[];
};

type RuleSpec = Omit<Rule, "tables"> & { tables?: TableName[] };

export function rule(spec: RuleSpec): Rule {
  return { ...spec, tables: spec.tables ?? [spec.table] };
}

/** A rule that looks at one row at a time. */
export function rowRule<T extends TableName>(
  code: string,
  message: string,
  table: T,
  fields: string[],
  bad: (r: Row<T>, ctx: Ctx, i: number) => boolean,
  more: Partial<Pick<Rule, "tables" | "previous" | "fromYear">> = {},
): Rule {
  return rule({
    code,
    message,
    table,
    fields,
    ...more,
    check: (ctx) => {
      const out: number[] = [];
      const rows = ctx.t[table] as Row<T>[];
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (r && bad(r, ctx, i)) out.push(i);
      }
      return out;
    },
  });
}

/** A rule over each child's episodes in date order, given the episode before and after. */
export function seqRule(
  code: string,
  message: string,
  fields: string[],
  bad: (e: Ep, prev: Ep | undefined, next: Ep | undefined, ctx: Ctx, list: Ep[], k: number) => boolean,
  more: Partial<Pick<Rule, "tables" | "previous" | "fromYear">> = {},
): Rule {
  return rule({
    code,
    message,
    table: "episodes",
    fields,
    ...more,
    check: (ctx) => {
      const out: number[] = [];
      for (const list of ctx.eps.values())
        for (let k = 0; k < list.length; k++) {
          const e = list[k];
          if (e && bad(e, list[k - 1], list[k + 1], ctx, list, k)) out.push(e.i);
        }
      return out;
    },
  });
}

/** Whole days from one date to another. */
export const daysBetween = (from: Day, to: Day): number => to - from;

/** A UK postcode in the Royal Mail format (the format only: the ONS list is not held offline). */
const POSTCODE_RE =
  /^(GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;
export const isPostcode = (v: string): boolean => POSTCODE_RE.test(v.trim().toUpperCase());
