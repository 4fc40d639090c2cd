// The server-action body checker agrees with React's own decoder: what the portal's pages send
// passes, and every body React would fail on (Next.js then answers 500) is refused first.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPagePost } from "./action-body";

type Entry = [string, string | { file: string; content: string }];
type ReplyCase = { text: string } | { entries: Entry[] };

const oracle = path.resolve(import.meta.dirname, "../../tests/helpers/react-reply.mjs");

function react(mode: "encode" | "decode", input?: unknown): unknown {
  const args = mode === "decode" ? ["--conditions", "react-server", oracle, mode] : [oracle, mode];
  const out = execFileSync(process.execPath, args, { input: input === undefined ? "" : JSON.stringify(input) });
  return JSON.parse(out.toString());
}

/** The request a page would send: a fetch action to the sign-in page. */
function actionRequest(c: ReplyCase): Request {
  const headers = { "next-action": "7f00", origin: "http://localhost:3000" };
  if ("text" in c) {
    return new Request("http://localhost:3000/sign-in", {
      method: "POST",
      headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
      body: c.text,
    });
  }
  const form = new FormData();
  for (const [name, value] of c.entries) {
    form.append(name, typeof value === "string" ? value : new File([value.content], value.file));
  }
  return new Request("http://localhost:3000/sign-in", { method: "POST", headers, body: form });
}

const text = (t: string): ReplyCase => ({ text: t });
const parts = (...entries: Entry[]): ReplyCase => ({ entries });
const file: Entry[1] = { file: "note.txt", content: "hello" };

/** Bodies an attacker (or a broken client) might send, each undecodable by React. */
const MALFORMED: Record<string, ReplyCase> = {
  "not JSON": text("{{{not json"),
  "an empty body": text(""),
  "a single string, not a list of arguments": text('"x"'),
  "a number": text("5"),
  "a reference to a row that is not there": text('["$1"]'),
  "a bare dollar": text('["$"]'),
  "an unknown reference kind": text('["$Z"]'),
  "a map with no row": text('["$Q1"]'),
  "a set with no row": text('["$W1"]'),
  "an iterator with no row": text('["$i1"]'),
  "a malformed bigint": text('["$n12x"]'),
  "an oversized bigint": text(`["$n${"1".repeat(301)}"]`),
  "a file that is not there": text('["$B1"]'),
  "a path to a missing property": text('[{"a":1},"$0:1:b"]'),
  "a path through a string": text('[{"a":"s"},"$0:0:a:b"]'),
  "a server reference": text('["$h1"]'),
  "multipart with no arguments row": parts(["1", "[]"]),
  "multipart whose arguments are not JSON": parts(["0", "{{{"]),
  "multipart referring to a row sent after it": parts(["0", '["$1"]'], ["1", '{"late":true}']),
  "multipart referring to a file as a row": parts(["1", file], ["0", '["$1"]']),
  "multipart whose file is a string": parts(["1", "not a file"], ["0", '["$B1"]']),
  "a map that is not a list of pairs": parts(["1", "[1,2]"], ["0", '["$Q1"]']),
  "a set that is not a list": parts(["1", '{"a":1}'], ["0", '["$W1"]']),
};

/** Kinds of value React decodes but this portal never sends; refusing them costs nothing. */
const REFUSED_THOUGH_DECODABLE: Record<string, ReplyCase> = {
  "a typed array": parts(["1", file], ["0", '["$o1"]']),
  "a readable stream": text('["$R1"]'),
  // React hands the action a promise that never settles.
  "a promise of a row that is not there": text('["$@1"]'),
};

describe("the server-action body checker", () => {
  let samples: Record<string, ReplyCase>;
  beforeAll(() => {
    samples = react("encode") as Record<string, ReplyCase>;
  });

  it("passes everything the portal's pages send, as React encodes it", async () => {
    const names = Object.keys(samples);
    expect(names.length).toBeGreaterThanOrEqual(7);
    const verdicts = react("decode", Object.values(samples)) as { ok: boolean }[];
    for (const [i, name] of names.entries()) {
      const sample = samples[name];
      if (!sample) continue;
      expect(verdicts[i], `React decodes ${name}`).toEqual({ ok: true });
      expect(await checkPagePost(actionRequest(sample)), name).toEqual({ ok: true });
    }
  });

  it("refuses every body that React cannot decode", async () => {
    const verdicts = react("decode", Object.values(MALFORMED)) as { ok: boolean; error?: string }[];
    for (const [i, [name, body]] of Object.entries(MALFORMED).entries()) {
      expect(verdicts[i]?.ok, `React fails on ${name}`).toBe(false);
      const verdict = await checkPagePost(actionRequest(body));
      expect(verdict.ok, `${name} (React: ${verdicts[i]?.error})`).toBe(false);
    }
  });

  it("refuses kinds of value the portal never sends", async () => {
    for (const [name, body] of Object.entries(REFUSED_THOUGH_DECODABLE)) {
      expect((await checkPagePost(actionRequest(body))).ok, name).toBe(false);
    }
  });

  it("refuses a multipart body that cannot be read, and a form's broken action descriptor", async () => {
    const broken = new Request("http://localhost:3000/sign-in", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "garbage",
    });
    expect((await checkPagePost(broken)).ok).toBe(false);
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", '{"id":"7f00","bound":"$@1"}');
    const withoutBound = new Request("http://localhost:3000/sign-in", { method: "POST", body: form });
    expect(await checkPagePost(withoutBound)).toEqual({ ok: false, reason: "row 1 is missing" });
    form.append("$ACTION_1:1", "[]");
    const complete = new Request("http://localhost:3000/sign-in", { method: "POST", body: form });
    expect(await checkPagePost(complete)).toEqual({ ok: true });
  });

  it("leaves other POSTs to the page alone", async () => {
    const plain = new Request("http://localhost:3000/sign-in", { method: "POST", body: "{{{not json" });
    expect(await checkPagePost(plain)).toEqual({ ok: true });
  });
});
