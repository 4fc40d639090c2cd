// Recognises a server-action request body that React could not decode, so the proxy can refuse
// it with 400: Next.js answers such a body with 500, as if the server had failed. It follows
// React's reply format (react-server-dom decodeReply) for what this portal's pages send: JSON
// rows, references between rows, FormData and files. Kinds of value the portal never sends to
// an action (server references, typed arrays, streams) are refused outright.

export type BodyVerdict = { ok: true } | { ok: false; reason: string };

/** The entries of a reply: row and file fields by name; the last value of a repeated name wins, as in React. */
export type ReplyFields = ReadonlyMap<string, string | Blob>;

const MAX_DEPTH = 256;
const MAX_VISITS = 100_000;
const BIGINT = /^-?\d{1,300}$/;
/** Second characters of `$` strings that React decodes in place, with no other row involved. */
const INLINE = new Set(["$", "u", "I", "N", "-", "D", "H", "T", "K"]);
/** Typed arrays, streams, async iterables and server references: never sent by this portal. */
const REFUSED = new Set([..."AOoUSsLlGgMmVRrXxh"]);

class Malformed extends Error {}

function fail(reason: string): never {
  throw new Malformed(reason);
}

const isPlainContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null;

class ReplyChecker {
  private readonly parsed = new Map<number, unknown>();
  private readonly checked = new Set<number>();
  private readonly inProgress = new Set<number>();
  private visits = 0;

  constructor(
    private readonly fields: ReplyFields,
    private readonly prefix: string,
  ) {}

  /** The parsed JSON of a row; a missing or unparsable row is what React reports as a closed connection. */
  private row(id: number): unknown {
    if (this.parsed.has(id)) return this.parsed.get(id);
    const raw = this.fields.get(`${this.prefix}${id}`);
    if (typeof raw !== "string") fail(`row ${id} is missing`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      fail(`row ${id} is not JSON`);
    }
    this.parsed.set(id, value);
    return value;
  }

  /** Checks a row and everything it references; returns its raw value. */
  checkRow(id: number): unknown {
    const value = this.row(id);
    if (this.checked.has(id) || this.inProgress.has(id)) return value;
    this.inProgress.add(id);
    this.checkValue(value, 0);
    this.inProgress.delete(id);
    this.checked.add(id);
    return value;
  }

  private checkValue(value: unknown, depth: number): void {
    if (++this.visits > MAX_VISITS) fail("too many values");
    if (depth > MAX_DEPTH) fail("nested too deeply");
    if (typeof value === "string") return this.checkString(value, depth);
    if (Array.isArray(value)) {
      for (const item of value) this.checkValue(item, depth + 1);
    } else if (isPlainContainer(value)) {
      for (const item of Object.values(value)) this.checkValue(item, depth + 1);
    }
  }

  private checkString(value: string, depth: number): void {
    if (value[0] !== "$") return;
    const kind = value[1] ?? "";
    if (INLINE.has(kind)) return;
    if (kind === "n") {
      if (!BIGINT.test(value.slice(2))) fail("malformed bigint");
      return;
    }
    if (REFUSED.has(kind)) fail(`unsupported reference ${value.slice(0, 2)}`);
    if (kind === "B") {
      const id = parseInt(value.slice(2), 16);
      if (!(this.fields.get(`${this.prefix}${id}`) instanceof Blob)) fail("referenced file is missing");
      return;
    }
    if (kind === "@" || kind === "Q" || kind === "W" || kind === "i") {
      const id = parseInt(value.slice(2), 16);
      if (Number.isNaN(id)) fail("malformed reference");
      const target = this.resolve(value.slice(2), depth);
      if (kind !== "@" && !Array.isArray(target)) fail("malformed collection");
      if (kind === "Q" && (target as unknown[]).some((entry) => !Array.isArray(entry) && !isReference(entry)))
        fail("malformed map");
      return;
    }
    this.resolve(value.slice(1), depth);
  }

  /** Follows `id[:key[:key...]]` as React does: every key must be an own property of a plain object or array. */
  private resolve(reference: string, depth: number): unknown {
    if (depth > MAX_DEPTH) fail("references nested too deeply");
    const [head = "", ...path] = reference.split(":");
    const id = parseInt(head, 16);
    if (Number.isNaN(id)) fail("malformed reference");
    let current = this.checkRow(id);
    for (const key of path) {
      if (typeof current === "string" && current[0] === "$" && /^[0-9a-f]/i.test(current[1] ?? "")) {
        current = this.resolve(current.slice(1), depth + 1);
      }
      if (!isPlainContainer(current) || !Object.hasOwn(current, key)) fail("invalid reference path");
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }
}

const isReference = (v: unknown) => typeof v === "string" && v.startsWith("$") && !v.startsWith("$$");

function verdict(check: () => void): BodyVerdict {
  try {
    check();
    return { ok: true };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A fetch action's reply (the arguments of the call): its root row must decode to an array. */
export function checkActionReply(fields: ReplyFields): BodyVerdict {
  return verdict(() => {
    const root = new ReplyChecker(fields, "").checkRow(0);
    if (!Array.isArray(root)) fail("arguments are not a list");
  });
}

/** A form posted without JavaScript: each bound action's descriptor, and the arguments bound to it. */
export function checkFormActionFields(fields: ReplyFields): BodyVerdict {
  return verdict(() => {
    for (const key of fields.keys()) {
      if (!key.startsWith("$ACTION_REF_")) continue;
      const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
      const descriptor = new ReplyChecker(fields, prefix).checkRow(0);
      if (!isPlainContainer(descriptor) || Array.isArray(descriptor) || typeof descriptor.id !== "string")
        fail("malformed action descriptor");
    }
  });
}

const fieldsOf = (form: FormData): ReplyFields => new Map(form.entries());

const isMultipart = (contentType: string) => contentType.toLowerCase().startsWith("multipart/form-data");
const isUrlEncoded = (contentType: string) => contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");

/**
 * The verdict on a POST to a page: a fetch action (Next-Action header) or a form posted without
 * JavaScript (multipart). Other POSTs never reach React's decoder, so they pass.
 */
export async function checkPagePost(request: Request): Promise<BodyVerdict> {
  const contentType = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  if (isMultipart(contentType)) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return { ok: false, reason: "unreadable multipart body" };
    }
    if (!fetchAction) return checkFormActionFields(fieldsOf(form));
    // Next decodes a fetch action's fields as they stream in and starts on the arguments as soon
    // as their row (named "0") arrives, so only what came before it can be referenced.
    const entries = [...form.entries()];
    const root = entries.findIndex(([key]) => key === "0");
    return checkActionReply(new Map(root < 0 ? entries : entries.slice(0, root + 1)));
  }
  // Next answers URL-encoded action bodies itself (404), and treats other non-multipart POSTs
  // without the header as page requests.
  if (!fetchAction || isUrlEncoded(contentType)) return { ok: true };
  const text = await request.clone().text();
  return checkActionReply(new Map([["0", text]]));
}
