// A clean fictional authority's SSDA903 return for any collection year, and last year's return
// to match: a handful of children whose tables agree with each other and with every rule.
import { TABLE_COLUMNS, collectionYear, emptyTables, type Row, type TableName, type Tables } from "../tables";

type Partial903<T extends TableName> = Partial<Row<T>> & { CHILD: string };

function row<T extends TableName>(table: T, values: Partial903<T>): Row<T> {
  const out = Object.fromEntries(TABLE_COLUMNS[table].map((c) => [c, ""])) as Row<T>;
  return { ...out, ...values };
}

/** dd/mm/yyyy for a day, month and year relative to the collection year's end year `y`. */
const d = (dd: number, mm: number, yyyy: number): string =>
  `${String(dd).padStart(2, "0")}/${String(mm).padStart(2, "0")}/${yyyy}`;

/** Every episode of each child, including those before the year (the return keeps only those in it). */
function allEpisodes(Y: number, id: (s: string) => string): Row<"episodes">[] {
  const ep = (v: Partial903<"episodes">) => row("episodes", v);
  return [
    // C1: a girl of 15 in a foster placement, moved to a children's home in the year.
    ep({
      CHILD: id("C1"),
      DECOM: d(10, 5, Y - 4),
      RNE: "S",
      LS: "C2",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      DEC: d(1, 9, Y - 1),
      REC: "X1",
      REASON_PLACE_CHANGE: "CARPL",
      HOME_POST: "SW1A 1AA",
      PL_POST: "M1 1AE",
      URN: "SC123456",
    }),
    ep({
      CHILD: id("C1"),
      DECOM: d(1, 9, Y - 1),
      RNE: "P",
      LS: "C2",
      CIN: "N1",
      PLACE: "K2",
      PLACE_PROVIDER: "PR4",
      HOME_POST: "SW1A 1AA",
      PL_POST: "B1 1AA",
      URN: "SC654321",
    }),
    // C2: a boy of 3 whose interim care order became a full care order.
    ep({
      CHILD: id("C2"),
      DECOM: d(20, 3, Y - 2),
      RNE: "S",
      LS: "C1",
      CIN: "N1",
      PLACE: "U6",
      PLACE_PROVIDER: "PR1",
      DEC: d(10, 7, Y - 1),
      REC: "X1",
      HOME_POST: "LS2 7EE",
      PL_POST: "LS6 1AN",
      URN: "SC100001",
    }),
    ep({
      CHILD: id("C2"),
      DECOM: d(10, 7, Y - 1),
      RNE: "L",
      LS: "C2",
      CIN: "N1",
      PLACE: "U6",
      PLACE_PROVIDER: "PR1",
      HOME_POST: "LS2 7EE",
      PL_POST: "LS6 1AN",
      URN: "SC100001",
    }),
    // C3: a boy accommodated under section 20 in the year who went home as planned.
    ep({
      CHILD: id("C3"),
      DECOM: d(15, 4, Y - 1),
      RNE: "S",
      LS: "V2",
      CIN: "N4",
      PLACE: "U6",
      PLACE_PROVIDER: "PR4",
      DEC: d(20, 12, Y - 1),
      REC: "E4A",
      HOME_POST: "NE1 4ST",
      PL_POST: "NE2 1XE",
      URN: "SC200001",
    }),
    // C4: a young man who stayed with his foster carers at 18.
    ep({
      CHILD: id("C4"),
      DECOM: d(1, 6, Y - 5),
      RNE: "S",
      LS: "C2",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      DEC: d(1, 7, Y - 1),
      REC: "E17",
      HOME_POST: "BS1 5TR",
      PL_POST: "BS8 1TH",
      URN: "SC100004",
    }),
    // C5: a boy adopted by his foster carers under a placement order.
    ep({
      CHILD: id("C5"),
      DECOM: d(1, 2, Y - 3),
      RNE: "S",
      LS: "C2",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      DEC: d(1, 8, Y - 2),
      REC: "X1",
      HOME_POST: "CF10 1EP",
      PL_POST: "CF5 1AA",
      URN: "SC100002",
    }),
    ep({
      CHILD: id("C5"),
      DECOM: d(1, 8, Y - 2),
      RNE: "L",
      LS: "E1",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      DEC: d(1, 12, Y - 2),
      REC: "X1",
      REASON_PLACE_CHANGE: "PLACE",
      HOME_POST: "CF10 1EP",
      PL_POST: "CF5 1AA",
      URN: "SC100002",
    }),
    ep({
      CHILD: id("C5"),
      DECOM: d(1, 12, Y - 2),
      RNE: "T",
      LS: "E1",
      CIN: "N1",
      PLACE: "A5",
      PLACE_PROVIDER: "PR1",
      DEC: d(15, 1, Y),
      REC: "E12",
      HOME_POST: "CF10 1EP",
      PL_POST: "CF5 1AA",
      URN: "SC100002",
    }),
    // C6: an unaccompanied asylum-seeking boy of 16 in a children's home.
    ep({
      CHILD: id("C6"),
      DECOM: d(10, 6, Y - 1),
      RNE: "S",
      LS: "V2",
      CIN: "N4",
      PLACE: "K2",
      PLACE_PROVIDER: "PR4",
      PL_POST: "CT1 2EH",
      URN: "SC300001",
    }),
    // C7: a girl of 10 who has two short breaks in a residential care home.
    ep({
      CHILD: id("C7"),
      DECOM: d(5, 5, Y - 1),
      RNE: "S",
      LS: "V3",
      CIN: "N2",
      PLACE: "R1",
      PLACE_PROVIDER: "PR4",
      DEC: d(8, 5, Y - 1),
      REC: "E8",
    }),
    ep({
      CHILD: id("C7"),
      DECOM: d(10, 8, Y - 1),
      RNE: "S",
      LS: "V3",
      CIN: "N2",
      PLACE: "R1",
      PLACE_PROVIDER: "PR4",
      DEC: d(12, 8, Y - 1),
      REC: "E8",
    }),
    // C8: a boy of 12 whose foster carer took a holiday, with a temporary placement in between.
    ep({
      CHILD: id("C8"),
      DECOM: d(1, 1, Y - 3),
      RNE: "S",
      LS: "C2",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      DEC: d(1, 8, Y - 1),
      REC: "X1",
      HOME_POST: "L1 8JQ",
      PL_POST: "LS1 4AP",
      URN: "SC100003",
    }),
    ep({
      CHILD: id("C8"),
      DECOM: d(1, 8, Y - 1),
      RNE: "P",
      LS: "C2",
      CIN: "N1",
      PLACE: "T3",
      DEC: d(10, 8, Y - 1),
      REC: "X1",
      HOME_POST: "L1 8JQ",
    }),
    ep({
      CHILD: id("C8"),
      DECOM: d(10, 8, Y - 1),
      RNE: "P",
      LS: "C2",
      CIN: "N1",
      PLACE: "U4",
      PLACE_PROVIDER: "PR1",
      HOME_POST: "L1 8JQ",
      PL_POST: "LS1 4AP",
      URN: "SC100003",
    }),
  ];
}

