// Next.js configuration. PGlite and the native argon2 binding must stay outside the bundle.
// A case record needs none of these browser features; nothing embedded may ask for them either.
const permissionsPolicy = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  experimental: {
    // Server actions carry form text only (files go to the upload route), so their bodies stay small.
    serverActions: { bodySizeLimit: "2mb" },
    // With proxy.ts present Next buffers a request body in memory for the proxy, up to this size,
    // and cuts off the rest (10 MB by default: a 15 MB upload failed with "Unexpected end of form").
    // The upload route is left out of the proxy's matcher so its body streams to storage and is
    // never buffered; this ceiling is the largest request the portal accepts (a 25 MB file plus
    // the form, MAX_UPLOAD_REQUEST_BYTES in lib/documents/upload.ts), so no body it accepts is
    // ever cut short on the way.
    proxyClientMaxBodySize: "26mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: permissionsPolicy },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
