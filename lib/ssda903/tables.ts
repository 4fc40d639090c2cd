// The SSDA903 return's tables as the Department expects them: exact column sets in its order,
// every value a string ("" for null, dates as dd/mm/yyyy). The export builds these from the
// record, the validator checks them, and the CSV writer writes them, so all three agree.

export const TABLE_COLUMNS = {
  header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
  episodes: [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
  ],
  reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
  uasc: ["CHILD", "SEX", "DOB", "DUC"],
  oc2: [
    "CHILD",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
  ],
  oc3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
  ad1: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  placed_for_adoption: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  previous_permanence: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
  missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
  sw_episodes: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
  dolo: ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

export type Column<T extends TableName> = (typeof TABLE_COLUMNS)[T][number];
/** One row of a table: every column present, "" where the return leaves it blank. */
export type Row<T extends TableName> = Record<Column<T>, string>;
export type Tables = { [T in TableName]: Row<T>[] };

/** The collection year ending on 31 March of `endYear`: `2026` is 1 April 2025 to 31 March 2026. */
export type CollectionYear = { endYear: number; start: string; end: string };

export function collectionYear(endYear: number): CollectionYear {
  if (!Number.isInteger(endYear) || endYear < 2000 || endYear > 2100) throw new RangeError("A year such as 2026");
  return { endYear, start: `${endYear - 1}-04-01`, end: `${endYear}-03-31` };
}

/** The dolo table exists from the 2026/27 collection (year ending March 2027). */
export function tablesForYear(year: CollectionYear): TableName[] {
  return TABLE_NAMES.filter((t) => t !== "dolo" || year.endYear >= 2027);
}

export function emptyTables(): Tables {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Tables;
}

/** A problem the validator found: the Department's rule code, where it is, and what to do. */
export type Problem = {
  rule: string;
  table: TableName;
  /** The CHILD value of the row (the child's reference in the return). */
  child: string;
  /** Index of the row in its table, so a planted error is found on the right row. */
  row: number;
  fields: string[];
  message: string;
};
