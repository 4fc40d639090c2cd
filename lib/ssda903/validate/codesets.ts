// The code sets the rules check against, by collection year where the Department changed them.
import type { CollectionYear } from "../tables";
import {
  CATEGORY_OF_NEED,
  ETHNICITY,
  LEGAL_STATUS,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  SW_REASON,
} from "../codes";

const keys = (o: Record<string, string>): ReadonlySet<string> => new Set(Object.keys(o));

export const LS_CODES = keys(LEGAL_STATUS);
export const RNE_CODES = keys(REASON_NEW_EPISODE);
export const CIN_CODES = keys(CATEGORY_OF_NEED);
export const REC_CODES = keys(REASON_CEASED);
export const PROVIDER_CODES = keys(PLACEMENT_PROVIDER);
export const RPC_CODES = keys(REASON_PLACE_CHANGE);
export const ETHNIC_CODES = keys(ETHNICITY);
export const SW_REASON_CODES = keys(SW_REASON);
export const SEX_CODES: ReadonlySet<string> = new Set(["M", "F", "U"]);

const PLACE_TO_2025 = [
  ...["A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1"],
  ...["T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"],
];
const PLACE_FROM_2026 = [
  ...["A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1"],
  ...["T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"],
];

/** Year-dependent sets are built once per year, not once per row. */
function perYear(make: (endYear: number) => ReadonlySet<string>): (year: CollectionYear) => ReadonlySet<string> {
  const memo = new Map<number, ReadonlySet<string>>();
  return (year) => {
    let hit = memo.get(year.endYear);
    if (!hit) {
      hit = make(year.endYear);
      memo.set(year.endYear, hit);
    }
    return hit;
  };
}

/** Placement types valid in the year: K3 and Z11-Z14 replaced H5, P2 and Z1 from 2025/26. */
export const placeCodes = perYear((endYear) => new Set(endYear >= 2026 ? PLACE_FROM_2026 : PLACE_TO_2025));

/** Placement types that have no provider: temporary moves and the other-placement codes. */
export const noProviderPlaces = perYear(
  (endYear) =>
    new Set(
      endYear >= 2026
        ? ["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]
        : ["T0", "T1", "T2", "T3", "T4", "Z1"],
    ),
);

/** Placement types with no Ofsted-registered provider, so no URN is needed or allowed. */
export const noUrnPlaces = perYear((endYear) => {
  const common = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"];
  return new Set(endYear >= 2026 ? [...common, "Z11", "Z12", "Z13", "Z14"] : [...common, "H5", "P2", "Z1"]);
});

export const REVIEW_CODES: ReadonlySet<string> = new Set(["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]);
export const SDQ_REASONS: ReadonlySet<string> = new Set(["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]);
export const IN_TOUCH_CODES: ReadonlySet<string> = new Set(["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]);
export const ACTIV_CODES: ReadonlySet<string> = new Set([
  ...["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"],
]);
export const ACCOM_CODES: ReadonlySet<string> = new Set([
  ...["B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2"],
  ...["S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"],
]);
export const MISSING_CODES: ReadonlySet<string> = new Set(["M", "A"]);
export const PREV_PERM_CODES: ReadonlySet<string> = new Set(["P1", "P2", "P3", "P4", "Z1"]);
export const REASON_PLACED_CEASED_CODES: ReadonlySet<string> = new Set(["RD1", "RD2", "RD3", "RD4"]);
export const SEX_ADOPTR_CODES: ReadonlySet<string> = new Set(["M1", "F1", "MM", "FF", "MF"]);
export const LS_ADOPTR_CODES: ReadonlySet<string> = new Set(["L0", "L11", "L12", "L2", "L3", "L4"]);

/** Authority codes that can have arranged a previous permanence order, and the UK nations outside England. */
export const LA_PERM_CODES: ReadonlySet<string> = new Set([
  ...(
    "800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896," +
    "381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876," +
    "850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856," +
    "383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316," +
    "815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355," +
    "871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320," +
    "359,865,384,335,336,212,868,872,885,344,877,213,938,816,999"
  ).split(","),
  ...["WAL", "SCO", "NUK", "NIR"],
]);

/** Reasons an episode ceased that end the period of care (everything but X1). */
export const CEASED_CARE = new Set([...REC_CODES].filter((c) => c !== "X1"));
