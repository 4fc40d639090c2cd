// The validator against a clean fictional authority, then one planted error per rule: each must
// be reported once, on the right child and row.
import { describe, expect, it } from "vitest";
import { RULES, rulesForYear, validateReturn } from ".";
import { ageAt, addYears, day, isPostcode, parseDate } from "./core";
import { placeCodes } from "./codesets";
import { FIXTURE_YEAR, cleanReturn, previousReturn } from "./fixture";
import { collectionYear, type Row, type TableName, type Tables } from "../tables";
import { PLACEMENT, REASON_CEASED, SEX } from "../codes";

function at<T>(rows: T[], i: number): T {
  const r = rows[i];
  if (!r) throw new Error(`No row ${i}`);
  return r;
}
const set = <T extends TableName>(t: Tables, table: T, i: number, v: Partial<Row<T>>) =>
  Object.assign(at(t[table] as Row<T>[], i), v);
const ep = (t: Tables, i: number, v: Partial<Row<"episodes">>) => set(t, "episodes", i, v);
const hd = (t: Tables, i: number, v: Partial<Row<"header">>) => set(t, "header", i, v);
const o2 = (t: Tables, i: number, v: Partial<Row<"oc2">>) => set(t, "oc2", i, v);
const o3 = (t: Tables, i: number, v: Partial<Row<"oc3">>) => set(t, "oc3", i, v);
const a1 = (t: Tables, i: number, v: Partial<Row<"ad1">>) => set(t, "ad1", i, v);
const pa = (t: Tables, i: number, v: Partial<Row<"placed_for_adoption">>) => set(t, "placed_for_adoption", i, v);
const pp = (t: Tables, i: number, v: Partial<Row<"previous_permanence">>) => set(t, "previous_permanence", i, v);
const ms = (t: Tables, i: number, v: Partial<Row<"missing">>) => set(t, "missing", i, v);
const sw = (t: Tables, i: number, v: Partial<Row<"sw_episodes">>) => set(t, "sw_episodes", i, v);
const rv = (t: Tables, i: number, v: Partial<Row<"reviews">>) => set(t, "reviews", i, v);
const blankRow = <T extends TableName>(t: Tables, table: T, from: number, v: Partial<Row<T>>): Row<T> => ({
  ...at(t[table] as Row<T>[], from),
  ...v,
});

type Case = {
  rule: string;
  table: TableName;
  row: number;
  child: string;
  mutate: (t: Tables, prev: Tables) => void;
  /** Further rows the same rule rightly reports (every row of a duplicate or a total). */
  more?: number[];
};

