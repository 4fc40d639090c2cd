// Searching the caseload by name (within what the person may see) and paging through it.
import { expect, test } from "@playwright/test";
import { authFile, demoChildId, EVEN_CHILDREN, PAGINATION_CHILD_COUNT, paginationChildId } from "./support/demo";
import { caseloadChildIds, shot } from "./support/pages";

test.describe("as a North social worker", () => {
  test.use({ storageState: authFile("sw1") });

  test("searching by part of a surname, in any case, finds the matching children", async ({ page }) => {
    await page.goto("/children");
    await page.getByRole("searchbox", { name: "Search by name" }).fill("oakHURST");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=oakHURST/);
    await expect(page.getByText("3 children matching “oakHURST”")).toBeVisible();
    expect((await caseloadChildIds(page)).sort()).toEqual([2, 3, 22].map(demoChildId).sort());
    await shot(page, "caseload-search");
  });

  test("searching by first name and surname together narrows to one child", async ({ page }) => {
    await page.goto("/children?q=maya+oak");
    expect(await caseloadChildIds(page)).toEqual([demoChildId(2)]);
  });

  test("a search never reaches children outside the person's caseload", async ({ page }) => {
    // Kestwood is child 10 (North) and child 30 (South): only the North child is listed.
    await page.goto("/children?q=kestwood");
    expect(await caseloadChildIds(page)).toEqual([demoChildId(10)]);
  });

  test("a search that matches nobody says so and offers to clear it; wildcards are taken literally", async ({
    page,
  }) => {
    await page.goto("/children?q=%25");
    await expect(page.getByText("No children match that search")).toBeVisible();
    await page.getByRole("link", { name: "Clear search" }).click();
    await expect(page).toHaveURL("/children");
    await expect(page.getByText("24 children", { exact: true })).toBeVisible();
  });
});

test.describe("as an IRO with more than one page of children", () => {
  test.use({ storageState: authFile("iro2") });

  test("the caseload shows 25 children a page, and next and previous pages reach every child once", async ({
    page,
  }) => {
    const total = 20 + PAGINATION_CHILD_COUNT;
    await page.goto("/children");
    await expect(page.getByText(`${total} children`, { exact: true })).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Caseload pages" });
    await expect(pages).toContainText("Page 1 of 3");
    await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);

    const seen: string[] = [];
    const first = await caseloadChildIds(page);
    expect(first).toHaveLength(25);
    seen.push(...first);

    await pages.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL("/children?page=2");
    await expect(pages).toContainText("Page 2 of 3");
    const second = await caseloadChildIds(page);
    expect(second).toHaveLength(25);
    seen.push(...second);
    await shot(page, "caseload-page-2");

    await pages.getByRole("link", { name: "Next page" }).click();
    await expect(pages).toContainText("Page 3 of 3");
    await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);
    seen.push(...(await caseloadChildIds(page)));

    const odd = Array.from({ length: 40 }, (_, n) => n).filter((n) => !EVEN_CHILDREN.includes(n));
    const expected = [
      ...odd.map(demoChildId),
      ...Array.from({ length: PAGINATION_CHILD_COUNT }, (_, n) => paginationChildId(n)),
    ];
    expect(seen).toHaveLength(total);
    expect([...seen].sort()).toEqual(expected.sort());

    await pages.getByRole("link", { name: "Previous page" }).click();
    await expect(pages).toContainText("Page 2 of 3");
    expect(await caseloadChildIds(page)).toEqual(second);
  });

  test("a page number past the end shows the last page", async ({ page }) => {
    await page.goto("/children?page=99");
    await expect(page.getByRole("navigation", { name: "Caseload pages" })).toContainText("Page 3 of 3");
  });
});
