// Small helpers the journeys share: signing in through the real form, reading the caseload
// table, screenshots kept as artefacts, and the accessibility check.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A full-page screenshot in the test's output folder, and in E2E_SHOTS_DIR when that is set. */
export async function shot(page: Page, name: string) {
  const file = `${name}.png`;
  await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
  const extra = process.env.E2E_SHOTS_DIR;
  if (extra) {
    fs.mkdirSync(extra, { recursive: true });
    fs.copyFileSync(test.info().outputPath(file), path.join(extra, file));
  }
}

/** Ids of the children listed in the caseload table on the current page. */
export async function caseloadChildIds(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /Children/ });
  const hrefs = await table.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace(/^\/children\//, ""));
}

export function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

/** WCAG 2.2 AA as far as axe can tell: no violations at all. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The first audit-log row containing every one of `texts`, following "Older events" for a few
 * pages: other journeys running at the same time add events too.
 */
export async function findAuditRow(page: Page, texts: string[], maxPages = 5) {
  for (let i = 0; i < maxPages; i++) {
    let row = page.getByRole("table", { name: /Audit events/ }).getByRole("row");
    for (const text of texts) row = row.filter({ hasText: text });
    if ((await row.count()) > 0) return row.first();
    const older = page.getByRole("link", { name: "Older events" });
    if ((await older.count()) === 0) break;
    const current = page.url();
    await older.click();
    await page.waitForURL((url) => url.toString() !== current);
  }
  throw new Error(`No audit event with ${texts.join(", ")}`);
}
