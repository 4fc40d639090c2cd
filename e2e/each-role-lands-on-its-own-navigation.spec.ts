// Each role, once signed in, gets the navigation its permissions allow and lands on the first item.
import { expect, test } from "@playwright/test";
import { account, authFile, type DemoUserKey } from "./support/demo";
import { mainNavigation, shot } from "./support/pages";

const EXPECTED: Array<{ key: DemoUserKey; nav: string[]; home: string }> = [
  { key: "sw1", nav: ["Children", "Work tray", "Carers and homes"], home: "/children" },
  { key: "sw3", nav: ["Children", "Work tray", "Carers and homes"], home: "/children" },
  {
    key: "tm1",
    nav: ["Children", "Work tray", "Team dashboard", "Carers and homes", "Data quality"],
    home: "/children",
  },
  { key: "ssw", nav: ["Carers and homes"], home: "/carers" },
  { key: "iro1", nav: ["Children", "Work tray"], home: "/children" },
  { key: "prov1", nav: ["Children"], home: "/children" },
  {
    key: "ro",
    nav: ["Audit log", "Find a child", "Users", "Retention", "Same child", "Data quality", "SSDA903 return"],
    home: "/audit",
  },
];

for (const { key, nav, home } of EXPECTED) {
  const { name, role } = account(key);
  test(`a ${role.replace("_", " ")} (${name}) sees ${nav.join(", ")} in the navigation and lands on ${home}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: authFile(key) });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(home);
    await expect(mainNavigation(page).getByRole("link")).toHaveText(nav);
    await expect(mainNavigation(page).getByRole("link", { name: nav[0] })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("banner")).toContainText(name);
    await shot(page, `home-${key}`);
    await context.close();
  });
}

test("a records officer has no caseload: the Children address sends them to the search for a child", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: authFile("ro") });
  const page = await context.newPage();
  await page.goto("/children");
  await expect(page).toHaveURL("/find-a-child");
  await expect(mainNavigation(page).getByRole("link", { name: "Children" })).toHaveCount(0);
  await context.close();
});

test("staff without the permission cannot open the audit log, users, retention or the SSDA903 return", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: authFile("tm1") });
  const page = await context.newPage();
  for (const path of ["/audit", "/admin/users", "/admin/retention", "/returns/ssda903"]) {
    await page.goto(path);
    await expect(page).toHaveURL("/children");
  }
  await context.close();
});
