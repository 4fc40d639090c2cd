// Every audit action the portal writes reads in words in the audit log and the subject access
// view: the policy table's actions, and every action written to the log anywhere in the code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActionsMatching, FORMER_AUDIT_ACTIONS, hasAuditActionLabel, POLICIES } from "./index";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || d.name.startsWith(".") ? [] : sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/** Each call that writes to the audit log, with what its `action` is given as. */
function auditWrites(): Array<{ file: string; action: string }> {
  const out: Array<{ file: string; action: string }> = [];
  for (const file of ["lib", "app", "scripts", "db"].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/recordAudit(?:Now)?\(/g)) {
      // The event object is the call's argument: its `action` comes within the next few lines.
      const args = text.slice(call.index, call.index + 600);
      if (/^recordAudit(?:Now)?\(tx, input/.test(args)) continue; // recordAuditNow passing its own input on
      if (/^recordAudit(?:Now)?\([a-zA-Z]+: /.test(args)) continue; // the function's own declaration
      const action = /action:\s*([^,\n}]+)/.exec(args)?.[1]?.trim();
      out.push({ file: path.relative(ROOT, file), action: action ?? "(none found)" });
    }
  }
  return out;
}

describe("audit actions in words", () => {
  it("every policy's audit action has words", () => {
    for (const policy of Object.values(POLICIES)) expect(hasAuditActionLabel(policy.audit), policy.audit).toBe(true);
  });

  it("every action written to the audit log anywhere is a policy's, or a literal with words", () => {
    const writes = auditWrites();
    expect(writes.length).toBeGreaterThan(5);
    expect(writes).toContainEqual({ file: "lib/carers/commands.ts", action: 'POLICIES["carerEntry.duplicate"].audit' });
    expect(writes).toContainEqual({ file: "lib/auth/config.ts", action: '"auth.signOut"' });
    for (const { file, action } of writes) {
      const literal = /^"([^"]+)"$/.exec(action)?.[1];
      if (literal) {
        expect(hasAuditActionLabel(literal), `${file}: ${literal}`).toBe(true);
        expect(Object.values(FORMER_AUDIT_ACTIONS).flat(), `${file} writes a former name`).not.toContain(literal);
      } else
        expect(action, `${file} writes an action that is neither a policy's nor a literal`).toMatch(
          /^(?:policy\.audit|POLICIES\[[^\]]+\]\.audit)$/,
        );
    }
  });

  it("a duplicate placed from a carer's record reads and filters as the carer policy's action, old events too", () => {
    expect(auditActionLabel("duplicates.place")).toBe(auditActionLabel(POLICIES["carerEntry.duplicate"].audit));
    expect(auditActionLabel("duplicates.place")).toBe("Placed a duplicate entry on a child's record");
    expect(auditActionsMatching("carerEntry.duplicate")).toEqual(["carerEntry.duplicate", "duplicates.place"]);
    expect(auditActionsMatching("visits.view")).toEqual(["visits.view"]);
  });
});
