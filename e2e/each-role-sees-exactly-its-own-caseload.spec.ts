// The caseload lists exactly the children the access policy reaches, for every kind of relationship.
import { expect, test } from "@playwright/test";
import {
  authFile,
  BRIGHTWATER_ACTIVE,
  demoChildId,
  demoChildName,
  EVEN_CHILDREN,
  NORTH_CHILDREN,
  SOUTH_CHILDREN,
  type DemoUserKey,
} from "./support/demo";
import { caseloadChildIds, shot } from "./support/pages";

const ids = (numbers: number[]) => numbers.map(demoChildId).sort();

async function openCaseload(browser: import("@playwright/test").Browser, key: DemoUserKey) {
  const context = await browser.newContext({ storageState: authFile(key) });
  const page = await context.newPage();
  await page.goto("/children");
  return { context, page };
}

test("a provider sees exactly the seven children with an active Brightwater arrangement, not the ended or future ones", async ({
  browser,
}) => {
  const { context, page } = await openCaseload(browser, "prov1");
  await expect(page.getByText("Children with an active arrangement with your organisation")).toBeVisible();
  await expect(page.getByText("7 children", { exact: true })).toBeVisible();
  expect((await caseloadChildIds(page)).sort()).toEqual(ids(BRIGHTWATER_ACTIVE));
  for (const n of [6, 7]) {
    const { firstName, lastName } = demoChildName(n);
    await expect(page.getByRole("main")).not.toContainText(`${firstName} ${lastName}`);
  }
  // Providers are not shown the authority's staff.
  await expect(page.getByRole("columnheader", { name: "Allocated worker" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "IRO" })).toHaveCount(0);
  await shot(page, "caseload-provider");
  await context.close();
});

test("a provider from another organisation sees only its own child", async ({ browser }) => {
  const { context, page } = await openCaseload(browser, "prov2");
  expect(await caseloadChildIds(page)).toEqual(ids([8]));
  await context.close();
});

test("a South social worker sees the sixteen South children and no North child", async ({ browser }) => {
  const { context, page } = await openCaseload(browser, "sw3");
  await expect(page.getByText("16 children", { exact: true })).toBeVisible();
  expect((await caseloadChildIds(page)).sort()).toEqual(ids(SOUTH_CHILDREN));
  await context.close();
});

test("a North team manager sees the 24 North children on one page", async ({ browser }) => {
  const { context, page } = await openCaseload(browser, "tm1");
  await expect(page.getByText("24 children", { exact: true })).toBeVisible();
  expect((await caseloadChildIds(page)).sort()).toEqual(ids(NORTH_CHILDREN));
  await expect(page.getByRole("navigation", { name: "Caseload pages" })).toHaveCount(0);
  await shot(page, "caseload-team-manager");
  await context.close();
});

test("an IRO sees the twenty children they review", async ({ browser }) => {
  const { context, page } = await openCaseload(browser, "iro1");
  await expect(page.getByText("20 children", { exact: true })).toBeVisible();
  expect((await caseloadChildIds(page)).sort()).toEqual(ids(EVEN_CHILDREN));
  await context.close();
});

test("a North social worker sees the team's children, with their own twelve marked as allocated to them", async ({
  browser,
}) => {
  const { context, page } = await openCaseload(browser, "sw1");
  expect((await caseloadChildIds(page)).sort()).toEqual(ids(NORTH_CHILDREN));
  await expect(page.getByText("Allocated to you")).toHaveCount(12);
  const rowOf = (n: number) =>
    page.getByRole("row").filter({ has: page.locator(`a[href="/children/${demoChildId(n)}"]`) });
  await expect(rowOf(0)).toContainText("Allocated to you");
  await expect(rowOf(22)).toContainText("Allocated to you");
  await expect(rowOf(1)).not.toContainText("Allocated to you");
  await context.close();
});
