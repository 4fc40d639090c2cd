// Validates an SSDA903 return against the Department for Education's rules before it is sent:
// every rule reads the tables through one index built per run, and each problem names its row.
import type { CollectionYear, Problem, Row, TableName, Tables } from "../tables";
import { buildCtx, type Rule } from "./core";
import { ADOPTION_RULES } from "./adoption";
import { CROSS_TABLE_RULES } from "./cross-table";
import { EPISODE_RULES } from "./episodes";
import { HEADER_RULES } from "./header";
import { MISSING_RULES } from "./missing";
import { OC2_RULES } from "./oc2";
import { OC3_RULES } from "./oc3";
import { PREVIOUS_RULES } from "./previous";
import { REVIEW_RULES } from "./reviews";
import { SW_RULES } from "./sw-episodes";
import { UASC_RULES } from "./uasc";

export type { Rule } from "./core";

export const RULES: readonly Rule[] = [
  ...HEADER_RULES,
  ...EPISODE_RULES,
  ...REVIEW_RULES,
  ...OC2_RULES,
  ...OC3_RULES,
  ...ADOPTION_RULES,
  ...MISSING_RULES,
  ...SW_RULES,
  ...UASC_RULES,
  ...CROSS_TABLE_RULES,
  ...PREVIOUS_RULES,
];

/** The rules that apply to a collection year (some were added or changed from 2025/26). */
export function rulesForYear(year: CollectionYear): Rule[] {
  return RULES.filter((r) => r.fromYear === undefined || year.endYear >= r.fromYear);
}

export function validateReturn(
  tables: Tables,
  year: CollectionYear,
  opts: { previous?: Partial<Tables>; laCode?: string } = {},
): Problem[] {
  const ctx = buildCtx(tables, year, opts.laCode, opts.previous);
  const problems: Problem[] = [];
  for (const r of rulesForYear(year)) {
    if (r.previous && !opts.previous) continue;
    const seen = new Set<string>();
    for (const hit of r.check(ctx)) {
      const table: TableName = typeof hit === "number" ? r.table : hit.table;
      const row = typeof hit === "number" ? hit : hit.row;
      const key = `${table}:${row}`;
      // A rule reports a row once, however many of its conditions the row breaks.
      if (seen.has(key)) continue;
      seen.add(key);
      const data = (tables[table] as Row<TableName>[])[row] as { CHILD: string } | undefined;
      problems.push({
        rule: r.code,
        table,
        child: data?.CHILD ?? "",
        row,
        fields: typeof hit === "number" || !hit.fields ? r.fields : hit.fields,
        message: r.message,
      });
    }
  }
  return problems;
}
