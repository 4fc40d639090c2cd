// One error type for expected failures, the plain messages users see for each code, what each
// code carries as details, and the database's own refusals mapped to codes of their own.
import { randomUUID } from "node:crypto";

export type ErrorCode =
  | "unauthenticated"
  | "forbidden:action"
  | "forbidden:child"
  | "invalid:input"
  | "conflict:version"
  | "conflict:duplicate"
  | "not-found"
  | "retention:hold"
  | "immutable:audit"
  | "immutable:version"
  | "sealed:record"
  | "internal";

/** Both texts of a refused save: what the person wrote, and the version someone else saved. */
export interface VersionConflict<Yours = unknown, Current = unknown> {
  yours: Yours;
  current: Current;
}

/** What each code carries to the browser besides its message. */
export interface ErrorDetails {
  unauthenticated: never;
  "forbidden:action": VersionConflict | undefined;
  "forbidden:child": never;
  "invalid:input": never;
  "conflict:version": VersionConflict | undefined;
  "conflict:duplicate": { duplicates: unknown[] } | undefined;
  "not-found": never;
  "retention:hold": never;
  "immutable:audit": never;
  "immutable:version": never;
  "sealed:record": never;
  internal: never;
}

const MESSAGES: Record<ErrorCode, string> = {
  unauthenticated: "Your session has ended. Please sign in again.",
  "forbidden:action": "You do not have permission to do that.",
  "forbidden:child": "You do not have access to this record, or it does not exist.",
  "invalid:input": "Some of the information needs correcting. Check the highlighted fields.",
  "conflict:version":
    "Someone else saved a newer version while you were editing. Your text has been kept so nothing is lost.",
  "conflict:duplicate":
    "Someone else saved the same thing at the same moment, so yours was not saved twice. Reload the page to see it.",
  "not-found": "That could not be found.",
  "retention:hold": "Records cannot be deleted while the retention hold is in force.",
  "immutable:audit": "The audit log cannot be changed: events are only ever added to it.",
  "immutable:version":
    "That version has left draft and can no longer be changed. Amend it instead: a new version keeps this one as it is.",
  "sealed:record":
    "This record is closed: it is the same child as another record, which is the one in use. Add to that record instead.",
  internal: "Something went wrong and nothing was saved.",
};

export interface AppErrorExtra<C extends ErrorCode = ErrorCode> {
  /** Shown to the client with the error (e.g. both texts in a conflict). */
  details?: ErrorDetails[C];
  /** Work to keep after the failed transaction rolls back (the refused text saved as a draft). */
  afterRollback?: (tx: unknown) => Promise<void>;
}

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly extra: AppErrorExtra<C> = {},
  ) {
    super(message ?? MESSAGES[code]);
    this.name = "AppError";
  }
}

export function messageFor(code: ErrorCode): string {
  return MESSAGES[code];
}

/** Whether a stored string (an audit event's detail, say) is one of the codes above. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(MESSAGES, value);
}

/**
 * The database's refusals, each to a code of its own: the retention triggers (RH001 delete or
 * truncate, RH002 soft-delete while the hold is on), the append-only audit log (RH003), a version
 * that has left draft (RH004), a record sealed as the same child as another (RH005), and unique violations (two saves of the same thing at once).
 */
export function databaseErrorCode(error: unknown): ErrorCode | null {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  const code = e?.cause?.code ?? e?.code;
  switch (code) {
    case "RH001":
    case "RH002":
      return "retention:hold";
    case "RH003":
      return "immutable:audit";
    case "RH004":
      return "immutable:version";
    case "RH005":
      return "sealed:record";
    case "23505":
      return "conflict:duplicate";
    default:
      return null;
  }
}

/** Logs an unexpected failure server-side with an id the user can quote; returns that id. */
export function logUnexpected(error: unknown, context: string): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${context}:`, error);
  return id;
}