// Row numbers in the clean 2025/26 return (see fixture.ts): header C1..C8 are rows 0..7;
// episodes C1 0-1, C2 2-3, C3 4, C4 5, C5 6, C6 7, C7 8-9, C8 10-12; spells C1 0, C2 1, C3 2,
// C4 3, C5 4, C6 5, C8 6; reviews C1 0-1, C2 2, C3 3, C5 4, C6 5, C8 6; oc2 C1 0, C2 1, C8 2.
const CASES: Case[] = [
  // Header
  { rule: "101", table: "header", row: 2, child: "C3", mutate: (t) => hd(t, 2, { SEX: "1" }) },
  { rule: "102", table: "header", row: 4, child: "C5", mutate: (t) => hd(t, 4, { DOB: "31/02/2020" }) },
  { rule: "103", table: "header", row: 2, child: "C3", mutate: (t) => hd(t, 2, { ETHNIC: "XXXX" }) },
  { rule: "168", table: "header", row: 2, child: "C3", mutate: (t) => hd(t, 2, { UPN: "I100000000003" }) },
  { rule: "171", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MOTHER: "1", MC_DOB: "2025-10-01" }) },
  { rule: "174", table: "header", row: 7, child: "C8", mutate: (t) => hd(t, 7, { MC_DOB: "01/10/2025" }) },
  { rule: "301", table: "header", row: 3, child: "C4", mutate: (t) => hd(t, 3, { DOB: "01/04/2026" }) },
  { rule: "351", table: "header", row: 3, child: "C4", mutate: (t) => hd(t, 3, { DOB: "01/07/2003" }) },
  { rule: "209", table: "header", row: 7, child: "C8", mutate: (t) => hd(t, 7, { UPN: "UN1" }) },
  {
    rule: "210",
    table: "header",
    row: 7,
    child: "C8",
    mutate: (t) => {
      hd(t, 7, { UPN: "UN4" });
      ep(t, 11, { DECOM: "25/03/2026", DEC: "", REC: "" });
      ep(t, 12, { DECOM: "26/03/2026" });
      ep(t, 10, { DEC: "25/03/2026" });
      ep(t, 11, { DEC: "26/03/2026", REC: "X1" });
    },
  },
  { rule: "442", table: "header", row: 2, child: "C3", mutate: (t) => hd(t, 2, { UPN: "" }) },
  {
    rule: "444",
    table: "header",
    row: 2,
    child: "C3",
    more: [4],
    mutate: (t) => hd(t, 4, { UPN: at(t.header, 2).UPN }),
  },
  { rule: "165", table: "header", row: 2, child: "C3", mutate: (t) => hd(t, 2, { MOTHER: "0" }) },
  { rule: "393", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MOTHER: "" }) },
  {
    rule: "607",
    table: "header",
    row: 0,
    child: "C1",
    mutate: (t) => {
      hd(t, 0, { MOTHER: "" });
      ep(t, 1, { DEC: "01/03/2026", REC: "E4A" });
      sw(t, 0, { SW_DEC: "01/03/2026" });
    },
  },
  { rule: "611", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MOTHER: "1" }) },
  { rule: "612", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MC_DOB: "01/10/2025" }) },
  { rule: "620", table: "header", row: 6, child: "C7", mutate: (t) => hd(t, 6, { MOTHER: "1", MC_DOB: "01/10/2025" }) },
  { rule: "621", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MOTHER: "1", MC_DOB: "01/01/2009" }) },
  { rule: "625", table: "header", row: 0, child: "C1", mutate: (t) => hd(t, 0, { MOTHER: "1", MC_DOB: "01/04/2026" }) },
  {
    rule: "628",
    table: "header",
    row: 3,
    child: "C4",
    mutate: (t) => {
      t.episodes.splice(5, 1);
      t.sw_episodes.splice(3, 1);
      hd(t, 3, { MOTHER: "0" });
    },
  },

  // Episodes: dates and codes
  { rule: "141", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { DECOM: "15-04-2025" }) },
  { rule: "147", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { DEC: "20/13/2025" }) },
  { rule: "148", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { REC: "" }) },
  { rule: "356", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { DEC: "04/05/2025" }) },
  { rule: "355", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { DEC: "05/05/2025" }) },
  { rule: "353", table: "episodes", row: 5, child: "C4", mutate: (t) => ep(t, 5, { DECOM: "01/06/1990" }) },
  { rule: "354", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { DECOM: "01/04/2026" }) },
  {
    rule: "385",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => {
      ep(t, 4, { DEC: "01/04/2026" });
    },
  },
  { rule: "143", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { RNE: "X" }) },
  { rule: "144", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { LS: "C3" }) },
  { rule: "145", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { CIN: "N9" }) },
  { rule: "146", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE: "H5" }) },
  { rule: "149", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { REC: "E4" }) },
  { rule: "178", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE_PROVIDER: "PR9" }) },
  { rule: "1009", table: "episodes", row: 0, child: "C1", mutate: (t) => ep(t, 0, { REASON_PLACE_CHANGE: "MOVED" }) },

  // Episodes: the chain
  { rule: "142", table: "episodes", row: 10, child: "C8", mutate: (t) => ep(t, 10, { REC: "", DEC: "" }) },
  {
    rule: "501",
    table: "episodes",
    row: 1,
    child: "C1",
    mutate: (t) => {
      ep(t, 0, { DEC: "02/09/2025" });
    },
  },
  {
    rule: "433",
    table: "episodes",
    row: 1,
    child: "C1",
    mutate: (t) => {
      ep(t, 1, { DECOM: "03/09/2025" });
    },
  },
  {
    rule: "431",
    table: "episodes",
    row: 9,
    child: "C7",
    mutate: (t) => ep(t, 9, { DECOM: "08/05/2025", DEC: "12/05/2025" }),
  },
  { rule: "432", table: "episodes", row: 9, child: "C7", mutate: (t) => ep(t, 9, { RNE: "P" }) },
  { rule: "357", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { RNE: "P" }) },
  { rule: "388", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { REC: "X1" }) },
  { rule: "434", table: "episodes", row: 3, child: "C2", mutate: (t) => ep(t, 3, { LS: "C1" }) },
  { rule: "435", table: "episodes", row: 1, child: "C1", mutate: (t) => ep(t, 1, { LS: "C1" }) },
  { rule: "436", table: "episodes", row: 1, child: "C1", mutate: (t) => ep(t, 1, { RNE: "B" }) },
  { rule: "437", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { REC: "E2" }) },
  { rule: "504", table: "episodes", row: 3, child: "C2", mutate: (t) => ep(t, 3, { CIN: "N2" }) },
  { rule: "225", table: "episodes", row: 0, child: "C1", mutate: (t) => ep(t, 0, { REASON_PLACE_CHANGE: "" }) },
  { rule: "226", table: "episodes", row: 11, child: "C8", mutate: (t) => ep(t, 11, { REASON_PLACE_CHANGE: "CARPL" }) },
  { rule: "233", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { REASON_PLACE_CHANGE: "CARPL" }) },

  // Episodes: legal status and placements
  {
    rule: "378",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => ep(t, 4, { PLACE: "P1", PLACE_PROVIDER: "PR0", URN: "" }),
  },
  { rule: "408", table: "episodes", row: 6, child: "C5", mutate: (t) => ep(t, 6, { LS: "C2" }) },
  { rule: "380", table: "episodes", row: 11, child: "C8", mutate: (t) => ep(t, 11, { RNE: "T" }) },
  {
    rule: "381",
    table: "episodes",
    row: 11,
    child: "C8",
    mutate: (t) => {
      ep(t, 11, { REC: "E8" });
      t.episodes.splice(12, 1);
    },
  },
  {
    rule: "382",
    table: "episodes",
    row: 8,
    child: "C7",
    mutate: (t) => ep(t, 8, { PLACE: "T4", PLACE_PROVIDER: "", RNE: "P" }),
  },
  { rule: "383", table: "episodes", row: 12, child: "C8", mutate: (t) => ep(t, 12, { PL_POST: "LS2 9JT" }) },
  { rule: "384", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { PLACE: "U4" }) },
  { rule: "390", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { REC: "E11" }) },
  { rule: "516", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { DEC: "01/03/2026", REC: "E45" }) },
  { rule: "445", table: "episodes", row: 3, child: "C2", mutate: (t) => ep(t, 3, { LS: "D1" }) },
  {
    rule: "446",
    table: "episodes",
    row: 5,
    child: "C4",
    mutate: (t) => ep(t, 5, { LS: "E1", DECOM: "01/06/2005", DEC: "01/07/2025" }),
  },
  { rule: "451", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { LS: "D1", DECOM: "10/06/2005" }) },
  { rule: "217", table: "episodes", row: 6, child: "C5", mutate: (t) => ep(t, 6, { RNE: "P" }) },
  {
    rule: "336",
    table: "episodes",
    row: 1,
    child: "C1",
    mutate: (t) => {
      ep(t, 0, { PLACE: "K2", PLACE_PROVIDER: "PR4" });
      ep(t, 1, { PLACE: "A4", PLACE_PROVIDER: "PR1", RNE: "P" });
    },
  },
  { rule: "426", table: "episodes", row: 8, child: "C7", more: [9], mutate: (t) => ep(t, 9, { LS: "V4" }) },
  {
    rule: "366",
    table: "episodes",
    row: 9,
    child: "C7",
    mutate: (t) => ep(t, 9, { RNE: "P", DECOM: "08/05/2025", DEC: "12/05/2025" }),
  },
  { rule: "365", table: "episodes", row: 9, child: "C7", mutate: (t) => ep(t, 9, { DEC: "30/08/2025" }) },
  {
    rule: "367",
    table: "episodes",
    row: 8,
    child: "C7",
    more: [9, 13, 14, 15],
    mutate: (t) => {
      // Five breaks of 17 days: 85 days in the year.
      ep(t, 8, { DEC: "22/05/2025" });
      ep(t, 9, { DEC: "27/08/2025" });
      for (const m of [10, 11, 12])
        t.episodes.push({ ...at(t.episodes, 9), DECOM: `01/${m}/2025`, DEC: `18/${m}/2025` });
    },
  },
  { rule: "361", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { LS: "L1" }) },
  { rule: "362", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { LS: "L2" }) },
  { rule: "363", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { LS: "L3" }) },
  { rule: "364", table: "episodes", row: 4, child: "C3", mutate: (t) => ep(t, 4, { LS: "J2" }) },
  { rule: "398", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { HOME_POST: "NE1 4ST" }) },
  { rule: "214", table: "episodes", row: 8, child: "C7", mutate: (t) => ep(t, 8, { URN: "SC999999", PLACE: "K2" }) },
  { rule: "213", table: "episodes", row: 11, child: "C8", mutate: (t) => ep(t, 11, { PLACE_PROVIDER: "PR1" }) },
  { rule: "526", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE_PROVIDER: "" }) },
  {
    rule: "527",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => ep(t, 4, { PLACE: "R2", PLACE_PROVIDER: "PR1", URN: "" }),
  },
  {
    rule: "528",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => ep(t, 4, { PLACE: "R2", PLACE_PROVIDER: "PR2", URN: "" }),
  },
  { rule: "529", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE_PROVIDER: "PR3" }) },
  {
    rule: "530",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => ep(t, 4, { PLACE: "P1", LS: "C2", PLACE_PROVIDER: "PR4", URN: "" }),
  },
  {
    rule: "531",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => ep(t, 4, { PLACE: "P1", LS: "C2", PLACE_PROVIDER: "PR5", URN: "" }),
  },
  { rule: "550", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE_PROVIDER: "PR0" }) },
  { rule: "218", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { URN: "" }) },
  {
    rule: "222",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => set(t, "episodes", 4, { PLACE: "R1", URN: "SC200001" }) && undefined,
  },
  { rule: "242", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { URN: "XXXXXXX" }) },
  { rule: "392c", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PL_POST: "CT1 ZZZ" }) },
  {
    rule: "372",
    table: "episodes",
    row: 3,
    child: "C2",
    mutate: (t) => {
      ep(t, 3, { PLACE: "R5", PLACE_PROVIDER: "PR3", URN: "" });
    },
  },
  {
    rule: "373",
    table: "episodes",
    row: 3,
    child: "C2",
    mutate: (t) => {
      ep(t, 3, { PLACE: "S1" });
    },
  },
  {
    rule: "374",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) =>
      ep(t, 4, { DECOM: "15/04/2025", PLACE: "P3", URN: "", PLACE_PROVIDER: "PR4" }) &&
      hd(t, 2, { DOB: "01/08/2012" }) &&
      undefined,
  },
  { rule: "371", table: "episodes", row: 7, child: "C6", mutate: (t) => ep(t, 7, { PLACE: "K3" }) },
  {
    rule: "375",
    table: "episodes",
    row: 11,
    child: "C8",
    mutate: (t) => {
      ep(t, 11, { PLACE: "T1", DEC: "15/09/2025" });
      ep(t, 12, { DECOM: "15/09/2025" });
    },
  },
  {
    rule: "376",
    table: "episodes",
    row: 11,
    child: "C8",
    mutate: (t) => {
      ep(t, 11, { DEC: "25/08/2025" });
      ep(t, 12, { DECOM: "25/08/2025" });
    },
  },
  {
    rule: "379",
    table: "episodes",
    row: 11,
    child: "C8",
    mutate: (t) => {
      ep(t, 11, { PLACE: "T4" });
      ep(t, 11, { DEC: "10/08/2025" });
      ep(t, 10, { DEC: "01/08/2025" });
      ep(t, 11, { DECOM: "01/08/2025" });
      ep(t, 11, { DEC: "09/08/2025" });
      ep(t, 12, { DECOM: "09/08/2025" });
    },
  },
  {
    rule: "358",
    table: "episodes",
    row: 2,
    child: "C2",
    mutate: (t) => {
      ep(t, 2, { LS: "J1" });
    },
  },
  { rule: "352", table: "episodes", row: 4, child: "C3", mutate: (t) => hd(t, 2, { DOB: "01/08/2006" }) && undefined },
  {
    rule: "359",
    table: "episodes",
    row: 7,
    child: "C6",
    mutate: (t) => {
      hd(t, 5, { DOB: "01/01/2007" });
      ep(t, 7, { PLACE: "U6", PLACE_PROVIDER: "PR4" });
      set(t, "uasc", 0, { DOB: "01/01/2007", DUC: "01/01/2025" });
      set(t, "reviews", 5, { DOB: "01/01/2007" });
      set(t, "missing", 1, { DOB: "01/01/2007" });
    },
  },
  {
    rule: "302",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => {
      hd(t, 2, { DOB: "01/05/2025" });
    },
  },
  {
    rule: "234",
    table: "episodes",
    row: 0,
    child: "C1",
    mutate: (t) => {
      ep(t, 0, { REASON_PLACE_CHANGE: "CUSTOD" });
      hd(t, 0, { DOB: "15/06/2016", MOTHER: "" });
    },
  },
  { rule: "386", table: "episodes", row: 6, child: "C5", mutate: (t) => hd(t, 4, { DOB: "01/03/2007" }) && undefined },
  {
    rule: "407",
    table: "episodes",
    row: 5,
    child: "C4",
    mutate: (t) => {
      ep(t, 5, { REC: "E47", DEC: "02/07/2025" });
    },
  },
  { rule: "460", table: "episodes", row: 5, child: "C4", mutate: (t) => ep(t, 5, { DEC: "30/06/2025" }) },
  {
    rule: "387",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => {
      ep(t, 4, { REC: "E5" });
      hd(t, 2, { DOB: "01/08/2012" });
    },
  },
  {
    rule: "389",
    table: "episodes",
    row: 4,
    child: "C3",
    mutate: (t) => {
      ep(t, 4, { REC: "E7" });
      hd(t, 2, { DOB: "01/08/2012" });
    },
  },
  {
    rule: "377",
    table: "episodes",
    row: 11,
    child: "C8",
    more: [13, 15],
    mutate: (t) => {
      // Three holiday placements in the year: two more round trips after the first.
      const back = at(t.episodes, 12);
      ep(t, 12, { DEC: "01/10/2025", REC: "X1" });
      t.episodes.push(
        { ...at(t.episodes, 11), DECOM: "01/10/2025", DEC: "05/10/2025" },
        { ...back, DECOM: "05/10/2025", DEC: "01/11/2025", REC: "X1" },
        { ...at(t.episodes, 11), DECOM: "01/11/2025", DEC: "05/11/2025" },
        { ...back, DECOM: "05/11/2025", DEC: "", REC: "" },
      );
    },
  },

  // Reviews
  { rule: "166", table: "reviews", row: 3, child: "C3", mutate: (t) => rv(t, 3, { REVIEW: "", REVIEW_CODE: "" }) },
  { rule: "167", table: "reviews", row: 3, child: "C3", mutate: (t) => rv(t, 3, { REVIEW_CODE: "PN9" }) },
  { rule: "440", table: "reviews", row: 4, child: "C5", mutate: (t) => rv(t, 4, { REVIEW_CODE: "PN0" }) },
  { rule: "441", table: "reviews", row: 2, child: "C2", mutate: (t) => rv(t, 2, { REVIEW_CODE: "PN1" }) },
  {
    rule: "399",
    table: "reviews",
    row: 7,
    child: "C7",
    mutate: (t) =>
      t.reviews.push(
        blankRow(t, "reviews", 3, { CHILD: "C7", DOB: "01/01/2016", REVIEW: "06/05/2025", REVIEW_CODE: "PN1" }),
      ) && undefined,
  },
  { rule: "REV01", table: "reviews", row: 3, child: "C3", mutate: (t) => rv(t, 3, { REVIEW: "01/04/2025" }) },
  { rule: "INT17", table: "reviews", row: 3, child: "C3", mutate: (t) => rv(t, 3, { DOB: "02/08/2009" }) },

  // OC2
  { rule: "180", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { SDQ_SCORE: "41" }) },
  { rule: "181", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { TEETH_CHECK: "Y" }) },
  {
    rule: "182",
    table: "oc2",
    row: 2,
    child: "C8",
    mutate: (t) =>
      o2(t, 2, {
        TEETH_CHECK: "",
        HEALTH_ASSESSMENT: "",
        IMMUNISATIONS: "",
        SUBSTANCE_MISUSE: "",
        INTERVENTION_RECEIVED: "",
        INTERVENTION_OFFERED: "",
      }),
  },
  { rule: "196", table: "oc2", row: 2, child: "C8", mutate: (t) => o2(t, 2, { SDQ_SCORE: "", SDQ_REASON: "SDQ9" }) },
  { rule: "197a", table: "oc2", row: 2, child: "C8", mutate: (t) => o2(t, 2, { SDQ_REASON: "SDQ2" }) },
  { rule: "158", table: "oc2", row: 2, child: "C8", mutate: (t) => o2(t, 2, { INTERVENTION_RECEIVED: "1" }) },
  { rule: "159", table: "oc2", row: 2, child: "C8", mutate: (t) => o2(t, 2, { INTERVENTION_OFFERED: "" }) },
  {
    rule: "192",
    table: "oc2",
    row: 2,
    child: "C8",
    mutate: (t) => o2(t, 2, { INTERVENTION_RECEIVED: "", INTERVENTION_OFFERED: "" }),
  },
  { rule: "193", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { INTERVENTION_OFFERED: "1" }) },
  { rule: "544", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { CONVICTED: "1", TEETH_CHECK: "" }) },
  { rule: "547", table: "oc2", row: 1, child: "C2", mutate: (t) => o2(t, 1, { TEETH_CHECK: "" }) },
  { rule: "188", table: "oc2", row: 1, child: "C2", mutate: (t) => o2(t, 1, { SDQ_REASON: "SDQ1" }) },
  {
    rule: "189",
    table: "oc2",
    row: 0,
    child: "C1",
    mutate: (t) => {
      o2(t, 0, { DOB: "15/06/2007" });
      hd(t, 0, { DOB: "15/06/2007" });
      for (const i of [0, 1]) rv(t, i, { DOB: "15/06/2007" });
      ms(t, 0, { DOB: "15/06/2007" });
      sw(t, 0, { DOB: "15/06/2007" });
    },
  },
  { rule: "542", table: "oc2", row: 1, child: "C2", mutate: (t) => o2(t, 1, { CONVICTED: "0" }) },
  {
    rule: "185",
    table: "oc2",
    row: 3,
    child: "C6",
    mutate: (t) =>
      t.oc2.push(
        blankRow(t, "oc2", 0, {
          CHILD: "C6",
          DOB: "01/09/2009",
          CONVICTED: "",
          IMMUNISATIONS: "",
          TEETH_CHECK: "",
          HEALTH_ASSESSMENT: "",
          SUBSTANCE_MISUSE: "",
        }),
      ) && undefined,
  },
  {
    rule: "198",
    table: "oc2",
    row: 3,
    child: "C6",
    mutate: (t) =>
      t.oc2.push(
        blankRow(t, "oc2", 0, {
          CHILD: "C6",
          DOB: "01/09/2009",
          SDQ_SCORE: "",
          SDQ_REASON: "SDQ2",
          CONVICTED: "",
          IMMUNISATIONS: "",
          TEETH_CHECK: "",
          HEALTH_ASSESSMENT: "",
          SUBSTANCE_MISUSE: "",
        }),
      ) && undefined,
  },
  {
    rule: "190",
    table: "oc2",
    row: 3,
    child: "C6",
    mutate: (t) => t.oc2.push(blankRow(t, "oc2", 0, { CHILD: "C6", DOB: "01/09/2009", SDQ_SCORE: "" })) && undefined,
  },
  { rule: "186", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { SDQ_SCORE: "" }) },
  {
    rule: "197B",
    table: "oc2",
    row: 1,
    child: "C2",
    mutate: (t) => {
      for (const [tb, i] of [
        ["oc2", 1],
        ["header", 1],
        ["reviews", 2],
        ["sw_episodes", 1],
      ] as const)
        set(t, tb, i, { DOB: "10/02/2022" });
      rv(t, 2, { REVIEW_CODE: "PN0" });
      o2(t, 1, { SDQ_SCORE: "" });
    },
  },
  { rule: "157", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { SDQ_SCORE: "", SDQ_REASON: "SDQ1" }) },
  { rule: "543", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { CONVICTED: "" }) },
  { rule: "545", table: "oc2", row: 1, child: "C2", mutate: (t) => o2(t, 1, { HEALTH_CHECK: "" }) },
  { rule: "546", table: "oc2", row: 0, child: "C1", mutate: (t) => o2(t, 0, { HEALTH_CHECK: "1" }) },
  {
    rule: "191",
    table: "oc2",
    row: 0,
    child: "C1",
    mutate: (t) =>
      o2(t, 0, { TEETH_CHECK: "", IMMUNISATIONS: "", HEALTH_ASSESSMENT: "", SUBSTANCE_MISUSE: "", CONVICTED: "" }),
  },

  // OC3
  { rule: "131", table: "oc3", row: 0, child: "C4", mutate: (t) => o3(t, 0, { IN_TOUCH: "Y" }) },
  { rule: "132", table: "oc3", row: 0, child: "C4", mutate: (t) => o3(t, 0, { ACTIV: "F9" }) },
  { rule: "133", table: "oc3", row: 0, child: "C4", mutate: (t) => o3(t, 0, { ACCOM: "Q1" }) },
  {
    rule: "153",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (t) => {
      t.oc3.push(blankRow(t, "oc3", 0, {}));
      o3(t, 1, { CHILD: "C9" });
      o3(t, 0, {});
      t.oc3.splice(1, 1);
      set(t, "oc3", 0, { IN_TOUCH: "NREQ", ACTIV: "", ACCOM: "" });
    },
  },
  { rule: "344", table: "oc3", row: 0, child: "C4", mutate: (t) => o3(t, 0, { IN_TOUCH: "RHOM" }) },
  { rule: "345", table: "oc3", row: 0, child: "C4", mutate: (t) => o3(t, 0, { ACTIV: "0" }) },
  {
    rule: "391",
    table: "oc3",
    row: 1,
    child: "C3",
    mutate: (t) => t.oc3.push(blankRow(t, "oc3", 0, { CHILD: "C3", DOB: "01/08/2009" })) && undefined,
  },
  {
    rule: "3001",
    table: "oc3",
    row: 1,
    child: "C3",
    mutate: (t) => {
      hd(t, 2, { DOB: "01/08/2008" });
      rv(t, 3, { DOB: "01/08/2008" });
      t.oc3.push(blankRow(t, "oc3", 0, { CHILD: "C3", DOB: "01/08/2008", ACCOM: "Z1" }));
      sw(t, 2, { DOB: "01/08/2008" });
      pp(t, 0, { DOB: "01/08/2008" });
    },
  },
  { rule: "1000", table: "oc3", row: 0, child: "C4", mutate: (t) => ep(t, 5, { REC: "E2" }) },
  { rule: "1011", table: "oc3", row: 0, child: "C4", mutate: (t) => ep(t, 5, { REC: "E3" }) },
  {
    rule: "1007",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (t) => {
      hd(t, 3, { DOB: "01/07/2008" });
      o3(t, 0, { DOB: "01/07/2008" });
      sw(t, 3, { DOB: "01/07/2008", SW_DEC: "" });
      ep(t, 5, { DEC: "", REC: "" });
    },
  },
  {
    rule: "215",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (t) =>
      t.oc2.push(
        blankRow(t, "oc2", 0, {
          CHILD: "C4",
          DOB: "01/07/2007",
          SDQ_SCORE: "",
          CONVICTED: "",
          IMMUNISATIONS: "1",
          TEETH_CHECK: "",
          HEALTH_ASSESSMENT: "",
          SUBSTANCE_MISUSE: "",
        }),
      ) && undefined,
  },

  // AD1
  { rule: "112", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { DATE_INT: "15/7/2024" }) },
  { rule: "113", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { DATE_MATCH: "2024-11-01" }) },
  { rule: "114", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { FOSTER_CARE: "Y" }) },
  { rule: "175", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { NB_ADOPTR: "3" }) },
  { rule: "176", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { SEX_ADOPTR: "XY" }) },
  { rule: "177", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { LS_ADOPTR: "L9" }) },
  {
    rule: "151",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => {
      a1(t, 0, { NB_ADOPTR: "" });
    },
  },
  { rule: "333", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { DATE_MATCH: "14/07/2024" }) },
  {
    rule: "511",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => a1(t, 0, { SEX_ADOPTR: "F1", LS_ADOPTR: "L12" }) && undefined,
  },
  { rule: "514", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { LS_ADOPTR: "L0", NB_ADOPTR: "1" }) },
  { rule: "517", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { LS_ADOPTR: "L3", SEX_ADOPTR: "FF" }) },
  { rule: "518", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { LS_ADOPTR: "L4" }) },
  {
    rule: "519",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => a1(t, 0, { LS_ADOPTR: "L2", SEX_ADOPTR: "M1", NB_ADOPTR: "1" }),
  },
  { rule: "520", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { SEX_ADOPTR: "FF" }) },
  { rule: "524", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { LS_ADOPTR: "L12" }) },
  {
    rule: "601",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => {
      a1(t, 0, { DATE_INT: "", DATE_MATCH: "", FOSTER_CARE: "", NB_ADOPTR: "", SEX_ADOPTR: "", LS_ADOPTR: "" });
    },
  },
  {
    rule: "602",
    table: "ad1",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.ad1.push(
        blankRow(t, "ad1", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_INT: "",
          DATE_MATCH: "",
          FOSTER_CARE: "1",
          NB_ADOPTR: "",
          SEX_ADOPTR: "",
          LS_ADOPTR: "",
        }),
      ) && undefined,
  },
  { rule: "331", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { DATE_MATCH: "02/12/2024" }) },
  {
    rule: "521",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => {
      a1(t, 0, { DATE_INT: "02/12/2024", DATE_MATCH: "02/12/2024" });
      pa(t, 0, { DATE_PLACED: "01/12/2024" });
    },
  },
  {
    rule: "334",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => {
      ep(t, 6, { RNE: "S" });
    },
  },
  { rule: "335", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { FOSTER_CARE: "0" }) },
  { rule: "523", table: "ad1", row: 0, child: "C5", mutate: (t) => a1(t, 0, { DATE_INT: "16/07/2024" }) },
  {
    rule: "525",
    table: "ad1",
    row: 0,
    child: "C5",
    mutate: (t) => pa(t, 0, { DATE_PLACED_CEASED: "10/01/2026", REASON_PLACED_CEASED: "RD1" }),
  },

  // Decisions to place for adoption
  {
    rule: "115",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) => pa(t, 0, { DATE_PLACED: "15.07.2024" }),
  },
  {
    rule: "116",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) => pa(t, 0, { DATE_PLACED_CEASED: "31/11/2025", REASON_PLACED_CEASED: "RD1" }),
  },
  {
    rule: "119",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) => pa(t, 0, { REASON_PLACED_CEASED: "RD1" }),
  },
  {
    rule: "120",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "01/05/2025",
          DATE_PLACED_CEASED: "01/06/2025",
          REASON_PLACED_CEASED: "RD9",
        }),
      ) && undefined,
  },
  {
    rule: "522",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "01/06/2025",
          DATE_PLACED_CEASED: "01/05/2025",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "563",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "",
          DATE_PLACED_CEASED: "01/05/2025",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "184",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "01/01/2013",
          DATE_PLACED_CEASED: "01/05/2025",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "579",
    table: "placed_for_adoption",
    row: 1,
    child: "C5",
    mutate: (t) =>
      t.placed_for_adoption.push(blankRow(t, "placed_for_adoption", 0, { DATE_PLACED: "20/07/2024" })) && undefined,
  },
  {
    rule: "117",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "01/05/2025",
          DATE_PLACED_CEASED: "01/04/2026",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "118",
    table: "placed_for_adoption",
    row: 1,
    child: "C8",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C8",
          DOB: "01/01/2014",
          DATE_PLACED: "01/05/2024",
          DATE_PLACED_CEASED: "01/06/2024",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "1003",
    table: "placed_for_adoption",
    row: 1,
    child: "C3",
    mutate: (t) =>
      t.placed_for_adoption.push(
        blankRow(t, "placed_for_adoption", 0, {
          CHILD: "C3",
          DOB: "01/08/2009",
          DATE_PLACED: "01/04/2025",
          DATE_PLACED_CEASED: "01/06/2025",
          REASON_PLACED_CEASED: "RD1",
        }),
      ) && undefined,
  },
  {
    rule: "552",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) => {
      pa(t, 0, { DATE_PLACED: "02/12/2024" });
      a1(t, 0, { DATE_INT: "02/12/2024", DATE_MATCH: "02/12/2024" });
      ep(t, 6, { LS: "C2", PLACE: "A3" });
    },
  },
  {
    rule: "554",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) => {
      pa(t, 0, { DATE_PLACED: "01/12/2024" });
      a1(t, 0, { DATE_INT: "01/12/2024", DATE_MATCH: "01/12/2024" });
      ep(t, 6, { RNE: "L", LS: "E1" });
      ep(t, 6, { DECOM: "01/12/2024" });
      set(t, "episodes", 6, { DECOM: "30/11/2024", PLACE: "A3" });
      pa(t, 0, {});
    },
  },
  {
    rule: "558",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (t) =>
      pa(t, 0, { DATE_PLACED_CEASED: "15/01/2026", REASON_PLACED_CEASED: "RD1" }) && a1(t, 0, {}) && undefined,
  },
  {
    rule: "551",
    table: "episodes",
    row: 6,
    child: "C5",
    mutate: (t) => {
      pa(t, 0, { CHILD: "C9" });
      ep(t, 6, { LS: "C2" });
      ep(t, 6, { PLACE: "A3", LS: "C2" });
      t.ad1.splice(0, 1);
    },
  },
  {
    rule: "553",
    table: "episodes",
    row: 6,
    child: "C5",
    mutate: (t) => {
      t.placed_for_adoption.splice(0, 1);
    },
  },
  {
    rule: "557",
    table: "episodes",
    row: 6,
    child: "C5",
    mutate: (t) => {
      ep(t, 6, { REC: "E13" });
      t.ad1.splice(0, 1);
    },
  },

  // Previous permanence
  { rule: "631", table: "previous_permanence", row: 0, child: "C3", mutate: (t) => pp(t, 0, { PREV_PERM: "P9" }) },
  {
    rule: "633",
    table: "previous_permanence",
    row: 0,
    child: "C3",
    mutate: (t) => pp(t, 0, { PREV_PERM: "P1", LA_PERM: "123", DATE_PERM: "01/01/2020" }),
  },
  {
    rule: "635",
    table: "previous_permanence",
    row: 0,
    child: "C3",
    mutate: (t) => {
      pp(t, 0, { PREV_PERM: "", LA_PERM: "800" });
    },
  },
  {
    rule: "632",
    table: "previous_permanence",
    row: 0,
    child: "C3",
    mutate: (t) => pp(t, 0, { PREV_PERM: "P1", LA_PERM: "800", DATE_PERM: "01/05/2025" }),
  },
  {
    rule: "634",
    table: "previous_permanence",
    row: 3,
    child: "C4",
    mutate: (t) =>
      t.previous_permanence.push(blankRow(t, "previous_permanence", 0, { CHILD: "C4", DOB: "01/07/2007" })) &&
      undefined,
  },
  {
    rule: "630",
    table: "episodes",
    row: 7,
    child: "C6",
    mutate: (t) => t.previous_permanence.splice(1, 1) && undefined,
  },

  // Missing
  { rule: "1004", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MIS_START: "3/10/2025" }) },
  { rule: "1005", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MIS_END: "32/10/2025" }) },
  { rule: "1006", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MISSING: "X" }) },
  { rule: "564", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MIS_START: "", MIS_END: "" }) },
  { rule: "565", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MISSING: "", MIS_END: "" }) },
  {
    rule: "566",
    table: "missing",
    row: 0,
    child: "C1",
    mutate: (t) => {
      ms(t, 0, { MISSING: "" });
    },
  },
  { rule: "567", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MIS_END: "02/10/2025" }) },
  {
    rule: "570",
    table: "missing",
    row: 0,
    child: "C1",
    mutate: (t) => ms(t, 0, { MIS_START: "01/04/2026", MIS_END: "" }),
  },
  { rule: "571", table: "missing", row: 0, child: "C1", mutate: (t) => ms(t, 0, { MIS_END: "01/04/2026" }) },
  {
    rule: "586",
    table: "missing",
    row: 2,
    child: "C2",
    mutate: (t) =>
      t.missing.push(
        blankRow(t, "missing", 0, { CHILD: "C2", DOB: "10/02/2023", MIS_START: "10/02/2023", MIS_END: "11/02/2023" }),
      ) && undefined,
  },
  {
    rule: "574",
    table: "missing",
    row: 2,
    child: "C1",
    mutate: (t) =>
      t.missing.push(blankRow(t, "missing", 0, { MIS_START: "04/10/2025", MIS_END: "06/10/2025" })) && undefined,
  },
  {
    rule: "575",
    table: "missing",
    row: 2,
    child: "C3",
    mutate: (t) =>
      t.missing.push(
        blankRow(t, "missing", 0, { CHILD: "C3", DOB: "01/08/2009", MIS_START: "01/12/2025", MIS_END: "" }),
      ) && undefined,
  },
  {
    rule: "578",
    table: "missing",
    row: 2,
    child: "C3",
    mutate: (t) =>
      t.missing.push(
        blankRow(t, "missing", 0, { CHILD: "C3", DOB: "01/08/2009", MIS_START: "21/12/2025", MIS_END: "22/12/2025" }),
      ) && undefined,
  },
  {
    rule: "577",
    table: "missing",
    row: 2,
    child: "C3",
    mutate: (t) =>
      t.missing.push(
        blankRow(t, "missing", 0, { CHILD: "C3", DOB: "01/08/2009", MIS_START: "19/12/2025", MIS_END: "22/12/2025" }),
      ) && undefined,
  },

  // Social worker spells
  { rule: "SW02STG1", table: "sw_episodes", row: 1, child: "C2", mutate: (t) => sw(t, 1, { SW_ID: "AB0003" }) },
  { rule: "SW04STG1", table: "sw_episodes", row: 2, child: "C3", mutate: (t) => sw(t, 2, { SW_DECOM: "15/04/25" }) },
  { rule: "SW05STG1", table: "sw_episodes", row: 2, child: "C3", mutate: (t) => sw(t, 2, { SW_DEC: "20-12-2025" }) },
  { rule: "SW18STG2", table: "sw_episodes", row: 2, child: "C3", mutate: (t) => sw(t, 2, { SW_DEC: "14/04/2025" }) },
  { rule: "SW09STG2", table: "sw_episodes", row: 2, child: "C3", mutate: (t) => sw(t, 2, { SW_DEC: "16/04/2025" }) },
  {
    rule: "SW13STG1",
    table: "sw_episodes",
    row: 7,
    child: "C3",
    mutate: (t) => {
      sw(t, 2, { SW_DEC: "01/06/2025" });
      t.sw_episodes.push(
        blankRow(t, "sw_episodes", 2, { SW_ID: "SW0009", SW_DECOM: "01/06/2025", SW_DEC: "20/12/2025", SW_REASON: "" }),
      );
    },
  },
  {
    rule: "SW19STG2",
    table: "sw_episodes",
    row: 7,
    child: "C6",
    mutate: (t) => t.sw_episodes.push(blankRow(t, "sw_episodes", 5, { SW_ID: "SW0010" })) && undefined,
  },
  {
    rule: "SW10aSTG2",
    table: "sw_episodes",
    row: 7,
    child: "C3",
    mutate: (t) => {
      sw(t, 2, { SW_DEC: "01/06/2025" });
      t.sw_episodes.push(
        blankRow(t, "sw_episodes", 2, {
          SW_ID: "SW0009",
          SW_DECOM: "01/07/2025",
          SW_DEC: "20/12/2025",
          SW_REASON: "LEFTRL",
        }),
      );
    },
  },
  {
    rule: "SW10bSTG2",
    table: "sw_episodes",
    row: 7,
    child: "C3",
    mutate: (t) => {
      sw(t, 2, { SW_DEC: "01/06/2025" });
      t.sw_episodes.push(
        blankRow(t, "sw_episodes", 2, {
          SW_ID: "SW0009",
          SW_DECOM: "01/06/2025",
          SW_DEC: "20/12/2025",
          SW_REASON: "FCONTA",
        }),
      );
    },
  },
  { rule: "SW17STG2", table: "sw_episodes", row: 5, child: "C6", mutate: (t) => sw(t, 5, { SW_DEC: "01/03/2026" }) },
  { rule: "SW01STG1", table: "episodes", row: 7, child: "C6", mutate: (t) => t.sw_episodes.splice(5, 1) && undefined },
  { rule: "SW12STG2", table: "episodes", row: 12, child: "C8", mutate: (t) => sw(t, 6, { SW_DECOM: "01/05/2025" }) },

  // UASC
  { rule: "304", table: "uasc", row: 0, child: "C6", mutate: (t) => set(t, "uasc", 0, { DUC: "02/09/2027" }) },
  { rule: "INT18", table: "uasc", row: 0, child: "C6", mutate: (t) => set(t, "uasc", 0, { DOB: "02/09/2009" }) },
  { rule: "INT21", table: "uasc", row: 0, child: "C6", mutate: (t) => set(t, "uasc", 0, { SEX: "F" }) },
  { rule: "UASC01", table: "uasc", row: 0, child: "C6", mutate: (t) => set(t, "uasc", 0, { DUC: "1/9/2027" }) },

  // Across tables
  {
    rule: "187",
    table: "oc3",
    row: 1,
    child: "C1",
    mutate: (t) => t.oc3.push(blankRow(t, "oc3", 0, { CHILD: "C1", DOB: "15/06/2008" })) && undefined,
  },
  {
    rule: "134",
    table: "ad1",
    row: 1,
    child: "C4",
    mutate: (t) =>
      t.ad1.push(
        blankRow(t, "ad1", 0, {
          CHILD: "C4",
          DOB: "01/07/2007",
          DATE_INT: "",
          DATE_MATCH: "",
          FOSTER_CARE: "1",
          NB_ADOPTR: "",
          SEX_ADOPTR: "",
          LS_ADOPTR: "",
        }),
      ) && undefined,
  },
  {
    rule: "1012",
    table: "missing",
    row: 2,
    child: "C9",
    mutate: (t) => t.missing.push(blankRow(t, "missing", 0, { CHILD: "C9" })) && undefined,
  },
];

