// The child's journey through care: the episodes the events made (in words, with the SSDA903
// code beside), the CP and CLA marker tasks and whether they were actioned in time, and the form
// to record the next event.
import type { Metadata } from "next";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { AmendEpisodeForm } from "@/components/episodes/amend-episode-form";
import { CareEventForm } from "@/components/episodes/care-event-form";
import { MarkerList } from "@/components/episodes/marker-list";
import { Badge, Card, EmptyState } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { listCarerChoices, listChildMarkers, listEpisodes, listEpisodeVersions } from "@/lib/episodes/queries";
import { EpisodeVersions } from "@/components/episodes/episode-versions";
import { courtOrderChoices } from "@/lib/episodes/court-orders";
import { listMissing, uascStatus } from "@/lib/episodes/missing";
import { parentChoices } from "@/lib/people/queries";
import { UASC_CEASED_REASONS } from "@/lib/episodes/schemas";
import { CeaseUascForm, EndMissingForm, RecordUascForm, StartMissingForm } from "@/components/episodes/missing-forms";
import { AdoptionMilestonesForm, CareLeaverContactForm } from "@/components/return-fields/return-fields-forms";
import { adoptionMilestoneVersions, careLeaverContactsOf } from "@/lib/return-fields/queries";
import { birthdayWords } from "@/lib/return-fields/schemas";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  ADOPTERS_LEGAL_STATUS,
  ADOPTERS_SEX,
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  IN_TOUCH,
  REASON_PLACED_CEASED,
  label,
} from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Episodes of care" };

