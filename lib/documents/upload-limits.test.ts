import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "./schemas";
import { MAX_UPLOAD_REQUEST_BYTES } from "./upload";

const nextConfig = createRequire(import.meta.url)("../../next.config.js") as {
  experimental: { proxyClientMaxBodySize: string; serverActions: { bodySizeLimit: string } };
};
/** Next reads these sizes with the `bytes` package: 1mb is 1024 × 1024 bytes. */
const megabytes = (size: string) => Number(/^(\d+)mb$/.exec(size)?.[1]) * 1024 * 1024;

describe("the limits on a request's body", () => {
  it("let a whole 25 MB upload and its form through the proxy, and keep server actions small", () => {
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(megabytes(nextConfig.experimental.proxyClientMaxBodySize)).toBeGreaterThanOrEqual(MAX_UPLOAD_REQUEST_BYTES);
    expect(megabytes(nextConfig.experimental.serverActions.bodySizeLimit)).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});
