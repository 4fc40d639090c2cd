// An audit event's detail in words for the audit log: why something was refused or failed (the
// policy's refusals, sign-in refusals, and the error registry's messages for a failed change),
// and for a change made, its reason and the person it was made to.
import { isErrorCode, messageFor } from "@/lib/errors";
import { label, SW_REASON } from "@/lib/ssda903/codes";

/** Actions whose `reason` is a code from a set rather than a person's words. */
const REASON_CODES: Record<string, Record<string, string>> = {
  "allocation.transferTeam": SW_REASON,
  "allocation.end": SW_REASON,
};

/** The policy's refusals (lib/access) and sign-in's (lib/auth), as the audit log explains them. */
export const REFUSAL_WORDS: Record<string, string> = {
  permission: "The role does not allow it.",
  relationship: "No relationship to the child.",
  section: "The section is not shared with them.",
  "break-glass": "Break-glass access is read-only.",
  "no-child": "No such child.",
  sealed: "The record is closed: it is the same child as another record, which is the one in use.",
  "unknown-account": "No account has that email address.",
  inactive: "The account is deactivated.",
  "wrong-password": "The password was wrong.",
  locked: "The account was locked after too many failed attempts.",
  "address-throttled": "Too many attempts from that address.",
  "account-throttled": "Too many attempts on that account.",
  "no-matching-account": "No active account matches the identity provider's sign-in.",
};

export interface AuditEventWords {
  action?: string;
  outcome: string;
  detail: Record<string, unknown>;
  /** The name of the person `detail.userId` names, when the event is about a user. */
  subjectName?: string | null;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Why an event was refused or failed, in words; null for an allowed event. */
export function auditWhy(e: AuditEventWords): string | null {
  if (e.outcome === "allowed") return null;
  const reason = text(e.detail.reason);
  if (reason && Object.hasOwn(REFUSAL_WORDS, reason)) return REFUSAL_WORDS[reason] ?? null;
  if (isErrorCode(e.detail.code)) return messageFor(e.detail.code);
  if (isErrorCode(reason)) return messageFor(reason);
  return reason;
}

/**
 * What an allowed event records beyond its name: the reason given for the change (a user's
 * account, break-glass, a link ended) and the person it was made to. Refusals are explained by
 * `auditWhy` instead.
 */
export function auditDetails(e: AuditEventWords): string[] {
  const lines: string[] = [];
  if (typeof e.detail.userId === "string") {
    const who = e.subjectName ?? "a person no longer listed";
    lines.push(
      e.detail.active === false
        ? `Deactivated: ${who}`
        : e.detail.active === true
          ? `Reactivated: ${who}`
          : `Person: ${who}`,
    );
  }
  const reason = text(e.detail.reason);
  const codes = e.action ? REASON_CODES[e.action] : undefined;
  if (e.outcome === "allowed" && reason) lines.push(`Reason: ${codes ? label(codes, reason) : reason}`);
  return lines;
}
