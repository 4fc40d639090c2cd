// A provider sees only what its arrangement needs: no birth-family address, and no child once
// the arrangement has ended or before it starts.
import { expect, test } from "@playwright/test";
import { authFile, childPath, demoChildName } from "./support/demo";
import { shot } from "./support/pages";

test.describe("as Brightwater Fostering", () => {
  test.use({ storageState: authFile("prov1") });

  test("the overview of a child placed with the provider has no birth family address", async ({ page }) => {
    const { firstName, lastName } = demoChildName(0);
    await page.goto(childPath(0));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${firstName} ${lastName}`);
    await expect(page.getByText("Provider view")).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("Birth family address");
    await expect(page.getByRole("main")).not.toContainText("Example Road");
    expect(await page.content()).not.toContain("Example Road");
    await shot(page, "child-overview-provider");
  });

  test("the child's family and people show who the parents are, never their addresses or contact details", async ({
    page,
  }) => {
    await page.goto(`${childPath(0)}/people`);
    await expect(page.getByRole("heading", { name: "Family and people" })).toBeVisible();
    await expect(page.getByText("Addresses and contact details are not shown to providers.")).toBeVisible();
    await expect(page.getByText(/\(Mother\)/).first()).toBeVisible();
    const html = await page.content();
    for (const secret of ["Example Street", "0117 496 0100", "dana.parent0@demo.invalid"])
      expect(html).not.toContain(secret);
    await expect(page.getByRole("heading", { name: "Siblings (separate records)" })).toHaveCount(0);
    await shot(page, "child-people-provider");
  });

  test("children whose arrangement has ended or not yet started are not available", async ({ page }) => {
    for (const n of [6, 7]) {
      await page.goto(childPath(n));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record not available");
      expect(await page.content()).not.toContain(demoChildName(n).lastName);
    }
  });
});

test.describe("as the North team manager", () => {
  test.use({ storageState: authFile("tm1") });

  test("the same child's overview shows the birth family address to the authority's staff", async ({ page }) => {
    await page.goto(childPath(0));
    await expect(page.getByText("Birth family address")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Example Road");
    await shot(page, "child-overview-team-manager");
  });
});
