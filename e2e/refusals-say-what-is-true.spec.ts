// Refusal pages say what is true to someone who may open the record: they can read it but not add
// to this section, or the section is not shared with their organisation. For a child they may not
// see at all, the answer is exactly that for a child that does not exist, so nothing leaks.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { authFile, childPath, demoChildName } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

async function mainOf(page: Page, path: string) {
  const response = await page.goto(path);
  return { status: response?.status(), main: await page.getByRole("main").innerText() };
}

test.describe("as the child's IRO", () => {
  test.use({ storageState: authFile("iro1") });

  test("adding an assessment says the IRO can read the record but not add to this section", async ({ page }) => {
    await page.goto(`${childPath(0)}/assessments/new`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `${demoChildName(0).firstName} ${demoChildName(0).lastName}`,
    );
    await expect(
      page.getByRole("heading", { name: "You can read this record but not add to this section" }),
    ).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Independent Reviewing Officer");
    await expect(page.getByRole("main")).not.toContainText("does not exist");
    await expect(page.getByRole("main")).not.toContainText("break-glass");
    await expectNoAxeViolations(page);
    await shot(page, "refusal-iro-write");
  });
});

test.describe("as Brightwater Fostering", () => {
  test.use({ storageState: authFile("prov1") });

  test("the chronology of a placed child is not shared with the organisation, and says so", async ({ page }) => {
    await page.goto(`${childPath(0)}/chronology`);
    await expect(page).toHaveURL(/\/not-shared\?section=chronology$/);
    await expect(
      page.getByRole("heading", { name: "This section is not shared with your organisation" }),
    ).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("does not exist");
    await expect(page.getByRole("main")).not.toContainText("break-glass");
    await expectNoAxeViolations(page);
    await shot(page, "refusal-provider-not-shared");
  });

  test("a child with no arrangement gets exactly the answer for a child that does not exist", async ({ page }) => {
    const unseen = await mainOf(page, `${childPath(30)}/chronology`);
    const missing = await mainOf(page, `/children/${randomUUID()}/chronology`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record not available");
    expect(unseen).toEqual(missing);
    expect(unseen.main).not.toContain("not shared with your organisation");
  });

  test("visits and documents say only the organisation's own records are shown; uploads offer only its categories", async ({
    page,
  }) => {
    await page.goto(`${childPath(0)}/visits`);
    await expect(page.getByRole("main")).toContainText("Only visits recorded by your organisation are shown");
    await expect(page.getByRole("main")).not.toContainText("No visits recorded yet");
    await page.goto(`${childPath(0)}/documents`);
    for (const select of ["#category", "#category-filter"]) {
      const categories = (await page.locator(`${select} option`).allInnerTexts()).join("|");
      expect(categories, select).not.toMatch(/Court order|Court report|Decision/);
      expect(categories, select).toMatch(/Record of visit/);
    }
    await expectNoAxeViolations(page);
  });
});
