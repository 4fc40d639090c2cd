// The records officer checks a collection year's SSDA903 return before it leaves: the rows each
// table holds, any problems with the place to put them right, and the download of the
// Department's files as one ZIP (one CSV per table, the exact header row). A team manager sees
// their own team's open problems on the data-quality page; a social worker cannot download.
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { TABLE_COLUMNS } from "../lib/ssda903/tables";
import { authFile } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

test("the records officer checks the return for a year and downloads the Department's files", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: authFile("ro") });
  const page = await context.newPage();
  await page.goto("/returns/ssda903");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SSDA903 return");
  const year = page.getByLabel("Collection year", { exact: true });
  const chosen = await year.inputValue();
  const held = page.getByRole("table", { name: "Rows in each table of the return" });
  // "sw_episodes.csv" also ends in "episodes.csv": the row is the one that starts with its words.
  const episodesRow = held.getByRole("row", { name: /^Episodes of care \(episodes\.csv\)/ });
  await expect(episodesRow).toBeVisible();
  const episodes = Number(await episodesRow.getByRole("cell").textContent());
  expect(episodes).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await shot(page, "ssda903-return");

  // The previous year, chosen from the list.
  await year.selectOption(String(Number(chosen) - 1));
  await page.getByRole("button", { name: "Check this year" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${Number(chosen) - 1}`));
  await expect(page.getByText(/^Children looked after, 1 April/)).toContainText(`31 March ${Number(chosen) - 1}`);

  // Back to the default year; each problem (if any) links to the child's record.
  await page.goto("/returns/ssda903");
  const fix = page.getByRole("link", { name: /^Put it right/ }).first();
  if ((await fix.count()) > 0) {
    await fix.click();
    await expect(page).toHaveURL(/\/children\/[0-9a-f-]+/);
    await page.goBack();
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Download the return/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ssda903-\d{3}-\d{4}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  for (const [table, columns] of Object.entries(TABLE_COLUMNS)) {
    if (table === "dolo" && Number(chosen) < 2027) {
      expect(files["dolo.csv"]).toBeUndefined();
      continue;
    }
    const csv = strFromU8(files[`${table}.csv`] ?? new Uint8Array());
    expect(csv.split("\r\n")[0], table).toBe(columns.join(","));
  }
  const lines = strFromU8(files["episodes.csv"] ?? new Uint8Array())
    .trim()
    .split("\r\n");
  expect(lines.length - 1).toBe(episodes);
  await context.close();
});

test("a team manager sees their team's open problems; a social worker cannot download the return", async ({
  browser,
}) => {
  const tm = await browser.newContext({ storageState: authFile("tm1") });
  const page = await tm.newPage();
  await page.goto("/data-quality");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data quality");
  await expect(page.getByText(/open problems|No open problems/).first()).toBeVisible();
  // No team choice for a team manager: only their own team.
  await expect(page.getByLabel("Team")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, "data-quality-team-manager");
  await tm.close();

  const sw = await browser.newContext({ storageState: authFile("sw1") });
  const refused = await sw.request.get("/returns/ssda903/download?year=2026");
  expect(refused.status()).toBe(404);
  await sw.close();
});