function allSpells(Y: number, id: (s: string) => string): Row<"sw_episodes">[] {
  const sw = (v: Partial903<"sw_episodes">) => row("sw_episodes", v);
  return [
    sw({
      CHILD: id("C1"),
      DOB: d(15, 6, Y - 16),
      SW_ID: "SW0001",
      SW_DECOM: d(10, 5, Y - 4),
      SW_DEC: d(15, 1, Y - 1),
      SW_REASON: "TSPROC",
    }),
    sw({ CHILD: id("C1"), DOB: d(15, 6, Y - 16), SW_ID: "SW0002", SW_DECOM: d(15, 1, Y - 1), SW_REASON: "LEFTRL" }),
    sw({ CHILD: id("C2"), DOB: d(10, 2, Y - 3), SW_ID: "SW0003", SW_DECOM: d(1, 3, Y - 2), SW_REASON: "OTHERS" }),
    sw({
      CHILD: id("C3"),
      DOB: d(1, 8, Y - 17),
      SW_ID: "SW0004",
      SW_DECOM: d(15, 4, Y - 1),
      SW_DEC: d(20, 12, Y - 1),
      SW_REASON: "OTHERS",
    }),
    sw({
      CHILD: id("C4"),
      DOB: d(1, 7, Y - 19),
      SW_ID: "SW0007",
      SW_DECOM: d(1, 6, Y - 5),
      SW_DEC: d(1, 7, Y - 1),
      SW_REASON: "OTHERS",
    }),
    sw({
      CHILD: id("C5"),
      DOB: d(1, 3, Y - 6),
      SW_ID: "SW0005",
      SW_DECOM: d(1, 2, Y - 3),
      SW_DEC: d(15, 1, Y),
      SW_REASON: "OTHERS",
    }),
    sw({ CHILD: id("C6"), DOB: d(1, 9, Y - 17), SW_ID: "SW0006", SW_DECOM: d(10, 6, Y - 1), SW_REASON: "OTHERS" }),
    sw({ CHILD: id("C8"), DOB: d(1, 1, Y - 12), SW_ID: "SW0008", SW_DECOM: d(1, 1, Y - 3), SW_REASON: "OTHERS" }),
  ];
}

