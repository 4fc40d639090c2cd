import { strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream } from "./progress-file";

const streamOf =
  (...pieces: Uint8Array[]) =>
  () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of pieces) controller.enqueue(p);
        controller.close();
      },
    });

describe("the progress file's streamed ZIP", () => {
  it("holds every entry intact, whether stored or deflated, and whatever pieces they arrive in", async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const stream = zipStream([
      { path: "index.html", deflate: true, open: streamOf(strToU8("<p>Your progress file</p>")) },
      { path: "files/a.pdf", deflate: false, open: streamOf(big.subarray(0, 100_000), big.subarray(100_000)) },
      { path: "files/empty.txt", deflate: true, open: streamOf() },
    ]);
    const files = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
    expect(Object.keys(files)).toEqual(["index.html", "files/a.pdf", "files/empty.txt"]);
    expect(new TextDecoder().decode(files["index.html"])).toBe("<p>Your progress file</p>");
    expect(files["files/a.pdf"]).toEqual(big);
    expect(files["files/empty.txt"]).toHaveLength(0);
  });
});
