// An episode's earlier versions, readable after a correction: each version's fields in words, who
// recorded it and when, and the correction that replaced it (who, when and why). Nothing is
// erased: a correction is a new version, and this is where the old ones are read.
import { formatUkDateTime } from "@/lib/dates";
import type { EpisodeVersion } from "@/lib/episodes/queries";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_PLACE_CHANGE,
  label,
} from "@/lib/ssda903/codes";

/** The fields a correction may change, in words. */
function fieldsOf(v: EpisodeVersion): Array<[string, string]> {
  const e = v.episode;
  return [
    ["Legal status", label(LEGAL_STATUS, e.legalStatus)],
    ["Category of need", label(CATEGORY_OF_NEED, e.categoryOfNeed)],
    ["Placement", label(PLACEMENT, e.placement)],
    ["Placement provider", e.placementProvider ? label(PLACEMENT_PROVIDER, e.placementProvider) : "None"],
    ["Foster carer or children's home", v.carerName ?? "Not one of the authority's carer records"],
    ["Placement postcode", e.placementPostcode ?? "Not recorded"],
    ["Home postcode", e.homePostcode ?? "Not recorded"],
    ["Ofsted URN", e.urn ?? "None"],
    ...(e.endDate
      ? ([
          [
            "Reason for the change of placement",
            e.reasonPlaceChange ? label(REASON_PLACE_CHANGE, e.reasonPlaceChange) : "None",
          ],
        ] as Array<[string, string]>)
      : []),
  ];
}

export function EpisodeVersions({ versions }: { versions: readonly EpisodeVersion[] }) {
  const earlier = versions.slice(0, -1);
  if (earlier.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-brand-700">Earlier versions ({earlier.length})</summary>
      <ol className="mt-2 space-y-3" reversed>
        {earlier
          .map((v, i) => ({ v, next: versions[i + 1] }))
          .reverse()
          .map(({ v, next }) => {
            const current = fieldsOf(v);
            const after = next ? new Map(fieldsOf(next)) : new Map<string, string>();
            return (
              <li key={v.episode.id} className="rounded border border-slate-200 p-2">
                <p className="font-semibold">
                  Version {v.episode.version}, recorded {formatUkDateTime(v.episode.createdAt)}
                  {v.recordedBy ? ` by ${v.recordedBy}` : ""}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  {current.map(([term, value]) => (
                    <div key={term} className="contents">
                      <dt className="text-slate-700">{term}</dt>
                      <dd>
                        {value}
                        {after.has(term) && after.get(term) !== value ? (
                          <span className="font-semibold"> (corrected to {after.get(term)})</span>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
                {next ? (
                  <p className="mt-1 text-sm">
                    Corrected on {formatUkDateTime(next.episode.createdAt)}
                    {next.recordedBy ? ` by ${next.recordedBy}` : ""}: {next.episode.amendReason}
                  </p>
                ) : null}
              </li>
            );
          })}
      </ol>
    </details>
  );
}
