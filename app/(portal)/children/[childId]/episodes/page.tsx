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
import { formatUkDate } from "@/lib/dates";
import { listCarerChoices, listChildMarkers, listEpisodes } from "@/lib/episodes/queries";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REASON_PLACE_CHANGE,
  label,
} from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Episodes of care" };

export default async function EpisodesPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "episodes");
  const [rows, markers, carers] = await Promise.all([
    listEpisodes(page.db, page.access),
    listChildMarkers(page.db, page.access),
    page.may("episodes.recordEvent") || page.may("episodes.amend") ? listCarerChoices(page.db) : Promise.resolve([]),
  ]);
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
                  <td className="px-3 py-2">{label(LEGAL_STATUS, e.legalStatus)}</td>
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
                    {e.version > 1 ? <span className="block text-slate-700">Corrected: {e.amendReason}</span> : null}
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
                            ended: e.endDate !== null,
                          }}
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
          <CareEventForm childId={childId} lookedAfter={current !== null} carers={carers} />
        </Card>
      ) : null}
    </ChildRecordShell>
  );
}
