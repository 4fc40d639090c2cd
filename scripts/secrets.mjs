// Per-installation secrets, kept in .data/ (out of git, never in the database): the session
// secret, the audit HMAC key and the Ed25519 key that signs audit checkpoints. A variable already
// set in the environment wins. `node scripts/secrets.mjs --shell` prints them as shell exports
// (one line each) for `npm run dev`.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

const SECRETS = [
  { name: "AUTH_SECRET", file: "auth-secret", make: () => randomBytes(32).toString("hex") },
  { name: "AUDIT_HMAC_KEY", file: "audit-hmac-key", make: () => randomBytes(32).toString("hex") },
  {
    name: "AUDIT_SIGNING_KEY",
    file: "audit-signing-key.pem",
    make: () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  },
];

/**
 * Fills process.env from .data/, creating a missing secret when `create` is set. Without it (the
 * verifier) nothing is invented: a fresh HMAC key would only make every event look forged.
 */
export function loadSecrets({ create = true } = {}) {
  for (const secret of SECRETS) {
    if (process.env[secret.name]) continue;
    const file = path.join(root, ".data", secret.file);
    if (!fs.existsSync(file)) {
      if (!create) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, secret.make(), { mode: 0o600, flag: "wx" });
    }
    process.env[secret.name] = fs.readFileSync(file, "utf8").trim();
  }
}

if (process.argv[1] === import.meta.filename && process.argv[2] === "--shell") {
  loadSecrets();
  for (const { name } of SECRETS) {
    const value = process.env[name] ?? "";
    // base64 keeps the PEM on one line; lib/env.ts reads either form.
    const oneLine = value.includes("\n") ? Buffer.from(value).toString("base64") : value;
    console.log(`export ${name}='${oneLine.replace(/'/g, "")}'`);
  }
}
