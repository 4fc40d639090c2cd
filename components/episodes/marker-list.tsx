// The CP and CLA marker tasks of one child: what raised each, its deadline (24 hours after the
// event, in UK time), whether it was actioned and by whom, and for the team manager the button.
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui";
import { formatUkDateTime } from "@/lib/dates";
import { actionMarkerAction } from "@/lib/episodes/actions";
import { markerState, type MarkerState } from "@/lib/episodes/queries";
import type { MarkerTask } from "@/lib/episodes/queries";

export const MARKER_WORDS = {
  "cla:start": "CLA marker: started to be looked after",
  "cla:end": "CLA marker update: ceased to be looked after",
  "cp:start": "CP marker: Child Protection Plan started",
  "cp:end": "CP marker update: Child Protection Plan ended",
} as const;

const TONE: Record<MarkerState, "green" | "amber" | "red" | "grey"> = {
  open: "amber",
  overdue: "red",
  actioned: "green",
  "actioned late": "red",
};

export function MarkerList({
  childId,
  markers,
  mayAction,
}: {
  childId: string;
  markers: Array<{ task: MarkerTask; actionedByName: string | null }>;
  mayAction: boolean;
}) {
  if (markers.length === 0) return null;
  return (
    <section aria-labelledby="markers-heading" className="mb-6">
      <h3 id="markers-heading" className="mb-2 text-lg font-bold">
        CP and CLA markers
      </h3>
      <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
        {markers.map(({ task, actionedByName }) => {
          const state = markerState(task);
          const what = MARKER_WORDS[`${task.marker}:${task.trigger}`];
          return (
            <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <p className="font-semibold">{what}</p>
                <p className="text-sm text-slate-700">
                  Event {formatUkDateTime(task.eventAt)} · due by {formatUkDateTime(task.dueAt)}
                  {task.actionedAt
                    ? ` · actioned ${formatUkDateTime(task.actionedAt)} by ${actionedByName ?? "unknown"}`
                    : ""}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={TONE[state]}>{state[0]?.toUpperCase() + state.slice(1)}</Badge>
                {mayAction && !task.actionedAt ? (
                  <ActionButton
                    action={actionMarkerAction}
                    input={{ childId, taskId: task.id }}
                    label="Mark as actioned"
                    context={what}
                    compact
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
