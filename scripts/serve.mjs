// The portal's HTTP server: Next.js in production mode behind a few lines that decide what the
// X-Forwarded-* headers may say. Without TRUST_PROXY nobody may claim a host, scheme or address
// for themselves: the headers are replaced by what the socket says, so sign-in throttling counts
// the real client. With TRUST_PROXY the reverse proxy in front sets them and they are kept.
import http from "node:http";

process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const trustProxy = /^(true|1|yes)$/i.test((process.env.TRUST_PROXY ?? "").trim());
const FORWARDING = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
];

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (!trustProxy) {
    for (const name of FORWARDING) delete req.headers[name];
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  }
  void handle(req, res);
});
server.listen(port, hostname, () => {
  const trust = trustProxy ? ", trusting the reverse proxy's X-Forwarded-* headers" : "";
  console.log(`Case records portal listening on http://${hostname ?? "localhost"}:${port}${trust}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Requests still running after a few seconds are abandoned rather than holding the exit.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