// Rules comparing with last year's return: the planted error is in this year's tables unless said.
const PREVIOUS_CASES: Case[] = [
  { rule: "202", table: "header", row: 0, child: "C1", mutate: (_t, p) => hd(p, 0, { SEX: "U" }) },
  { rule: "203", table: "header", row: 0, child: "C1", mutate: (_t, p) => hd(p, 0, { DOB: "16/06/2010" }) },
  { rule: "204", table: "header", row: 0, child: "C1", mutate: (_t, p) => hd(p, 0, { ETHNIC: "WIRI" }) },
  {
    rule: "207",
    table: "header",
    row: 0,
    child: "C1",
    mutate: (_t, p) => hd(p, 0, { MOTHER: "1", MC_DOB: "01/01/2025" }),
  },
  { rule: "208", table: "header", row: 0, child: "C1", mutate: (_t, p) => hd(p, 0, { UPN: "A999999999999" }) },
  {
    rule: "624",
    table: "header",
    row: 0,
    child: "C1",
    mutate: (t, p) => {
      hd(p, 0, { MOTHER: "1", MC_DOB: "01/01/2025" });
      hd(t, 0, { MOTHER: "1", MC_DOB: "02/01/2025" });
    },
  },
  {
    rule: "502",
    table: "episodes",
    row: 2,
    child: "C2",
    mutate: (_t, p) => set(p, "episodes", 1, { DECOM: "21/03/2024" }),
  },
  { rule: "503A", table: "episodes", row: 2, child: "C2", mutate: (_t, p) => set(p, "episodes", 1, { RNE: "L" }) },
  { rule: "503B", table: "episodes", row: 2, child: "C2", mutate: (_t, p) => set(p, "episodes", 1, { LS: "C2" }) },
  { rule: "503C", table: "episodes", row: 2, child: "C2", mutate: (_t, p) => set(p, "episodes", 1, { CIN: "N2" }) },
  { rule: "503D", table: "episodes", row: 2, child: "C2", mutate: (_t, p) => set(p, "episodes", 1, { PLACE: "U5" }) },
  {
    rule: "503E",
    table: "episodes",
    row: 2,
    child: "C2",
    mutate: (_t, p) => set(p, "episodes", 1, { PLACE_PROVIDER: "PR2" }),
  },
  {
    rule: "503F",
    table: "episodes",
    row: 2,
    child: "C2",
    mutate: (_t, p) => set(p, "episodes", 1, { URN: "SC100009" }),
  },
  {
    rule: "NoE",
    table: "episodes",
    row: 5,
    child: "C4",
    mutate: (_t, p) => {
      p.episodes = p.episodes.filter((e) => e.CHILD !== "C4");
    },
  },
  {
    rule: "562",
    table: "episodes",
    row: 2,
    child: "C2",
    mutate: (_t, p) => {
      set(p, "episodes", 1, { DECOM: "19/03/2024", DEC: "01/03/2025", REC: "E4A" });
    },
  },
  {
    rule: "559",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (_t, p) => {
      p.placed_for_adoption = [];
    },
  },
  {
    rule: "560",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (_t, p) => pa(p, 0, { DATE_PLACED: "14/07/2024" }),
  },
  {
    rule: "561",
    table: "placed_for_adoption",
    row: 0,
    child: "C5",
    mutate: (_t, p) => pa(p, 0, { DATE_PLACED_CEASED: "01/01/2025", REASON_PLACED_CEASED: "RD1" }),
  },
  {
    rule: "576",
    table: "missing",
    row: 0,
    child: "C1",
    mutate: (_t, p) =>
      p.missing.push({ CHILD: "C1", DOB: "15/06/2010", MISSING: "M", MIS_START: "01/03/2025", MIS_END: "" }) &&
      undefined,
  },
  {
    rule: "348",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (_t, p) =>
      p.oc3.push({ CHILD: "C4", DOB: "01/07/2007", IN_TOUCH: "DIED", ACTIV: "", ACCOM: "" }) && undefined,
  },
  {
    rule: "1002",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (t, p) => {
      t.episodes.splice(5, 1);
      t.sw_episodes.splice(3, 1);
      p.episodes = p.episodes.filter((e) => e.CHILD !== "C4");
    },
  },
  {
    rule: "1010",
    table: "oc3",
    row: 0,
    child: "C4",
    mutate: (t) => {
      t.episodes.splice(5, 1);
      t.sw_episodes.splice(3, 1);
    },
  },
  {
    rule: "SW16bSTG2",
    table: "sw_episodes",
    row: 1,
    child: "C2",
    mutate: (_t, p) => set(p, "sw_episodes", 2, { SW_DECOM: "02/03/2024" }),
  },
];

