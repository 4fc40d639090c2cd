"use server";
// Server actions for the people around a child and sibling links. There is no merge action: each
// child's record stays its own; siblings are linked, and people are one record linked to each.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { addPerson, amendPerson, endPersonLink, endSiblingLink, linkSibling, linkSiblingContact } from "./commands";
import {
  addPersonSchema,
  amendPersonSchema,
  endPersonLinkSchema,
  endSiblingLinkSchema,
  linkSiblingContactSchema,
  linkSiblingSchema,
} from "./schemas";

const paths = (...childIds: string[]) =>
  childIds.flatMap((id) => [sectionHref(id, "people"), sectionHref(id, "summary")]);

// Link a person to the child (someone new, or the same person already on a sibling's record)
export const addPersonAction = authorizedAction(
  "people.add",
  addPersonSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await addPerson(tx, actor, access, input);
    auditDetail({ ...row, relationship: input.relationship, parentalResponsibility: input.parentalResponsibility });
    return row;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Change a person's details: a new version with a reason
export const amendPersonAction = authorizedAction(
  "people.amend",
  amendPersonSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await amendPerson(tx, actor, access, input);
    auditDetail({ personId: input.personId, version: row.version, reason: input.amendReason });
    return { personId: input.personId, version: row.version };
  },
  { revalidate: (i) => paths(i.childId) },
);

// End a person's link to the child, with the reason (the link stays readable)
export const endPersonLinkAction = authorizedAction(
  "people.end",
  endPersonLinkSchema,
  async ({ tx, access, input, auditDetail }) => {
    const row = await endPersonLink(tx, access, input);
    auditDetail({ linkId: row.id, endDate: input.endDate, reason: input.endReason });
    return { linkId: row.id };
  },
  { revalidate: (i) => paths(i.childId) },
);

// Link two children as siblings (full, half or step; placed together or apart, with the reason), on both records
export const linkSiblingAction = authorizedAction(
  "siblings.link",
  linkSiblingSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    await linkSibling(tx, actor, access, input);
    auditDetail({ siblingId: input.siblingId, relationship: input.relationship, placement: input.placement });
    return { siblingId: input.siblingId };
  },
  { revalidate: (i) => paths(i.childId, i.siblingId) },
);

// End a sibling link on both records, with the reason
export const endSiblingLinkAction = authorizedAction(
  "siblings.end",
  endSiblingLinkSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await endSiblingLink(tx, actor, access, input);
    auditDetail({ siblingId: input.siblingId, reason: input.endReason });
    return row;
  },
  { revalidate: (i) => paths(i.childId, i.siblingId) },
);

// Link this child's contact arrangement with a sibling's, across the two records
export const linkSiblingContactAction = authorizedAction(
  "siblings.linkContact",
  linkSiblingContactSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await linkSiblingContact(tx, actor, access, input);
    auditDetail({ ...input, linkId: row.linkId });
    return row;
  },
  {
    revalidate: (i) => [
      ...paths(i.childId, i.siblingId),
      `/children/${i.childId}/contact/${i.contactEntryId}`,
      `/children/${i.siblingId}/contact/${i.siblingContactEntryId}`,
    ],
  },
);
