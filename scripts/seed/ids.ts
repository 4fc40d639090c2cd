// Deterministic ids and a seeded random source, so seeding twice gives the same fictional rows.
import { createHash } from "node:crypto";

/** A stable UUID-shaped id from a name (same name, same id, on every machine). */
export function stableId(name: string): string {
  const h = createHash("sha256").update(`cla-demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small, fast seeded PRNG (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Invented name parts: combinations are fictional and marked as demo data wherever shown. */
export const FIRST_NAMES = [
  "Ava",
  "Leo",
  "Maya",
  "Noah",
  "Isla",
  "Kai",
  "Zara",
  "Finn",
  "Ruby",
  "Ezra",
  "Lila",
  "Theo",
  "Nia",
  "Rory",
  "Esme",
  "Jude",
  "Ivy",
  "Otis",
  "Freya",
  "Milo",
  "Aria",
  "Sami",
  "Elsie",
  "Reuben",
  "Cora",
  "Arlo",
  "Iris",
  "Felix",
  "Nell",
  "Caleb",
] as const;
export const LAST_NAMES = [
  "Ashdown",
  "Brackley",
  "Corrin",
  "Dunmore",
  "Elverton",
  "Farrowby",
  "Glenholt",
  "Harwick",
  "Ingleby",
  "Jessop-Vane",
  "Kestwood",
  "Larkfield",
  "Merriden",
  "Northam",
  "Oakhurst",
  "Pellingham",
  "Quarrendon",
  "Rushmere",
  "Saltwood",
  "Thornbury",
] as const;