const YEAR = FIXTURE_YEAR;

describe("the SSDA903 validator", () => {
  it("finds nothing wrong with a clean authority's return, with or without last year's", () => {
    for (const endYear of [2026, 2027]) {
      const year = collectionYear(endYear);
      expect(validateReturn(cleanReturn(endYear), year)).toEqual([]);
      expect(validateReturn(cleanReturn(endYear), year, { previous: previousReturn(endYear) })).toEqual([]);
    }
  });

  describe.each([
    ...CASES.map((c) => ({ ...c, previous: false })),
    ...PREVIOUS_CASES.map((c) => ({ ...c, previous: true })),
  ])("rule $rule", (c) => {
    it(`reports a planted error once, on ${c.child}'s ${c.table} row ${c.row}`, () => {
      const t = cleanReturn(YEAR.endYear);
      const prev = previousReturn(YEAR.endYear);
      c.mutate(t, prev);
      const problems = validateReturn(t, YEAR, c.previous ? { previous: prev } : {});
      const own = problems.filter((p) => p.rule === c.rule);
      const rows = [c.row, ...(c.more ?? [])];
      expect(own.map((p) => ({ table: p.table, row: p.row, child: p.child }))).toEqual(
        rows.map((row) => ({
          table: c.table,
          row,
          child: row === c.row ? c.child : (own.find((p) => p.row === row)?.child ?? ""),
        })),
      );
      expect(own.filter((p) => p.row === c.row).every((p) => p.child === c.child)).toBe(true);
      expect(own[0]?.message.length).toBeGreaterThan(10);
    });
  });

  it("has a planted error for every rule, and every rule's code is unique", () => {
    const tested = new Set([...CASES, ...PREVIOUS_CASES].map((c) => c.rule));
    const untested = RULES.map((r) => r.code).filter((code) => !tested.has(code));
    expect(untested).toEqual([]);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  });

  it("runs last-year rules only when last year's return is given", () => {
    const t = cleanReturn(YEAR.endYear);
    hd(t, 0, { ETHNIC: "WIRI" });
    expect(validateReturn(t, YEAR).some((p) => p.rule === "204")).toBe(false);
  });

  it("says each rule's problem in words a practitioner can act on", () => {
    for (const r of RULES) {
      expect(r.message).not.toMatch(/\b(DECOM|DEC|REC|RNE|LS|PLACE_PROVIDER|MC_DOB|SW_DECOM)\b/);
      expect(r.tables).toContain(r.table);
    }
  });

  // Its time is measured by `npm run bench`, never here: this proves the clean authority stays clean at scale.
  it("finds no problems in a clean authority of 5,000 children", () => {
    const t = cleanReturn(YEAR.endYear, 625);
    expect(t.header.length).toBe(5000);
    const previous = previousReturn(YEAR.endYear);
    const problems = validateReturn(t, YEAR, { previous });
    expect(
      problems.filter((p) => !["502", "503A", "562", "NoE", "SW16bSTG2", "1010", "1002", "559"].includes(p.rule)),
    ).toEqual([]);
  });
});