const parse = (s: string): number => {
  const [dd, mm, yy] = s.split("/").map(Number);
  return Date.UTC(yy ?? 0, (mm ?? 1) - 1, dd ?? 1);
};

/** Keep the rows in force during a year, cutting off what happened after it ended. */
function asAt<T>(
  rows: T[],
  from: number,
  to: number,
  start: (r: T) => string,
  end: (r: T) => string,
  open: (r: T) => T,
): T[] {
  return rows
    .filter((r) => parse(start(r)) <= to && (end(r) === "" || parse(end(r)) >= from))
    .map((r) => (end(r) !== "" && parse(end(r)) > to ? open(r) : r));
}

/**
 * A clean return for the year ending 31 March `endYear`. `copies` repeats the authority's
 * children under new references (for timing the validator at scale).
 */
export function cleanReturn(endYear: number, copies = 1): Tables {
  const Y = endYear;
  const t = emptyTables();
  const from = Date.UTC(Y - 1, 3, 1);
  const to = Date.UTC(Y, 2, 31);
  for (let n = 0; n < copies; n++) {
    const id = (s: string) => (n === 0 ? s : `${s}-${n}`);
    const upn = (k: number) => `A${String(100000000000 + n * 100 + k)}`;
    t.header.push(
      row("header", { CHILD: id("C1"), SEX: "F", DOB: d(15, 6, Y - 16), ETHNIC: "WBRI", UPN: upn(1), MOTHER: "0" }),
      row("header", { CHILD: id("C2"), SEX: "M", DOB: d(10, 2, Y - 3), ETHNIC: "MWBC", UPN: "UN1" }),
      row("header", { CHILD: id("C3"), SEX: "M", DOB: d(1, 8, Y - 17), ETHNIC: "BAFR", UPN: upn(3) }),
      row("header", { CHILD: id("C4"), SEX: "M", DOB: d(1, 7, Y - 19), ETHNIC: "WOTH", UPN: upn(4) }),
      row("header", { CHILD: id("C5"), SEX: "M", DOB: d(1, 3, Y - 6), ETHNIC: "AIND", UPN: upn(5) }),
      row("header", { CHILD: id("C6"), SEX: "M", DOB: d(1, 9, Y - 17), ETHNIC: "OOTH", UPN: "UN2" }),
      row("header", { CHILD: id("C7"), SEX: "F", DOB: d(1, 1, Y - 10), ETHNIC: "WIRI", UPN: upn(7) }),
      row("header", { CHILD: id("C8"), SEX: "M", DOB: d(1, 1, Y - 12), ETHNIC: "CHNE", UPN: upn(8) }),
    );
    t.episodes.push(
      ...asAt(
        allEpisodes(Y, id),
        from,
        to,
        (r) => r.DECOM,
        (r) => r.DEC,
        (r) => ({ ...r, DEC: "", REC: "", REASON_PLACE_CHANGE: "" }),
      ),
    );
    t.sw_episodes.push(
      ...asAt(
        allSpells(Y, id),
        from,
        to,
        (r) => r.SW_DECOM,
        (r) => r.SW_DEC,
        (r) => ({ ...r, SW_DEC: "" }),
      ),
    );
    t.reviews.push(
      row("reviews", { CHILD: id("C1"), DOB: d(15, 6, Y - 16), REVIEW: d(10, 6, Y - 1), REVIEW_CODE: "PN1" }),
      row("reviews", { CHILD: id("C1"), DOB: d(15, 6, Y - 16), REVIEW: d(10, 12, Y - 1), REVIEW_CODE: "PN1" }),
      row("reviews", { CHILD: id("C2"), DOB: d(10, 2, Y - 3), REVIEW: d(1, 6, Y - 1), REVIEW_CODE: "PN0" }),
      row("reviews", { CHILD: id("C3"), DOB: d(1, 8, Y - 17), REVIEW: d(10, 6, Y - 1), REVIEW_CODE: "PN2" }),
      row("reviews", { CHILD: id("C5"), DOB: d(1, 3, Y - 6), REVIEW: d(10, 6, Y - 1), REVIEW_CODE: "PN3" }),
      row("reviews", { CHILD: id("C6"), DOB: d(1, 9, Y - 17), REVIEW: d(10, 7, Y - 1), REVIEW_CODE: "PN1" }),
      row("reviews", { CHILD: id("C8"), DOB: d(1, 1, Y - 12), REVIEW: d(10, 9, Y - 1), REVIEW_CODE: "PN4" }),
    );
    t.oc2.push(
      row("oc2", {
        CHILD: id("C1"),
        DOB: d(15, 6, Y - 16),
        SDQ_SCORE: "12",
        CONVICTED: "0",
        IMMUNISATIONS: "1",
        TEETH_CHECK: "1",
        HEALTH_ASSESSMENT: "1",
        SUBSTANCE_MISUSE: "0",
      }),
      row("oc2", {
        CHILD: id("C2"),
        DOB: d(10, 2, Y - 3),
        HEALTH_CHECK: "1",
        IMMUNISATIONS: "1",
        TEETH_CHECK: "1",
        HEALTH_ASSESSMENT: "1",
        SUBSTANCE_MISUSE: "0",
      }),
      row("oc2", {
        CHILD: id("C8"),
        DOB: d(1, 1, Y - 12),
        SDQ_SCORE: "15",
        CONVICTED: "0",
        IMMUNISATIONS: "1",
        TEETH_CHECK: "0",
        HEALTH_ASSESSMENT: "1",
        SUBSTANCE_MISUSE: "1",
        INTERVENTION_RECEIVED: "0",
        INTERVENTION_OFFERED: "1",
      }),
    );
    t.oc3.push(row("oc3", { CHILD: id("C4"), DOB: d(1, 7, Y - 19), IN_TOUCH: "YES", ACTIV: "F1", ACCOM: "S2" }));
    t.ad1.push(
      row("ad1", {
        CHILD: id("C5"),
        DOB: d(1, 3, Y - 6),
        DATE_INT: d(15, 7, Y - 2),
        DATE_MATCH: d(1, 11, Y - 2),
        FOSTER_CARE: "1",
        NB_ADOPTR: "2",
        SEX_ADOPTR: "MF",
        LS_ADOPTR: "L11",
      }),
    );
    t.placed_for_adoption.push(
      row("placed_for_adoption", { CHILD: id("C5"), DOB: d(1, 3, Y - 6), DATE_PLACED: d(15, 7, Y - 2) }),
    );
    t.previous_permanence.push(
      row("previous_permanence", { CHILD: id("C3"), DOB: d(1, 8, Y - 17), PREV_PERM: "Z1" }),
      row("previous_permanence", { CHILD: id("C6"), DOB: d(1, 9, Y - 17), PREV_PERM: "Z1" }),
      row("previous_permanence", { CHILD: id("C7"), DOB: d(1, 1, Y - 10), PREV_PERM: "Z1" }),
    );
    t.missing.push(
      row("missing", {
        CHILD: id("C1"),
        DOB: d(15, 6, Y - 16),
        MISSING: "M",
        MIS_START: d(3, 10, Y - 1),
        MIS_END: d(5, 10, Y - 1),
      }),
      row("missing", {
        CHILD: id("C6"),
        DOB: d(1, 9, Y - 17),
        MISSING: "A",
        MIS_START: d(1, 11, Y - 1),
        MIS_END: d(2, 11, Y - 1),
      }),
    );
    t.uasc.push(row("uasc", { CHILD: id("C6"), SEX: "M", DOB: d(1, 9, Y - 17), DUC: d(1, 9, Y + 1) }));
  }
  return t;
}

/** Last year's return for the same authority, consistent with `cleanReturn(endYear)`. */
export function previousReturn(endYear: number): Tables {
  const Y = endYear;
  const id = (s: string) => s;
  const t = emptyTables();
  const from = Date.UTC(Y - 2, 3, 1);
  const to = Date.UTC(Y - 1, 2, 31);
  const now = cleanReturn(Y);
  t.episodes = asAt(
    allEpisodes(Y, id),
    from,
    to,
    (r) => r.DECOM,
    (r) => r.DEC,
    (r) => ({ ...r, DEC: "", REC: "", REASON_PLACE_CHANGE: "" }),
  );
  const inCare = new Set(t.episodes.map((r) => r.CHILD));
  t.header = now.header.filter((h) => inCare.has(h.CHILD));
  t.sw_episodes = asAt(
    allSpells(Y, id),
    from,
    to,
    (r) => r.SW_DECOM,
    (r) => r.SW_DEC,
    (r) => ({ ...r, SW_DEC: "" }),
  ).filter((r) => inCare.has(r.CHILD));
  t.placed_for_adoption = now.placed_for_adoption.map((r) => ({ ...r }));
  return t;
}

export const FIXTURE_YEAR = collectionYear(2026);
