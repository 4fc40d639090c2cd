// Which code writes to more than one child's record, found from the source rather than from names:
// the test that records are never merged asserts that only an explicit list of policies do.
//
// A write that touches a second child must ask the policy about that child and audit on that
// child's own chain (the wrapper audits only the child the action names), so a function is taken
// to reach another child when it asks for a child's access itself (`otherChildAccess`,
// `childAccess`), audits on a chain other than `access.childId`, or takes two children's access.
// Functions that call one are caught too; an action reaches another child when its body calls one.
// Reads (queries.ts, pages, components) and the policy module itself are not writes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface SourceFile {
  path: string;
  text: string;
}

interface Declaration {
  file: string;
  name: string;
  body: string;
}

/** Top-level declarations of a module (prettier starts each at column 0), with their text. */
export function declarations(file: SourceFile): Declaration[] {
  const out: Declaration[] = [];
  let current: Declaration | null = null;
  for (const line of file.text.split("\n")) {
    const m = /^(?:export\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?const\s+(\w+)/.exec(line);
    if (m) {
      if (current) out.push(current);
      current = { file: file.path, name: m[1] ?? m[2] ?? "", body: `${line}\n` };
    } else if (/^[^\s}\])]/.test(line)) {
      // Another top-level statement (an import, a type, a comment) ends the declaration.
      if (current) out.push(current);
      current = null;
    } else if (current) current.body += `${line}\n`;
  }
  if (current) out.push(current);
  return out;
}

/** Why a declaration reaches a child other than the one its access names, or nothing. */
export function directReasons(body: string): string[] {
  const why: string[] = [];
  if (/\botherChildAccess\(/.test(body)) why.push("asks the policy about another child");
  else if (/\bchildAccess\(/.test(body)) why.push("opens a child's access itself");
  for (const m of body.matchAll(/recordAudit\(\s*\w+,\s*\{([\s\S]*?)\}\s*\)/g)) {
    const child = /\bchildId:\s*([^,\n]+)/.exec(m[1] ?? "");
    const value = child?.[1]?.trim().replace(/,$/, "");
    if (value && value !== "access.childId") why.push(`audits on another child's chain (${value})`);
  }
  const signature = body.split(/\)\s*(?::[^{]*)?\{\s*\n/)[0] ?? "";
  if ((signature.match(/:\s*ChildAccess\b/g) ?? []).length >= 2) why.push("takes two children's access");
  return why;
}

const isRead = (file: string) =>
  /(^|\/)queries\.ts$/.test(file) || file.startsWith("app/") || file.startsWith("components/");

/**
 * The functions that reach another child (directly, or by calling one that does), and the policies
 * whose wrapped action calls one, each with the functions it calls.
 */
export function crossChildWrites(files: readonly SourceFile[]) {
  const decls = files.filter((f) => !f.path.startsWith("lib/access/")).flatMap(declarations);
  const writers = new Map<string, { file: string; why: string[] }>();
  for (const d of decls) {
    if (isRead(d.file)) continue;
    const why = directReasons(d.body);
    if (why.length) writers.set(d.name, { file: d.file, why });
  }
  const calls = (body: string, name: string) => new RegExp(`\\b${name}\\(`).test(body);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of decls) {
      if (isRead(d.file) || writers.has(d.name) || /\bauthorizedAction\b/.test(d.body)) continue;
      const callee = [...writers.keys()].find((n) => n !== d.name && calls(d.body, n));
      if (callee) {
        writers.set(d.name, { file: d.file, why: [`calls ${callee}`] });
        grew = true;
      }
    }
  }
  const policies = new Map<string, string[]>();
  for (const d of decls) {
    // Each wrapped action in the declaration, up to the next one: its policy and what its body calls.
    const parts = d.body.split(/\bauthorizedAction(?:<[^>]*>)?\(/).slice(1);
    for (const part of parts) {
      const policy = /^\s*(["`])([^"`]+)\1/.exec(part)?.[2];
      if (!policy) continue;
      const reached = [...writers.keys()].filter((n) => calls(part, n));
      if (reached.length) policies.set(policy, [...(policies.get(policy) ?? []), ...reached]);
    }
  }
  return { writers, policies };
}

/** The portal's own source (not tests), relative to the project root. */
export function portalSources(root: string = process.cwd()): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith(".test.ts"))
        out.push({ path: path.relative(root, full), text: readFileSync(full, "utf8") });
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(path.join(root, dir));
  return out;
}
