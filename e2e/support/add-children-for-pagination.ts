// Run by the Playwright web server before the portal starts (it owns the PGlite folder then):
// 32 extra fictional children in a team of their own, with iro2 as their IRO, so that iro2's
// caseload (20 demo children + 32) spans three pages of 25. No demo account's caseload changes.
import { openFromEnv } from "../../db/client";
import { children, episodes, teams } from "../../db/schema";
import { demoUserId } from "../../scripts/seed/demo";
import { stableId } from "../../scripts/seed/ids";
import { PAGINATION_CHILD_COUNT, paginationChildId, paginationChildName } from "./demo";

async function main() {
  const handle = openFromEnv();
  try {
    const teamId = stableId("e2e-team:east");
    await handle.db
      .insert(teams)
      .values({ id: teamId, name: "East Locality Team (e2e fixture)" })
      .onConflictDoNothing();
    await handle.db
      .insert(children)
      .values(
        Array.from({ length: PAGINATION_CHILD_COUNT }, (_, n) => ({
          id: paginationChildId(n),
          reference: `E2E-${String(2001 + n)}`,
          ...paginationChildName(n),
          dateOfBirth: `20${String(10 + (n % 12)).padStart(2, "0")}-0${1 + (n % 9)}-1${n % 10}`,
          sex: n % 2 === 0 ? "F" : "M",
          ethnicity: "NOBT",
          teamId,
          iroId: demoUserId("iro2"),
        })),
      )
      .onConflictDoNothing();
    // Each is looked after now: one open episode (SSDA903: started, interim care order, foster placement).
    await handle.db
      .insert(episodes)
      .values(
        Array.from({ length: PAGINATION_CHILD_COUNT }, (_, n) => ({
          id: stableId(`e2e-episode:${n}`),
          episodeId: stableId(`e2e-episode:${n}`),
          childId: paginationChildId(n),
          startDate: "2025-06-02",
          startedAt: new Date("2025-06-02T11:00:00Z"),
          reasonNewEpisode: "S",
          legalStatus: "C1",
          categoryOfNeed: "N1",
          placement: "U4",
          placementProvider: "PR1",
        })),
      )
      .onConflictDoNothing();
    console.log(`Added ${PAGINATION_CHILD_COUNT} fictional children for the pagination journey.`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
