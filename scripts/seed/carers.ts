// The demo's foster carer households and children's homes as records of their own (fictional, set
// at the public places' postcodes in places.ts): each record's current details
// (carers, household, approval, provider, Ofsted URN), supervised by the demo's supervising social
// worker, and a few entries of their own. The fostering team is not a row of `teams` in the demo:
// every team there is one children can be transferred to.
import { addDays, format, parseISO } from "date-fns";
import type { Tx } from "@/db/client";
import { carerEntries, carerRecords, carerRecordVersions } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { stableId } from "./ids";
import { DEMO_CARER_LIST, type DemoCarer } from "./places";

interface CarerDetails {
  carers: string[];
  household: string | null;
  address: string;
  provider: string;
  approvalType: string | null;
  approvalTerms: string | null;
  approvedPlaces: number | null;
  ageFrom: number | null;
  ageTo: number | null;
}

const DETAILS: Record<string, CarerDetails> = {
  hawthorn: {
    carers: ["Ruth Hawthorn (fictional)", "Ade Hawthorn (fictional)"],
    household: "Two adult carers; their son (19) lives at home (fictional).",
    address: "Near City Hall, College Green, Bristol (a public place standing in for the home)",
    provider: "The authority's own fostering service",
    approvalType: "Long-term and short-term foster carers",
    approvalTerms: "Up to 3 children aged 0 to 18; sibling groups welcome.",
    approvedPlaces: 3,
    ageFrom: 0,
    ageTo: 18,
  },
  oakview: {
    carers: ["Registered manager: Chris Oakes (fictional)"],
    household: null,
    address: "Near Southmead Hospital, Bristol (a public place standing in for the home)",
    provider: "Oakview Care Ltd (fictional)",
    approvalType: null,
    approvalTerms: "Registered for 4 children aged 11 to 17.",
    approvedPlaces: 4,
    ageFrom: 11,
    ageTo: 17,
  },
  rowan: {
    carers: ["Mel Rowan (fictional)"],
    household: "Single carer (fictional).",
    address: "Near Bristol Museum and Art Gallery (a public place standing in for the home)",
    provider: "The authority's own fostering service",
    approvalType: "Short-term foster carer",
    approvalTerms: "1 child aged 5 to 12.",
    approvedPlaces: 1,
    ageFrom: 5,
    ageTo: 12,
  },
  linden: {
    carers: ["Jo Linden (fictional)", "Sam Linden (fictional)"],
    household: "Two carers and a dog (fictional).",
    address: "Near Bath Guildhall (a public place standing in for the home)",
    provider: "Brightwater Fostering (fictional), an independent fostering agency",
    approvalType: "Long-term foster carers",
    approvalTerms: "Up to 2 children aged 8 to 18.",
    approvedPlaces: 2,
    ageFrom: 8,
    ageTo: 18,
  },
  willow: {
    carers: ["Pat Willow (fictional), the child's aunt"],
    household: "Connected person: family and friends carer (fictional).",
    address: "Near Bristol Royal Infirmary (a public place standing in for the home)",
    provider: "The authority's own fostering service",
    approvalType: "Connected person (family and friends) foster carer",
    approvalTerms: "Approved for one named child.",
    approvedPlaces: 1,
    ageFrom: 0,
    ageTo: 18,
  },
  cedar: {
    carers: ["Registered manager: Lee Cedar (fictional)"],
    household: null,
    address: "Near South Gloucestershire council offices, Yate (a public place standing in for the home)",
    provider: "Cedar Lodge Homes (fictional)",
    approvalType: null,
    approvalTerms: "Registered for 3 children aged 12 to 17.",
    approvedPlaces: 3,
    ageFrom: 12,
    ageTo: 17,
  },
};

const day = (ago: number) => format(addDays(parseISO(todayIso()), -ago), "yyyy-MM-dd");

export async function seedDemoCarers(tx: Tx, supervisingWorkerId: string): Promise<void> {
  for (const c of DEMO_CARER_LIST) {
    const d = DETAILS[c.key];
    if (!d) continue;
    await tx
      .insert(carerRecords)
      .values({ id: c.id, kind: c.kind, name: c.name, urn: c.urn, postcode: c.postcode })
      .onConflictDoNothing();
    await tx
      .insert(carerRecordVersions)
      .values({
        id: stableId(`carer-version:${c.key}:1`),
        carerRecordId: c.id,
        version: 1,
        ...d,
        postcode: c.postcode,
        urn: c.urn,
        approvedOn: c.kind === "foster_carer" ? day(900) : null,
        supervisingWorkerId,
        createdBy: supervisingWorkerId,
      })
      .onConflictDoNothing();
    for (const [i, e] of entriesFor(c).entries()) {
      const id = stableId(`carer-entry:${c.key}:${i}`);
      await tx
        .insert(carerEntries)
        .values({ id, entryId: id, version: 1, carerRecordId: c.id, ...e, createdBy: supervisingWorkerId })
        .onConflictDoNothing();
    }
  }
}

function entriesFor(c: DemoCarer) {
  if (c.kind === "childrens_home")
    return [
      {
        kind: "supervising_visit" as const,
        occurredOn: day(35),
        title: "Link worker's visit",
        details:
          "Met the registered manager; reviewed the home's latest Ofsted report and its action plan (fictional).",
      },
    ];
  return [
    {
      kind: "approval_review" as const,
      occurredOn: day(180),
      title: "Annual review of approval",
      details: "Panel recommended the approval continues on the same terms (fictional).",
    },
    {
      kind: "supervising_visit" as const,
      occurredOn: day(20),
      title: "Supervising social worker's visit",
      details: "Discussed training, support needs and the children's routines (fictional).",
    },
  ];
}
