// Rules on the episodes table alone: dates, codes for the year, the chain of episodes (no
// overlaps, continuations that join up), legal status and placement combinations, and providers.
import {
  ADOPTION_PLACEMENTS,
  CONTINUATION_RNE,
  FOSTER_PLACEMENTS,
  SHORT_BREAKS,
  TEMPORARY,
  addYears,
  blank,
  day,
  given,
  isPostcode,
  parseDate,
  rowRule,
  rule,
  seqRule,
  type Ctx,
  type Ep,
  type Rule,
} from "./core";
import {
  CEASED_CARE,
  CIN_CODES,
  LS_CODES,
  PROVIDER_CODES,
  REC_CODES,
  RNE_CODES,
  RPC_CODES,
  noProviderPlaces,
  noUrnPlaces,
  placeCodes,
} from "./codesets";

const PLACEMENT_FIELDS = ["PLACE", "PL_POST", "URN", "PLACE_PROVIDER"] as const;
const samePlacement = (a: Ep, b: Ep): boolean => PLACEMENT_FIELDS.every((f) => a.r[f] === b.r[f]);

/** Consecutive episodes that join into one spell of a legal status, for the legal-status time limits. */
function lsSpells(ctx: Ctx, ls: string, maxDays: number): number[] {
  const out: number[] = [];
  for (const list of ctx.eps.values()) {
    let spell: Ep[] = [];
    const close = () => {
      const first = spell[0];
      const last = spell[spell.length - 1];
      if (first && last && first.decom !== null) {
        const to = last.dec ?? ctx.end;
        if (to - first.decom > maxDays) for (const e of spell) out.push(e.i);
      }
      spell = [];
    };
    for (const e of list) {
      const prev = spell[spell.length - 1];
      if (e.r.LS !== ls || e.decom === null) {
        close();
        continue;
      }
      if (prev && (prev.dec === null || prev.dec !== e.decom)) close();
      spell.push(e);
    }
    close();
  }
  return out;
}

/** Age rule for a placement type: the child must have reached `years` when the episode started. */
function placeAge(code: string, message: string, place: string, years: number, fromYear?: number): Rule {
  return rowRule(
    code,
    message,
    "episodes",
    ["DECOM", "PLACE"],
    (r, ctx) => {
      if (r.PLACE !== place) return false;
      const dob = ctx.dob(r.CHILD);
      const decom = parseDate(r.DECOM);
      return dob !== null && decom !== null && decom < addYears(dob, years);
    },
    { tables: ["episodes", "header"], fromYear },
  );
}

/** Length rule for a temporary placement type: no longer than `days` days. */
function placeLength(code: string, message: string, place: string, days: number): Rule {
  return rowRule(code, message, "episodes", ["DECOM", "DEC", "PLACE"], (r) => {
    const decom = parseDate(r.DECOM);
    const dec = parseDate(r.DEC);
    return r.PLACE === place && decom !== null && dec !== null && dec - decom > days;
  });
}

/** Age rule for a reason the episode ceased, tested at the date it ceased. */
function ceasedAge(
  code: string,
  message: string,
  recs: string[],
  bad: (age18: boolean, dec: number, dob: number) => boolean,
): Rule {
  const set = new Set(recs);
  return rowRule(
    code,
    message,
    "episodes",
    ["DEC", "REC"],
    (r, ctx) => {
      if (!set.has(r.REC)) return false;
      const dob = ctx.dob(r.CHILD);
      const dec = parseDate(r.DEC);
      return dob !== null && dec !== null && bad(dec >= addYears(dob, 18), dec, dob);
    },
    { tables: ["episodes", "header"] },
  );
}

