// What a person who may open a child's record is told when one part of it is not for them: the
// truth about their relationship, never "it does not exist". Someone who may not open the record
// at all never reaches these words (they get the same answer as for a child that does not exist).
import type { Relation } from "@/lib/access";
import { SECTION_DEFINITIONS, type RecordSection } from "@/lib/sections";

export interface RefusalText {
  title: string;
  body: string;
}

export function sectionRefusal(relation: Relation, section: RecordSection, mode: "read" | "write"): RefusalText {
  const label = `the ${SECTION_DEFINITIONS[section].label.toLowerCase()} section`;
  if (mode === "write") {
    const body: Record<Relation, string> = {
      allocated: `You can read ${label} but not add to it.`,
      manager: `You can read ${label} but not add to it.`,
      iro: `As the child's Independent Reviewing Officer you read every section and record decisions; ${label} is written by the child's social worker and team manager.`,
      team: "You can see a read-only summary of this child because they are in your team. Only the allocated social worker and the team manager add to the record.",
      provider: `Your organisation can read ${label} but not add to it. You can add visits and documents.`,
      break_glass: "Break-glass access is for reading only: you can read this record, but not add to it or change it.",
    };
    return { title: "You can read this record but not add to this section", body: body[relation] };
  }
  if (relation === "provider")
    return {
      title: "This section is not shared with your organisation",
      body: `${label[0]?.toUpperCase()}${label.slice(1)} is not part of what your organisation's arrangement needs, so the local authority does not share it. You can see the sections listed above.`,
    };
  if (relation === "team")
    return {
      title: "You can see only a summary of this record",
      body: "This child is in your team but not allocated to you, so you see a read-only summary. Ask the allocated social worker or the team manager if you need more.",
    };
  return {
    title: "This section is not available to you",
    body: `You can open this record, but not ${label}.`,
  };
}
