// Types for scripts/secrets.mjs (plain JavaScript, so `npm start` runs it with node alone).
export function loadSecrets(options?: { create?: boolean }): void;
