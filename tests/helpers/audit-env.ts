// The audit keys and checkpoint folder for a test process, set before lib/env.ts reads them:
// random per run, so no test depends on a key anyone could know.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.AUDIT_HMAC_KEY ??= randomBytes(32).toString("hex");
process.env.AUDIT_SIGNING_KEY ??= generateKeyPairSync("ed25519")
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();
if (!process.env.AUDIT_CHECKPOINT_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-checkpoints-"));
  process.env.AUDIT_CHECKPOINT_DIR = dir;
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
}