export default async function EpisodesPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "episodes");
  const [rows, markers, carers, orders, missing, uasc, leaving, milestoneVersions, parents, versions] =
    await Promise.all([
      listEpisodes(page.db, page.access),
      listChildMarkers(page.db, page.access),
      page.may("episodes.recordEvent") || page.may("episodes.amend") ? listCarerChoices(page.db) : Promise.resolve([]),
      courtOrderChoices(page.db, page.access),
      listMissing(page.db, page.access),
      uascStatus(page.db, page.access),
      careLeaverContactsOf(page.db, page.access, page.header.dateOfBirth),
      adoptionMilestoneVersions(page.db, page.access),
      page.may("episodes.recordEvent") ? parentChoices(page.db, page.access) : Promise.resolve([]),
      listEpisodeVersions(page.db, page.access),
    ]);
  const milestones = milestoneVersions[0]?.milestones ?? null;
  const adopted = rows.some((r) => r.episode.reasonCeased === "E11" || r.episode.reasonCeased === "E12");
  // The decision to place for adoption often comes before any order, so whoever may record it sees the section.
  const adoptionInView = milestones !== null || page.may("adoption.recordMilestones");
  const orderTitle = new Map(orders.map((o) => [o.entryId, `${o.title}, made ${formatUkDate(o.occurredOn)}`]));
  const openMissing = missing.find((m) => m.endedAt === null);
  const current = rows[0] && rows[0].episode.endDate === null ? rows[0].episode : null;

  return (
    <ChildRecordShell page={page} current="episodes">
      <h2 className="mb-2 text-xl font-bold">Episodes of care</h2>
      <p className="mb-4 text-slate-700">
        {current
          ? `Looked after since ${formatUkDate(rows.find((r) => r.episode.reasonNewEpisode === "S")?.episode.startDate)}: ${label(LEGAL_STATUS, current.legalStatus)}, ${label(PLACEMENT, current.placement)}.`
          : "Not looked after at present."}
      </p>

      <MarkerList childId={childId} markers={markers} mayAction={page.may("marker.action")} />

      {rows.length === 0 ? (
        <EmptyState title="No episodes of care recorded">The child has not been looked after.</EmptyState>
      ) : (
        <div className="mb-6 overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Episodes of care, newest first</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  From
                </th>
                <th scope="col" className="px-3 py-2">
                  Why it started
                </th>
                <th scope="col" className="px-3 py-2">
                  Legal status
                </th>
                <th scope="col" className="px-3 py-2">
                  Placement
                </th>
                <th scope="col" className="px-3 py-2">
                  To
                </th>
                <th scope="col" className="px-3 py-2">
                  Why it ended
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ episode: e, carerName }) => (
                <tr key={e.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{formatUkDate(e.startDate)}</td>
                  <td className="px-3 py-2">
                    {label(REASON_NEW_EPISODE, e.reasonNewEpisode)}
                    {e.reasonNewEpisode === "S" ? (
                      <span className="block text-slate-700">Need: {label(CATEGORY_OF_NEED, e.categoryOfNeed)}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {label(LEGAL_STATUS, e.legalStatus)}
                    {e.courtOrderEntryId && orderTitle.has(e.courtOrderEntryId) ? (
                      <a className="block" href={`/children/${childId}/court-orders/${e.courtOrderEntryId}`}>
                        Order: {orderTitle.get(e.courtOrderEntryId)}
                      </a>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {label(PLACEMENT, e.placement)}
                    <span className="block text-slate-700">
                      {[
                        carerName,
                        e.placementProvider ? label(PLACEMENT_PROVIDER, e.placementProvider) : null,
                        e.placementPostcode,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    {e.endDate ? formatUkDate(e.endDate) : <Badge tone="green">Current</Badge>}
                  </td>
                  <td className="px-3 py-2">
                    {e.reasonCeased ? label(REASON_CEASED, e.reasonCeased) : ""}
                    {e.reasonPlaceChange ? (
                      <span className="block text-slate-700">
                        Move: {label(REASON_PLACE_CHANGE, e.reasonPlaceChange)}
                      </span>
                    ) : null}
                    {e.version > 1 ? (
                      <span className="block text-slate-700">
                        Corrected (version {e.version}): {e.amendReason}
                      </span>
                    ) : null}
                    <EpisodeVersions versions={versions.get(e.episodeId) ?? []} />
                    {page.may("episodes.amend") ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-brand-700">Correct this episode</summary>
                        <AmendEpisodeForm
                          childId={childId}
                          carers={carers}
                          episode={{
                            episodeId: e.episodeId,
                            version: e.version,
                            legalStatus: e.legalStatus,
                            categoryOfNeed: e.categoryOfNeed,
                            placement: e.placement,
                            placementProvider: e.placementProvider,
                            carerRecordId: e.carerRecordId,
                            placementPostcode: e.placementPostcode,
                            homePostcode: e.homePostcode,
                            urn: e.urn,
                            reasonPlaceChange: e.reasonPlaceChange,
                            courtOrderEntryId: e.courtOrderEntryId,
                            ended: e.endDate !== null,
                          }}
                          courtOrders={orders.map(({ entryId, title, occurredOn }) => ({
                            entryId,
                            title,
                            occurredOn,
                          }))}
                        />
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {page.may("episodes.recordEvent") ? (
        <Card title={current ? "Record a change" : "Record that the child starts to be looked after"}>
          <CareEventForm
            childId={childId}
            lookedAfter={current !== null}
            carers={carers}
            courtOrders={orders.map(({ entryId, title, occurredOn }) => ({ entryId, title, occurredOn }))}
            parents={parents}
          />
        </Card>
      ) : null}

      <section aria-labelledby="missing-heading" className="mt-6">
        <h2 id="missing-heading" className="mb-2 text-xl font-bold">
          Missing and away from placement
        </h2>
        {missing.length === 0 ? (
          <EmptyState title="No missing or away periods recorded" />
        ) : (
          <ul className="mb-4 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {missing.map((m) => (
              <li key={m.id} className="p-3">
                <p className="font-semibold">
                  {m.kind === "M" ? "Missing from placement" : "Away from placement without authorisation"}
                  {m.endedAt ? null : (
                    <>
                      {" "}
                      <Badge tone="red">Not yet back</Badge>
                    </>
                  )}
                </p>
                <p className="text-sm text-slate-700">
                  From {formatUkDateTime(m.startedAt)}
                  {m.endedAt ? ` to ${formatUkDateTime(m.endedAt)}` : ""}
                  {m.endedAt
                    ? m.returnInterviewOffered
                      ? ` · Return interview offered, ${m.returnInterviewAccepted ? "accepted" : "not accepted"}`
                      : " · No return interview offered"
                    : ""}
                </p>
                {!m.endedAt && page.may("missing.end") ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-700">Record the child&apos;s return</summary>
                    <EndMissingForm childId={childId} missingId={m.id} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.may("missing.start") && !openMissing ? (
          <Card title="Record a missing or away period">
            <StartMissingForm childId={childId} />
          </Card>
        ) : null}
      </section>

      <section aria-labelledby="uasc-heading" className="mt-6">
        <h2 id="uasc-heading" className="mb-2 text-xl font-bold">
          Unaccompanied asylum-seeking child
        </h2>
        <p className="mb-2 text-slate-700">
          {uasc
            ? `An unaccompanied asylum-seeking child since ${formatUkDate(uasc.sinceDate)}${
                uasc.ceasedDate
                  ? `; the status ceased on ${formatUkDate(uasc.ceasedDate)} (${UASC_CEASED_REASONS[uasc.ceasedReason as keyof typeof UASC_CEASED_REASONS] ?? uasc.ceasedReason}).`
                  : "."
              }`
            : "Not recorded as an unaccompanied asylum-seeking child."}
        </p>
        {!uasc && page.may("uasc.record") ? (
          <details>
            <summary className="cursor-pointer text-brand-700">
              Record that the child is an unaccompanied asylum-seeking child
            </summary>
            <RecordUascForm childId={childId} />
          </details>
        ) : null}
        {uasc && !uasc.ceasedDate && page.may("uasc.cease") ? (
          <details>
            <summary className="cursor-pointer text-brand-700">Record that the status ceased</summary>
            <CeaseUascForm childId={childId} />
          </details>
        ) : null}
      </section>

      {leaving.status.careLeaver || leaving.contacts.length > 0 ? (
        <section aria-labelledby="leaving-heading" className="mt-6">
          <h2 id="leaving-heading" className="mb-2 text-xl font-bold">
            Leaving care
          </h2>
          <p className="mb-2 text-slate-700">
            {leaving.status.leftCareOn ? `Left care on ${formatUkDate(leaving.status.leftCareOn)}. ` : ""}
            The return asks, for each birthday from 17 to 21, whether the authority is in touch with a young person who
            left care at 16 or over, and what they are doing and where they live.
          </p>
          {leaving.contacts.length === 0 ? (
            <EmptyState title="No contact recorded yet" />
          ) : (
            <ul className="mb-4 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {leaving.contacts.map(({ contact: c, recordedBy }) => (
                <li key={c.id} className="p-3">
                  <p className="font-semibold">
                    {birthdayWords(c.age)}: {label(IN_TOUCH, c.inTouch)}
                  </p>
                  <p className="text-sm text-slate-700">
                    Contact on {formatUkDate(c.contactedOn)}
                    {c.activity ? ` · ${label(CARE_LEAVER_ACTIVITY, c.activity)}` : ""}
                    {c.accommodation ? ` · ${label(CARE_LEAVER_ACCOMMODATION, c.accommodation)}` : ""}
                    {recordedBy ? ` · Recorded by ${recordedBy}` : ""}
                    {c.version > 1 ? ` · Corrected: ${c.amendReason ?? ""}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {leaving.status.careLeaver && page.may("careLeaver.recordContact") ? (
            <Card title="Record contact with the young person">
              <CareLeaverContactForm childId={childId} ages={leaving.contacts.map((c) => c.contact.age)} />
            </Card>
          ) : null}
        </section>
      ) : null}

      {adoptionInView ? (
        <section aria-labelledby="adoption-heading" className="mt-6">
          <h2 id="adoption-heading" className="mb-2 text-xl font-bold">
            Adoption
          </h2>
          {milestones ? (
            <ul className="mb-4 rounded border border-slate-300 bg-white p-3 text-sm">
              <li>Decision that the child should be placed for adoption: {formatUkDate(milestones.decisionOn)}</li>
              <li>
                Matched with the adopters: {milestones.matchedOn ? formatUkDate(milestones.matchedOn) : "not yet"}
              </li>
              {milestones.reversedOn ? (
                <li>
                  Decision reversed on {formatUkDate(milestones.reversedOn)}:{" "}
                  {label(REASON_PLACED_CEASED, milestones.reversedReason)}
                </li>
              ) : null}
              {milestones.adoptedByFosterCarer !== null ? (
                <li>Adopted by their foster carer(s): {milestones.adoptedByFosterCarer ? "yes" : "no"}</li>
              ) : null}
              {milestones.numberOfAdopters !== null ? (
                <li>
                  {milestones.numberOfAdopters === 1 ? "One adopter" : "Two adopters"}
                  {milestones.adoptersSex ? `: ${label(ADOPTERS_SEX, milestones.adoptersSex)}` : ""}
                  {milestones.adoptersLegalStatus
                    ? `; ${label(ADOPTERS_LEGAL_STATUS, milestones.adoptersLegalStatus)}`
                    : ""}
                </li>
              ) : null}
              <li className="text-slate-700">
                Version {milestones.version}, recorded {formatUkDateTime(milestones.createdAt)}
                {milestoneVersions[0]?.recordedBy ? ` by ${milestoneVersions[0].recordedBy}` : ""}
                {milestones.amendReason ? `: ${milestones.amendReason}` : ""}
              </li>
            </ul>
          ) : (
            <p className="mb-2 text-slate-700">No decision that the child should be placed for adoption is recorded.</p>
          )}
          {page.may("adoption.recordMilestones") ? (
            <details>
              <summary className="cursor-pointer text-brand-700">
                {milestones ? "Update the adoption milestones" : "Record the adoption milestones"}
              </summary>
              <AdoptionMilestonesForm childId={childId} current={milestones} adopted={adopted} />
            </details>
          ) : null}
        </section>
      ) : null}
    </ChildRecordShell>
  );
}