describe("dates and ages as the Department counts them", () => {
  it("accepts only real dd/mm/yyyy dates", () => {
    expect(parseDate("29/02/2024")).toBe(day(29, 2, 2024));
    for (const bad of ["29/02/2025", "1/4/2025", "2025-04-01", "31/04/2025", "", "01/13/2025"])
      expect(parseDate(bad)).toBeNull();
  });
  it("counts age by birthdays, a 29 February birthday falling on 28 February", () => {
    expect(ageAt(day(15, 6, 2010), day(14, 6, 2022))).toBe(11);
    expect(ageAt(day(15, 6, 2010), day(15, 6, 2022))).toBe(12);
    expect(addYears(day(29, 2, 2012), 4)).toBe(day(28, 2, 2016) + 1);
    expect(addYears(day(29, 2, 2012), 1)).toBe(day(28, 2, 2013));
    expect(ageAt(day(29, 2, 2012), day(28, 2, 2013))).toBe(1);
  });
  it("checks postcodes for their format", () => {
    for (const ok of ["SW1A 1AA", "M1 1AE", "B1 1AA", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "w1a0ax"])
      expect(isPostcode(ok)).toBe(true);
    for (const bad of ["CT1 ZZZ", "12345", "SW1A", "QQ1 1AA"]) expect(isPostcode(bad)).toBe(false);
  });
});

