// Who gave the views a review records, in words that say each person's role once: a parent's
// name already carries the relationship ("Dana Ashdown (fictional) (Mother)"), and "The child",
// "Carer" or "Social worker" left as they are need nothing added.
import type { ReviewViews } from "@/db/schema";

const ROLE_NOUN: Record<ReviewViews["role"], string> = {
  child: "the child",
  parent: "",
  carer: "carer",
  social_worker: "social worker",
  other: "",
};
const UNNAMED: Record<ReviewViews["role"], string> = {
  child: "The child",
  parent: "A parent",
  carer: "The carer",
  social_worker: "The social worker",
  other: "Someone else",
};

const bare = (text: string) => text.trim().toLowerCase().replace(/^the /, "");

/** "The child", "Dana Ashdown (fictional) (Mother)", "Jo Bloggs (carer)", "The social worker". */
export function reviewViewsWho(v: Pick<ReviewViews, "who" | "role">): string {
  const who = v.who.trim();
  const noun = ROLE_NOUN[v.role] ?? "";
  if (!who) return UNNAMED[v.role] ?? "Someone";
  if (!noun) return who;
  // The role itself ("Carer", "The child") reads as the role; a name that already says it, as given.
  if (bare(who) === bare(noun)) return UNNAMED[v.role];
  if (bare(who).includes(bare(noun))) return who;
  return `${who} (${noun})`;
}

/** The label for someone's views in a list: "Views of the child", "Views of Dana Ashdown (fictional) (Mother)". */
export function reviewViewsTerm(v: Pick<ReviewViews, "who" | "role">): string {
  return `Views of ${reviewViewsWho(v).replace(/^The /, "the ")}`;
}
