// Words, not codes: the caseload, a child's episodes of care, ethnicity and the chronology show
// what the codes mean (with the SSDA903 code beside where practitioners use it); the caseload is
// searched by reference and by date of birth; a team manager's landing shows what waits for them.
import { expect, test } from "@playwright/test";
import { authFile, childPath, demoChildId } from "./support/demo";
import { caseloadChildIds, expectNoAxeViolations, shot } from "./support/pages";

/** An SSDA903 code on its own in a cell ("C2", "U4", "NOBT"): what practitioners should not have to decode. */
const BARE_CODE = /^(?:[A-Z]\d|[A-Z]{4}|[A-Z]\d{1,2}|V\d)$/;

test.describe("as a North social worker", () => {
  test.use({ storageState: authFile("sw1") });

  test("the caseload shows legal status and placement in words with the code beside", async ({ page }) => {
    await page.goto("/children");
    const cells = page
      .getByRole("table", { name: /Children/ })
      .getByRole("row")
      .locator("td:nth-child(3)");
    const texts = await cells.allInnerTexts();
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      for (const line of text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)) {
        expect(line, "a code on its own").not.toMatch(BARE_CODE);
      }
    }
    expect(texts.join("\n")).toMatch(/[a-z]{3,}.* \([A-Z]\d\)/);
    await shot(page, "caseload-words");
  });

  test("a child's episodes, ethnicity and chronology are in words", async ({ page }) => {
    await page.goto(childPath(0));
    const ethnicity = page
      .getByRole("main")
      .locator("dt", { hasText: "Ethnicity" })
      .locator("xpath=following-sibling::dd[1]");
    await expect(ethnicity).toHaveText(/[a-z]{3,}.* \([A-Z]{4}\)/);
    // The overview's "Episodes of care" card: legal status and placement in words, the code beside.
    const episodes = page.getByRole("table", { name: "Episodes of care, newest first" });
    const episodeCells = await episodes.locator("tbody td").allInnerTexts();
    expect(episodeCells.length).toBeGreaterThan(0);
    for (const text of episodeCells) {
      for (const line of text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)) {
        expect(line, "a code on its own in the episodes of care").not.toMatch(BARE_CODE);
      }
    }
    expect((await episodes.locator("tbody td:nth-child(3)").allInnerTexts()).join("\n")).toMatch(
      /[a-z]{3,}.* \([A-Z]\d\)/,
    );
    expect((await episodes.locator("tbody td:nth-child(4)").allInnerTexts()).join("\n")).toMatch(
      /[a-z]{3,}.* \([A-Z]\d\)/,
    );
    await page.goto(`${childPath(0)}/chronology?section=episodes`);
    await expect(page.getByText(/Episode of care started: [A-Za-z].+ \([A-Z0-9]\)/).first()).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("Legal status C");
    await expectNoAxeViolations(page);
  });

  test("the caseload is searched by reference and by date of birth", async ({ page }) => {
    await page.goto("/children");
    await page.getByRole("searchbox", { name: "Search by name, reference or date of birth" }).fill("demo-1001");
    await page.getByRole("button", { name: "Search" }).click();
    expect(await caseloadChildIds(page)).toEqual([demoChildId(0)]);

    await page.goto(childPath(0));
    const born = (
      await page
        .getByText(/Born \d{2}\/\d{2}\/\d{4}/)
        .first()
        .innerText()
    ).match(/\d{2}\/\d{2}\/\d{4}/)?.[0];
    expect(born).toBeTruthy();
    await page.goto("/children");
    await page.getByRole("searchbox", { name: /Search by name/ }).fill(born ?? "");
    await page.getByRole("button", { name: "Search" }).click();
    expect(await caseloadChildIds(page)).toContain(demoChildId(0));
    await expectNoAxeViolations(page);
  });
});

test.describe("as the North team manager", () => {
  test.use({ storageState: authFile("tm1") });

  test("the landing page says what waits for their approval", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/children");
    await expect(page.getByRole("heading", { name: /^Waiting for your approval \(\d+\)$/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, "team-manager-landing");
  });
});

test("every page has a favicon, so no request for one goes unanswered", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/sign-in");
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  expect(missing).toEqual([]);
  // Signed out, every icon the page links to is the icon itself, not a redirect to sign in.
  for (const href of await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""))) {
    const icon = await page.request.get(href, { maxRedirects: 0 });
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()["content-type"], href).toMatch(/^image\//);
  }
});
