// The access matrix by direct URL: each role, on a child it is allocated to, shares a team with,
// reviews, supplies, or has nothing to do with, opening every section's address. On a child it has
// nothing to do with, every section answers exactly as a child that does not exist (404); on a
// child whose record it may open, a section it may not read sends it to the page that says so.
import { expect, test } from "@playwright/test";
import { authFile, childPath, type DemoUserKey } from "./support/demo";

const SECTIONS = {
  overview: "",
  people: "/people",
  carePlan: "/care-plan",
  episodes: "/episodes",
  childProtection: "/child-protection",
  health: "/health",
  assessments: "/assessments",
  courtOrders: "/court-orders",
  arrangements: "/arrangements",
  contact: "/contact",
  courtReports: "/court-reports",
  education: "/education",
  planning: "/planning",
  visits: "/visits",
  correspondence: "/correspondence",
  contributions: "/contributions",
  decisions: "/decisions",
  duplicates: "/duplicates",
  documents: "/documents",
  chronology: "/chronology",
} as const;
type SectionName = keyof typeof SECTIONS;
const ALL = Object.keys(SECTIONS) as SectionName[];
const NONE: SectionName[] = [];

// Written from the product's rules (DESIGN.md), not from lib/access.
const CASES: Array<{ who: DemoUserKey; child: number; relation: string; reads: SectionName[] }> = [
  { who: "sw1", child: 0, relation: "allocated social worker", reads: ALL },
  { who: "sw1", child: 1, relation: "social worker in the same team", reads: ["overview"] },
  { who: "sw1", child: 24, relation: "social worker in another team", reads: NONE },
  { who: "tm1", child: 1, relation: "the team's manager", reads: ALL },
  { who: "tm2", child: 0, relation: "another team's manager", reads: NONE },
  { who: "iro1", child: 0, relation: "the child's IRO", reads: ALL },
  { who: "iro1", child: 1, relation: "another child's IRO", reads: NONE },
  {
    who: "prov1",
    child: 0,
    relation: "provider with an active arrangement",
    reads: ["overview", "people", "carePlan", "contact", "health", "education", "visits", "documents"],
  },
  { who: "prov1", child: 6, relation: "provider whose arrangement has ended", reads: NONE },
  { who: "ro", child: 0, relation: "records officer without break-glass", reads: NONE },
  { who: "ssw", child: 0, relation: "supervising social worker (carers' records only)", reads: NONE },
];

for (const c of CASES) {
  test(`${c.who} (${c.relation}) opens exactly the sections they may read of child ${c.child}`, async ({
    playwright,
    baseURL,
  }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: authFile(c.who), maxRedirects: 0 });
    for (const section of ALL) {
      const response = await api.get(`${childPath(c.child)}${SECTIONS[section]}`);
      const label = `${c.who} ${section}`;
      if (c.reads.includes(section)) expect(response.status(), label).toBe(200);
      else if (c.reads.length === 0) expect(response.status(), label).toBe(404);
      else {
        expect(response.status(), label).toBe(307);
        expect(response.headers().location, label).toContain(`${childPath(c.child)}/not-shared?section=`);
      }
    }
    await api.dispose();
  });
}
