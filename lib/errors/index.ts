// One error type for expected failures, and the plain messages users see for each code.
import { randomUUID } from "node:crypto";

export type ErrorCode =
  | "unauthenticated"
  | "forbidden:action"
  | "forbidden:child"
  | "invalid:input"
  | "conflict:version"
  | "not-found"
  | "retention:hold"
  | "internal";

const MESSAGES: Record<ErrorCode, string> = {
  unauthenticated: "Your session has ended. Please sign in again.",
  "forbidden:action": "You do not have permission to do that.",
  "forbidden:child": "You do not have access to this record, or it does not exist.",
  "invalid:input": "Some of the information needs correcting. Check the highlighted fields.",
  "conflict:version":
    "Someone else saved a newer version while you were editing. Your text has been kept so nothing is lost.",
  "not-found": "That could not be found.",
  "retention:hold": "Records cannot be deleted while the retention hold is in force.",
  internal: "Something went wrong and nothing was saved.",
};

export interface AppErrorExtra<T = unknown> {
  /** Shown to the client with the error (e.g. both texts in a conflict). */
  details?: unknown;
  /** Work to keep after the failed transaction rolls back (the refused text saved as a draft). */
  afterRollback?: (tx: T) => Promise<void>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly extra: AppErrorExtra = {},
  ) {
    super(message ?? MESSAGES[code]);
    this.name = "AppError";
  }
}

export function messageFor(code: ErrorCode): string {
  return MESSAGES[code];
}

/** Logs an unexpected failure server-side with an id the user can quote; returns that id. */
export function logUnexpected(error: unknown, context: string): string {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${context}:`, error);
  return id;
}