export const EPISODE_RULES: Rule[] = [
  // Dates
  rowRule(
    "141",
    "The date the episode started is missing or is not a real date (dd/mm/yyyy)",
    "episodes",
    ["DECOM"],
    (r) => parseDate(r.DECOM) === null,
  ),
  rowRule(
    "147",
    "The date the episode ended is not a real date (dd/mm/yyyy)",
    "episodes",
    ["DEC"],
    (r) => given(r.DEC) && parseDate(r.DEC) === null,
  ),
  rowRule(
    "148",
    "The date the episode ended and the reason it ended must both be given, or both left blank",
    "episodes",
    ["DEC", "REC"],
    (r) => blank(r.DEC) !== blank(r.REC),
  ),
  rowRule("356", "The episode ends before it starts", "episodes", ["DECOM", "DEC"], (r) => {
    const a = parseDate(r.DECOM);
    const b = parseDate(r.DEC);
    return a !== null && b !== null && b < a;
  }),
  rowRule(
    "355",
    "The episode starts and ends on the same day (less than 24 hours)",
    "episodes",
    ["DECOM", "DEC"],
    (r) => given(r.DECOM) && r.DECOM === r.DEC,
  ),
  rowRule("353", "No episode can start before 14 October 1991", "episodes", ["DECOM"], (r) => {
    const a = parseDate(r.DECOM);
    return a !== null && a < day(14, 10, 1991);
  }),
  rowRule("354", "The episode starts after the end of this collection year", "episodes", ["DECOM"], (r, ctx) => {
    const a = parseDate(r.DECOM);
    return a !== null && a > ctx.end;
  }),
  rowRule("385", "The episode ends after the end of this collection year", "episodes", ["DEC"], (r, ctx) => {
    const a = parseDate(r.DEC);
    return a !== null && a > ctx.end;
  }),

  // Codes valid for the year
  rowRule(
    "143",
    "The reason for the new episode is missing or not a valid code",
    "episodes",
    ["RNE"],
    (r) => !RNE_CODES.has(r.RNE),
  ),
  rowRule("144", "The legal status is missing or not a valid code", "episodes", ["LS"], (r) => !LS_CODES.has(r.LS)),
  rowRule(
    "145",
    "The category of need is missing or not a valid code",
    "episodes",
    ["CIN"],
    (r) => !CIN_CODES.has(r.CIN),
  ),
  rowRule(
    "146",
    "The placement type is missing or not a valid code for this collection year",
    "episodes",
    ["PLACE"],
    (r, ctx) => !placeCodes(ctx.year).has(r.PLACE),
  ),
  rowRule(
    "149",
    "The reason the episode ended is not a valid code",
    "episodes",
    ["REC"],
    (r) => given(r.REC) && !REC_CODES.has(r.REC),
  ),
  rowRule(
    "178",
    "The placement provider is not a valid code, or is given for a placement type that has no provider",
    "episodes",
    ["PLACE_PROVIDER", "PLACE"],
    (r, ctx) =>
      given(r.PLACE_PROVIDER) && (!PROVIDER_CODES.has(r.PLACE_PROVIDER) || noProviderPlaces(ctx.year).has(r.PLACE)),
  ),
  rowRule(
    "1009",
    "The reason for the placement change is not a valid code",
    "episodes",
    ["REASON_PLACE_CHANGE"],
    (r) => given(r.REASON_PLACE_CHANGE) && !RPC_CODES.has(r.REASON_PLACE_CHANGE),
  ),

  // The chain of episodes
  seqRule(
    "142",
    "A new episode has started but the episode before it has no end date or reason",
    ["DEC", "REC"],
    (e, _p, next) => next !== undefined && e.decom !== null && (blank(e.r.DEC) || blank(e.r.REC)),
  ),
  seqRule(
    "501",
    "This episode starts before the previous episode ended (the episodes overlap)",
    ["DECOM", "DEC"],
    (e, prev) => prev !== undefined && e.decom !== null && prev.dec !== null && e.decom < prev.dec,
  ),
  seqRule(
    "433",
    "The reason for the new episode says it continues the last one, but it does not start the day the last one ended",
    ["RNE", "DECOM"],
    (e, prev) =>
      prev !== undefined &&
      CONTINUATION_RNE.has(e.r.RNE) &&
      (prev.dec === null || e.decom === null || prev.dec !== e.decom),
  ),
  seqRule(
    "431",
    "The child is recorded as starting to be looked after, but the previous episode ended the same day or later",
    ["RNE", "DECOM"],
    (e, prev) => prev !== undefined && e.r.RNE === "S" && e.decom !== null && prev.dec !== null && e.decom <= prev.dec,
  ),
  seqRule(
    "432",
    "The child left care at the end of the previous episode, so this episode must be recorded as starting to be looked after",
    ["RNE"],
    (e, prev) => prev !== undefined && CEASED_CARE.has(prev.r.REC) && e.r.RNE !== "S",
  ),
  seqRule(
    "357",
    "The child's first episode must be recorded as starting to be looked after (check for a missing earlier episode)",
    ["RNE"],
    (e, prev, _n, ctx) => prev === undefined && e.decom !== null && e.decom >= ctx.start && e.r.RNE !== "S",
  ),
  seqRule(
    "388",
    "An episode that ends with 'new episode begins' needs a next episode starting the same day, and a next episode starting the same day needs that reason",
    ["REC"],
    (e, _p, next) => {
      if (e.dec === null) return false;
      if (!next) return e.r.REC === "X1";
      if (e.r.REC === "X1") return next.decom !== null && next.decom !== e.dec;
      return given(e.r.REC) && next.decom === e.dec;
    },
  ),
  seqRule(
    "434",
    "The reason for the new episode is a change of legal status only, but the legal status did not change or the placement did",
    ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    (e, prev) => prev !== undefined && e.r.RNE === "L" && (e.r.LS === prev.r.LS || !samePlacement(e, prev)),
  ),
  seqRule(
    "435",
    "The reason for the new episode is a change of placement only, but the legal status changed or the placement did not",
    ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    (e, prev) =>
      prev !== undefined && (e.r.RNE === "P" || e.r.RNE === "T") && (e.r.LS !== prev.r.LS || samePlacement(e, prev)),
  ),
  seqRule(
    "436",
    "The reason for the new episode is a change of both legal status and placement, but one of them did not change",
    ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    (e, prev) =>
      prev !== undefined && (e.r.RNE === "U" || e.r.RNE === "B") && (e.r.LS === prev.r.LS || samePlacement(e, prev)),
  ),
  seqRule(
    "437",
    "The child died or was assessed as 18 or over, but there are later episodes",
    ["REC"],
    (e, _p, next) => next !== undefined && e.decom !== null && (e.r.REC === "E2" || e.r.REC === "E15"),
  ),
  seqRule(
    "504",
    "The category of need differs from the one recorded at the start of this period of care",
    ["CIN"],
    (e, prev) =>
      prev !== undefined && prev.r.REC === "X1" && prev.dec !== null && prev.dec === e.decom && e.r.CIN !== prev.r.CIN,
  ),

  // Reason for a placement change: on the episode that ends with a change of placement, and only there
  seqRule(
    "225",
    "The reason for the placement change must be given on the episode that ended with a change of placement",
    ["REASON_PLACE_CHANGE"],
    (e, _p, next) =>
      next !== undefined &&
      e.r.REC === "X1" &&
      blank(e.r.REASON_PLACE_CHANGE) &&
      !TEMPORARY.has(e.r.PLACE) &&
      ["P", "B", "T", "U"].includes(next.r.RNE) &&
      !TEMPORARY.has(next.r.PLACE),
  ),
  seqRule(
    "226",
    "A reason for a placement change is not needed for a temporary placement or for the placement before it",
    ["REASON_PLACE_CHANGE", "PLACE"],
    (e, prev) =>
      TEMPORARY.has(e.r.PLACE) &&
      (given(e.r.REASON_PLACE_CHANGE) || (prev !== undefined && given(prev.r.REASON_PLACE_CHANGE))),
  ),
  rowRule(
    "233",
    "A reason for a placement change is not needed while the episode is still open",
    "episodes",
    ["REASON_PLACE_CHANGE", "DEC"],
    (r) => blank(r.DEC) && given(r.REASON_PLACE_CHANGE),
    { fromYear: 2026 },
  ),

  // Legal status and placement combinations
  rowRule(
    "378",
    "A child placed with parents cannot be looked after under a single period of section 20 accommodation",
    "episodes",
    ["PLACE", "LS"],
    (r) => r.PLACE === "P1" && r.LS === "V2",
  ),
  rowRule(
    "408",
    "The child is placed for adoption under a placement order, but no placement order is recorded as the legal status",
    "episodes",
    ["PLACE", "LS"],
    (r) => (r.PLACE === "A5" || r.PLACE === "A6") && r.LS !== "E1",
  ),
  rowRule(
    "380",
    "A period of care cannot start with a temporary placement",
    "episodes",
    ["PLACE", "RNE"],
    (r) => TEMPORARY.has(r.PLACE) && r.RNE !== "P" && r.RNE !== "B",
  ),
  rowRule(
    "381",
    "A period of care cannot end with a temporary placement",
    "episodes",
    ["PLACE", "REC"],
    (r) => TEMPORARY.has(r.PLACE) && given(r.REC) && r.REC !== "X1",
  ),
  rowRule(
    "382",
    "A child on short breaks cannot be in a temporary placement",
    "episodes",
    ["LS", "PLACE"],
    (r) => SHORT_BREAKS.has(r.LS) && TEMPORARY.has(r.PLACE),
  ),
  seqRule(
    "383",
    "After a temporary placement the child must return to the same placement as before it",
    ["PLACE", "RNE", "PL_POST"],
    (e, prev, _n, _c, list, k) => {
      const before = list[k - 2];
      return (
        prev !== undefined &&
        before !== undefined &&
        TEMPORARY.has(prev.r.PLACE) &&
        (e.r.RNE !== "P" || e.r.PLACE !== before.r.PLACE || e.r.PL_POST !== before.r.PL_POST)
      );
    },
  ),
  rowRule(
    "384",
    "A child on short breaks cannot be in a long-term foster placement",
    "episodes",
    ["PLACE", "LS"],
    (r) => SHORT_BREAKS.has(r.LS) && (r.PLACE === "U1" || r.PLACE === "U4"),
  ),
  rowRule(
    "390",
    "The child is recorded as adopted but was not placed for adoption in this episode",
    "episodes",
    ["PLACE", "REC"],
    (r) => (r.REC === "E11" || r.REC === "E12") && !ADOPTION_PLACEMENTS.has(r.PLACE),
  ),
  rowRule(
    "516",
    "Special guardianship by former foster carers needs a foster placement in this episode",
    "episodes",
    ["REC", "PLACE"],
    (r) => (r.REC === "E45" || r.REC === "E46") && !FOSTER_PLACEMENTS.has(r.PLACE),
  ),
  rowRule(
    "445",
    "A freeing order cannot be the legal status of an episode starting after December 2005",
    "episodes",
    ["LS", "DECOM"],
    (r) => {
      const a = parseDate(r.DECOM);
      return r.LS === "D1" && a !== null && a > day(31, 12, 2005);
    },
  ),
  rowRule(
    "446",
    "A placement order cannot be the legal status of an episode starting before December 2005",
    "episodes",
    ["LS", "DECOM"],
    (r) => {
      const a = parseDate(r.DECOM);
      return r.LS === "E1" && a !== null && a < day(1, 12, 2005);
    },
  ),
  rowRule(
    "451",
    "The child is still recorded as freed for adoption, but freeing orders ended in December 2005",
    "episodes",
    ["DEC", "REC", "LS"],
    (r) => r.LS === "D1" && blank(r.DEC) && blank(r.REC),
  ),
  rowRule(
    "217",
    "A child placed for adoption with their current foster carer must have a new episode reason of started, change of placement same carer, or change of status and placement same carer",
    "episodes",
    ["PLACE", "DECOM", "RNE"],
    (r) => {
      const a = parseDate(r.DECOM);
      return (
        (r.PLACE === "A3" || r.PLACE === "A5") && a !== null && a >= day(1, 4, 2015) && !["S", "T", "U"].includes(r.RNE)
      );
    },
  ),
  seqRule(
    "336",
    "The child was not in a foster placement immediately before being placed for adoption with consent",
    ["PLACE"],
    (e, prev) =>
      prev !== undefined &&
      (e.r.PLACE === "A3" || e.r.PLACE === "A4") &&
      !ADOPTION_PLACEMENTS.has(prev.r.PLACE) &&
      !FOSTER_PLACEMENTS.has(prev.r.PLACE),
  ),
  rule({
    code: "426",
    message:
      "A child on short breaks cannot be recorded under both short-break legal statuses (V3 and V4) in the same year",
    table: "episodes",
    fields: ["LS"],
    check: (ctx) => {
      const out: number[] = [];
      for (const list of ctx.eps.values()) {
        if (list.some((e) => e.r.LS === "V3") && list.some((e) => e.r.LS === "V4"))
          for (const e of list) if (SHORT_BREAKS.has(e.r.LS)) out.push(e.i);
      }
      return out;
    },
  }),

  // Short breaks and legal-status time limits
  rowRule(
    "366",
    "A child cannot change placement during a single short break",
    "episodes",
    ["RNE"],
    (r) => r.LS === "V3" && r.RNE !== "S",
  ),
  rowRule("365", "A single short break cannot last more than 17 days", "episodes", ["LS", "DECOM", "DEC"], (r, ctx) => {
    const a = parseDate(r.DECOM);
    const b = blank(r.DEC) ? ctx.end : parseDate(r.DEC);
    return r.LS === "V3" && a !== null && b !== null && b > a + 17;
  }),
  rule({
    code: "367",
    message: "Short breaks cannot add up to more than 75 days in the year",
    table: "episodes",
    fields: ["LS", "DECOM", "DEC"],
    check: (ctx) => {
      const out: number[] = [];
      for (const list of ctx.eps.values()) {
        let total = 0;
        const v3: number[] = [];
        for (const e of list) {
          if (e.r.LS !== "V3" || e.decom === null) continue;
          const from = Math.max(e.decom, ctx.start);
          const to = e.dec === null || e.dec > ctx.end ? ctx.end : e.dec;
          if (to - from > 0) {
            total += to - from;
            v3.push(e.i);
          }
        }
        if (total > 75) out.push(...v3);
      }
      return out;
    },
  }),
  rule({
    code: "361",
    message: "Police protection lasted longer than the 72 hours the Children Act allows",
    table: "episodes",
    fields: ["DECOM", "LS", "DEC"],
    check: (ctx) => lsSpells(ctx, "L1", 3),
  }),
  rule({
    code: "362",
    message: "An emergency protection order lasted longer than 21 days",
    table: "episodes",
    fields: ["DECOM", "LS", "DEC"],
    check: (ctx) => lsSpells(ctx, "L2", 21),
  }),
  rule({
    code: "363",
    message: "A child assessment order lasted longer than the 7 days the Children Act allows",
    table: "episodes",
    fields: ["DECOM", "LS", "DEC"],
    check: (ctx) => lsSpells(ctx, "L3", 7),
  }),
  rule({
    code: "364",
    message: "Detention under PACE lasted longer than the 21 days allowed in local authority accommodation",
    table: "episodes",
    fields: ["DECOM", "LS", "DEC"],
    check: (ctx) => lsSpells(ctx, "J2", 21),
  }),
  rowRule(
    "398",
    "Postcodes are not needed for a child on short breaks",
    "episodes",
    ["LS", "HOME_POST", "PL_POST"],
    (r) => SHORT_BREAKS.has(r.LS) && (given(r.HOME_POST) || given(r.PL_POST)),
  ),
  rowRule(
    "214",
    "The placement postcode and URN are not needed for a child on short breaks",
    "episodes",
    ["PL_POST", "URN"],
    (r) => SHORT_BREAKS.has(r.LS) && (given(r.PL_POST) || given(r.URN)),
  ),

  // Placement provider
  rowRule(
    "213",
    "No placement provider is needed for a temporary or other placement",
    "episodes",
    ["PLACE_PROVIDER"],
    (r, ctx) => noProviderPlaces(ctx.year).has(r.PLACE) && given(r.PLACE_PROVIDER),
  ),
  rowRule(
    "526",
    "The placement provider is missing for this placement type",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r, ctx) => !noProviderPlaces(ctx.year).has(r.PLACE) && blank(r.PLACE_PROVIDER),
  ),
  rowRule(
    "527",
    "Own-authority provision cannot be recorded for placement with parents, a health setting or a young offender institution",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) => ["P1", "R2", "R5"].includes(r.PLACE) && r.PLACE_PROVIDER === "PR1",
  ),
  rowRule(
    "528",
    "Another authority's provision cannot be recorded for placement with parents, a health setting or a young offender institution",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) => ["P1", "R2", "R5"].includes(r.PLACE) && r.PLACE_PROVIDER === "PR2",
  ),
  rowRule(
    "529",
    "Other public provision cannot be recorded for placement with parents, adoption, children's homes or foster care",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) =>
      r.PLACE_PROVIDER === "PR3" &&
      (r.PLACE === "P1" ||
        r.PLACE === "K1" ||
        r.PLACE === "K2" ||
        ADOPTION_PLACEMENTS.has(r.PLACE) ||
        FOSTER_PLACEMENTS.has(r.PLACE)),
  ),
  rowRule(
    "530",
    "Private provision cannot be recorded for placement with parents",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) => r.PLACE === "P1" && r.PLACE_PROVIDER === "PR4",
  ),
  rowRule(
    "531",
    "Voluntary sector provision cannot be recorded for placement with parents",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) => r.PLACE === "P1" && r.PLACE_PROVIDER === "PR5",
  ),
  rowRule(
    "550",
    "The provider 'parents' can only be recorded for placement with parents",
    "episodes",
    ["PLACE", "PLACE_PROVIDER"],
    (r) => r.PLACE !== "P1" && r.PLACE_PROVIDER === "PR0",
  ),

  // URN and postcodes
  rowRule(
    "218",
    "The Ofsted URN of the placement is needed for this placement type (placements outside England are not checked here)",
    "episodes",
    ["URN", "PLACE"],
    (r, ctx) => {
      const dec = parseDate(r.DEC);
      return (
        blank(r.URN) && !noUrnPlaces(ctx.year).has(r.PLACE) && (blank(r.DEC) || (dec !== null && dec >= ctx.start))
      );
    },
  ),
  rowRule(
    "222",
    "An Ofsted URN should not be recorded for this placement type",
    "episodes",
    ["URN", "PLACE"],
    (r, ctx) => given(r.URN) && r.URN !== "XXXXXXX" && noUrnPlaces(ctx.year).has(r.PLACE),
  ),
  rowRule(
    "242",
    "The URN 'XXXXXXX' can only be used for adoption and fostering placements through a regional adoption agency",
    "episodes",
    ["URN", "PLACE"],
    (r) => r.URN === "XXXXXXX" && !ADOPTION_PLACEMENTS.has(r.PLACE) && !FOSTER_PLACEMENTS.has(r.PLACE),
  ),
  rowRule(
    "392c",
    "The home or placement postcode is not a well-formed UK postcode (checked for format only)",
    "episodes",
    ["HOME_POST", "PL_POST"],
    (r) => (given(r.HOME_POST) && !isPostcode(r.HOME_POST)) || (given(r.PL_POST) && !isPostcode(r.PL_POST)),
  ),

  // Ages and placement types
  placeAge("372", "A child in youth custody or prison should be at least 10", "R5", 10),
  placeAge("373", "A child placed in a school should be at least 4", "S1", 4),
  placeAge("374", "A child in residential employment should be at least 14", "P3", 14),
  placeAge("371", "A child in supported accommodation should be at least 16", "K3", 16, 2026),
  placeLength("375", "A temporary stay in hospital cannot last more than six weeks", "T1", 42),
  placeLength(
    "376",
    "A temporary placement while the foster carer is on holiday cannot last more than three weeks",
    "T3",
    21,
  ),
  placeLength("379", "A temporary placement for another reason cannot last more than seven days", "T4", 7),
  rule({
    code: "377",
    message: "Only two temporary placements for a foster carer's holiday are allowed in a year",
    table: "episodes",
    fields: ["PLACE"],
    check: (ctx) => {
      const out: number[] = [];
      for (const list of ctx.eps.values()) {
        const t3 = list.filter((e) => e.r.PLACE === "T3");
        if (t3.length > 2) out.push(...t3.map((e) => e.i));
      }
      return out;
    },
  }),
  rowRule(
    "358",
    "A child on remand, under PACE or a youth rehabilitation order should not be under 10",
    "episodes",
    ["DECOM", "LS"],
    (r, ctx) => {
      const dob = ctx.dob(r.CHILD);
      const a = parseDate(r.DECOM);
      return ["J1", "J2", "J3"].includes(r.LS) && dob !== null && a !== null && addYears(dob, 10) >= a;
    },
    { tables: ["episodes", "header"] },
  ),
  rowRule(
    "352",
    "The child started to be looked after at 18 or over",
    "episodes",
    ["DECOM", "RNE"],
    (r, ctx) => {
      const dob = ctx.dob(r.CHILD);
      const a = parseDate(r.DECOM);
      return r.RNE === "S" && dob !== null && a !== null && addYears(dob, 18) <= a;
    },
    { tables: ["episodes", "header"] },
  ),
  rowRule(
    "359",
    "A young person looked after past their 18th birthday must be accommodated under section 20 in a children's home",
    "episodes",
    ["DEC", "LS", "PLACE"],
    (r, ctx) => {
      const dob = ctx.dob(r.CHILD);
      return blank(r.DEC) && dob !== null && addYears(dob, 18) < ctx.end && !(r.LS === "V2" && r.PLACE === "K2");
    },
    { tables: ["episodes", "header"] },
  ),
  seqRule(
    "302",
    "The child's first episode starts before their date of birth",
    ["DECOM"],
    (e, prev, _n, ctx) => {
      const dob = ctx.dob(e.r.CHILD);
      return prev === undefined && dob !== null && e.decom !== null && e.decom < dob;
    },
    { tables: ["episodes", "header"] },
  ),
  seqRule(
    "234",
    "A child under 10 cannot change placement because of admission to custody",
    ["REASON_PLACE_CHANGE"],
    (e, _p, _n, ctx) => {
      const dob = ctx.dob(e.r.CHILD);
      return e.r.REASON_PLACE_CHANGE === "CUSTOD" && dob !== null && e.decom !== null && addYears(dob, 10) > e.decom;
    },
    { tables: ["episodes", "header"], fromYear: 2026 },
  ),
  ceasedAge("386", "The child is recorded as adopted but had reached 18", ["E11", "E12"], (is18) => is18),
  ceasedAge(
    "407",
    "The child left care under a special guardianship order but had reached 18",
    ["E45", "E46", "E47", "E48"],
    (_18, dec, dob) => dec > addYears(dob, 18),
  ),
  ceasedAge(
    "460",
    "The young person is recorded as staying with their carers at 18 or over, but was under 18",
    ["E17"],
    (is18) => !is18,
  ),
  ceasedAge(
    "387",
    "The child moved to independent living but was under 14",
    ["E5", "E6"],
    (_18, dec, dob) => dec < addYears(dob, 14),
  ),
  ceasedAge(
    "389",
    "The child transferred to adult social care but was under 16",
    ["E7"],
    (_18, dec, dob) => dec < addYears(dob, 16),
  ),
];
