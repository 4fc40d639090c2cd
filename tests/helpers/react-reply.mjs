/* global FormData, File, Response -- Node 20 has them as globals, like browsers */
// React's own encoder and decoder for server-action arguments, the oracle the body checker in
// lib/http/action-body.ts is tested against. Run as a child process (the decoder needs Node's
// `react-server` condition, which the rest of the tests must not have):
//   node tests/helpers/react-reply.mjs encode                         -> samples the portal's pages send
//   node --conditions react-server tests/helpers/react-reply.mjs decode < cases.json -> verdicts
// A case is { text } (a string body) or { entries: [[name, value | { file, content }]] } (multipart,
// decoded as it streams in, as Next.js does).
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

const require = createRequire(import.meta.url);
const mode = process.argv[2];

async function readStdin() {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return JSON.parse(data);
}

function toCase(reply) {
  if (typeof reply === "string") return { text: reply };
  return {
    entries: [...reply.entries()].map(([name, value]) =>
      typeof value === "string" ? [name, value] : [name, { file: value.name, content: "file content" }],
    ),
  };
}

async function encode() {
  const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node");
  const form = new FormData();
  form.append("email", "social.worker@demo.invalid");
  form.append("password", "Demo-password-2026");
  form.append("callbackUrl", "/children");
  const file = new File(["%PDF-1.4 fictional"], "health-assessment.pdf", { type: "application/pdf" });
  const shared = { text: "shared", list: [1, 2] };
  const samples = {
    "the sign-in form through useActionState": [{}, form],
    "an entry with its fields": ["visits", { childId: "0b9e", occurredOn: "2026-10-01", values: { notes: "Seen" } }],
    "an upload with its file": [{ childId: "0b9e", category: "health", title: "Health assessment", file }],
    "no arguments": [],
    "values JSON cannot carry": [
      undefined,
      NaN,
      -0,
      Infinity,
      -Infinity,
      new Date(0),
      12345678901234567890n,
      "$dollar",
    ],
    "the same object twice": [{ a: shared, b: shared }],
    "a map and a set": [new Map([["k", 1]]), new Set([1, 2])],
  };
  const out = {};
  for (const [name, args] of Object.entries(samples)) out[name] = toCase(await encodeReply(args));
  process.stdout.write(JSON.stringify(out));
}

async function decode() {
  const server = require("next/dist/compiled/react-server-dom-turbopack/server.node");
  const busboyOf = require("next/dist/compiled/busboy");
  const cases = await readStdin();
  const verdicts = [];
  for (const c of cases) {
    const temporaryReferences = server.createTemporaryReferenceSet();
    try {
      let args;
      if ("text" in c) {
        args = await server.decodeReply(c.text, {}, { temporaryReferences });
      } else {
        const form = new FormData();
        for (const [name, value] of c.entries) {
          if (typeof value === "string") form.append(name, value);
          else form.append(name, new File([value.content], value.file));
        }
        const body = new Response(form);
        const busboy = busboyOf({ headers: { "content-type": body.headers.get("content-type") } });
        const bytes = Buffer.from(await body.arrayBuffer());
        [, args] = await Promise.all([
          pipeline(Readable.from([bytes]), busboy),
          server.decodeReplyFromBusboy(busboy, {}, { temporaryReferences }),
        ]);
      }
      // Next.js calls the action with these as its arguments.
      verdicts.push(Array.isArray(args) ? { ok: true } : { ok: false, error: "arguments are not a list" });
    } catch (error) {
      verdicts.push({ ok: false, error: String(error?.message ?? error) });
    }
  }
  process.stdout.write(JSON.stringify(verdicts));
}

if (mode === "encode") await encode();
else if (mode === "decode") await decode();
else throw new Error("usage: react-reply.mjs encode | decode");