describe("code sets for the year", () => {
  it("takes K3 and Z11 to Z14 from 2025/26, and retires H5, P2 and Z1", () => {
    const now = placeCodes(collectionYear(2026));
    const before = placeCodes(collectionYear(2025));
    for (const c of ["K3", "Z11", "Z14"]) expect([now.has(c), before.has(c)]).toEqual([true, false]);
    for (const c of ["H5", "P2", "Z1"]) expect([now.has(c), before.has(c)]).toEqual([false, true]);
    for (const c of Object.keys(PLACEMENT)) expect(now.has(c) || before.has(c)).toBe(true);
  });
  it("knows sex as M, F or U and every reason an episode ends", () => {
    expect(Object.keys(SEX)).toEqual(["M", "F", "U"]);
    const t = cleanReturn(2026);
    for (const rec of Object.keys(REASON_CEASED)) {
      ep(t, 4, { REC: rec });
      expect(validateReturn(t, YEAR).some((p) => p.rule === "149")).toBe(false);
    }
  });
  it("leaves out of 2024/25 the rules the Department added for 2025/26", () => {
    expect(rulesForYear(collectionYear(2025)).some((r) => r.code === "233")).toBe(false);
    expect(rulesForYear(collectionYear(2026)).some((r) => r.code === "233")).toBe(true);
  });
});
