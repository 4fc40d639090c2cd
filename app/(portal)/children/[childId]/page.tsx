// A child's overview: summary, allocations, current episode and episode history (SSDA903 terms).
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { AllocateForm, EndAllocationForm, TransferTeamForm } from "@/components/episodes/allocate-form";
import { ReturnDetailsForm } from "@/components/return-fields/return-fields-forms";
import { Badge, Card, SummaryList } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { getChildOverview } from "@/lib/children/queries";
import { allocationChoices, listAllocations, transferChoices } from "@/lib/episodes/queries";
import { formatUkDate } from "@/lib/dates";
import { earliestDestructionDate, getRetentionHold } from "@/lib/retention";
import { returnDetails } from "@/lib/return-fields/queries";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  SEX,
  label,
  ETHNICITY,
  SW_REASON,
  PREVIOUS_PERMANENCE,
} from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Child overview" };

export default async function ChildOverviewPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "summary");
  const mayAllocate = page.may("allocation.manage");
  // The return's details sit with the episodes of care: shown to those who may read that section.
  const showReturn = page.may("episodes.view");
  const [overview, hold, spells, choices, forReturn] = await Promise.all([
    getChildOverview(page.db, page.actor, page.access),
    getRetentionHold(page.db),
    page.access.redactions.hidesStaffContacts ? Promise.resolve([]) : listAllocations(page.db, page.access),
    mayAllocate ? allocationChoices(page.db, page.access) : Promise.resolve(null),
    showReturn ? returnDetails(page.db, page.access) : Promise.resolve(null),
  ]);
  const teamsToTransfer = page.may("allocation.transferTeam") ? await transferChoices(page.db, page.access) : [];
  if (!overview) return null;
  const { child, currentEpisode } = overview;
  const isProvider = page.access.relation === "provider";

  return (
    <ChildRecordShell page={page} current="summary">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Summary">
          <SummaryList
            items={[
              { term: "Reference", value: child.reference },
              { term: "Date of birth", value: formatUkDate(child.dateOfBirth) },
              { term: "Sex", value: SEX[child.sex] ?? child.sex },
              { term: "Ethnicity", value: label(ETHNICITY, child.ethnicity) },
              ...(isProvider
                ? []
                : [
                    { term: "Unique pupil number", value: child.upn ?? "" },
                    { term: "Birth family address", value: child.familyAddress ?? "" },
                  ]),
              {
                term: "Retention",
                value: (
                  <>
                    Normal earliest destruction date{" "}
                    {formatUkDate(earliestDestructionDate(child.dateOfBirth, child.dateOfDeath))}
                    {child.dateOfDeath ? " (15 years after death)" : " (75th birthday)"}.{" "}
                    {hold.active ? (
                      <strong>
                        The retention hold is in force and overrides it: this record will not be destroyed.
                      </strong>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </Card>
        <Card title="Allocations">
          <SummaryList
            items={[
              { term: "Team", value: child.teamName },
              { term: "Allocated social worker", value: child.workerName ?? "Not allocated" },
              { term: "Independent Reviewing Officer", value: child.iroName ?? "Not allocated" },
            ]}
          />
          {spells.length > 0 ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-700">Allocation history</summary>
              <ul className="mt-1 text-sm">
                {spells.map(({ allocation: a, name }) => (
                  <li key={a.id}>
                    {a.kind === "team" ? "Team" : a.kind === "iro" ? "IRO" : "Social worker"}
                    {name ? `: ${name}` : ""}, from {formatUkDate(a.startDate)}
                    {a.endDate
                      ? ` to ${formatUkDate(a.endDate)} (${label(SW_REASON, a.endReason) || a.endReason})`
                      : ""}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {choices ? (
            <div className="mt-4 grid gap-4">
              <AllocateForm
                childId={childId}
                kind="social_worker"
                people={choices.workers}
                hasCurrent={Boolean(child.workerName)}
              />
              <AllocateForm childId={childId} kind="iro" people={choices.iros} hasCurrent={Boolean(child.iroName)} />
            </div>
          ) : null}
          {page.may("allocation.end") && (child.workerName || child.iroName) ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-brand-700">End an allocation</summary>
              <div className="mt-2 grid gap-4">
                {child.workerId && child.workerName ? (
                  <EndAllocationForm
                    childId={childId}
                    kind="social_worker"
                    userId={child.workerId}
                    name={child.workerName}
                  />
                ) : null}
                {child.iroId && child.iroName ? (
                  <EndAllocationForm childId={childId} kind="iro" userId={child.iroId} name={child.iroName} />
                ) : null}
              </div>
            </details>
          ) : null}
          {teamsToTransfer.length > 0 ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-brand-700">Transfer to another team</summary>
              <TransferTeamForm childId={childId} teams={teamsToTransfer} hasWorker={Boolean(child.workerName)} />
            </details>
          ) : null}
        </Card>
        <Card title="Current episode of care">
          {currentEpisode ? (
            <SummaryList
              items={[
                { term: "Started", value: formatUkDate(currentEpisode.startDate) },
                { term: "Legal status", value: label(LEGAL_STATUS, currentEpisode.legalStatus) },
                { term: "Placement", value: label(PLACEMENT, currentEpisode.placement) },
                { term: "Placement provider", value: label(PLACEMENT_PROVIDER, currentEpisode.placementProvider) },
                { term: "Category of need", value: label(CATEGORY_OF_NEED, currentEpisode.categoryOfNeed) },
                ...(isProvider
                  ? []
                  : [
                      {
                        term: "Carer or home",
                        value:
                          currentEpisode.carerName && currentEpisode.carerHref ? (
                            <Link href={currentEpisode.carerHref}>{currentEpisode.carerName}</Link>
                          ) : (
                            (currentEpisode.carerName ?? "")
                          ),
                      },
                    ]),
              ]}
            />
          ) : (
            <p>Not currently looked after.</p>
          )}
        </Card>
        {forReturn ? (
          <Card title="Details for the children looked after return">
            <SummaryList
              items={[
                {
                  term: "Previous permanence",
                  value: forReturn.previousPermanence
                    ? label(PREVIOUS_PERMANENCE, forReturn.previousPermanence)
                    : "Not yet recorded",
                },
                ...(forReturn.previousPermanenceLa || forReturn.previousPermanenceDate
                  ? [
                      {
                        term: "Order made by, and when",
                        value: [
                          forReturn.previousPermanenceLa
                            ? `Authority ${forReturn.previousPermanenceLa}`
                            : "Authority not known",
                          forReturn.previousPermanenceDate
                            ? formatUkDate(forReturn.previousPermanenceDate)
                            : "date not known",
                        ].join(", "),
                      },
                    ]
                  : []),
                ...(forReturn.sex === "F"
                  ? [
                      {
                        term: "Is the child a mother",
                        value:
                          forReturn.isMother === null
                            ? "Not recorded"
                            : forReturn.isMother
                              ? `Yes: her first child was born on ${formatUkDate(forReturn.motherChildDob)}`
                              : "No",
                      },
                    ]
                  : []),
              ]}
            />
            {page.may("child.recordReturnDetails") ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700">Record or change these details</summary>
                <ReturnDetailsForm childId={childId} isGirl={forReturn.sex === "F"} values={forReturn} />
              </details>
            ) : null}
          </Card>
        ) : null}
        {overview.siblings.length > 0 ? (
          <Card title="Siblings (separate records)">
            <ul className="list-disc pl-5">
              {overview.siblings.map((s) => (
                <li key={s.id}>
                  <Link href={`/children/${s.id}`}>
                    {s.firstName} {s.lastName}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>

      <div className="mt-6">
        <Card title="Episodes of care">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Episodes of care, newest first</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-2">
                    Start
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Reason for new episode
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Legal status
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Placement
                  </th>
                  <th scope="col" className="px-2 py-2">
                    End
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Reason ceased
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.episodes.map((e) => (
                  <tr key={e.id} className="border-t border-slate-200">
                    <td className="px-2 py-2">{formatUkDate(e.startDate)}</td>
                    <td className="px-2 py-2">{label(REASON_NEW_EPISODE, e.reasonNewEpisode)}</td>
                    <td className="px-2 py-2">{label(LEGAL_STATUS, e.legalStatus)}</td>
                    <td className="px-2 py-2">{label(PLACEMENT, e.placement)}</td>
                    <td className="px-2 py-2">
                      {e.endDate ? formatUkDate(e.endDate) : <Badge tone="green">Open</Badge>}
                    </td>
                    <td className="px-2 py-2">{label(REASON_CEASED, e.reasonCeased)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>

      {overview.arrangements.length > 0 ? (
        <div className="mt-6">
          <Card title="Provider arrangements">
            <ul className="space-y-2">
              {overview.arrangements.map((a) => (
                <li key={a.id}>
                  <span className="font-semibold">{a.organisation}</span>{" "}
                  {a.active ? <Badge tone="green">Active</Badge> : <Badge>Not active</Badge>}
                  <span className="block text-sm text-slate-700">
                    {a.functions}. From {formatUkDate(a.startDate)}
                    {a.endDate ? ` to ${formatUkDate(a.endDate)}` : ", no end date"}.
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
    </ChildRecordShell>
  );
}
