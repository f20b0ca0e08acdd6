// The reviewer's desk in a real browser (Debian's chromium, driven by
// playwright-core): a run of the sample batch is served by `listaudit serve`;
// the test opens the overview, filters the queue, decides a row with one
// keystroke and checks that lists.csv followed; it also checks that the
// server refuses a request without the token. Screenshots at 1366x768 go to
// SHOTS (outside the repository), for a person to look at.
//
//   node desk_test.mjs LISTAUDIT DATA_DIR WORK_DIR SHOTS_DIR
// Exit 0 passed, 1 failed, 77 skipped (no chromium).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [listaudit, data, work, shots] = process.argv.slice(2);
const browserPath = "/usr/bin/chromium";
if (!existsSync(browserPath)) {
  console.log("SKIP: no /usr/bin/chromium (tools/setup installs it)");
  process.exit(77);
}
mkdirSync(shots, { recursive: true });

function check(condition, what) {
  if (!condition) throw new Error("FAILED: " + what);
  console.log("ok: " + what);
}
function listsCsv(out) {
  const [header, ...lines] = readFileSync(join(out, "lists.csv"), "utf8").trim().split(/\r?\n/);
  const names = header.split(",");
  return Object.fromEntries(lines.map((line) => {
    const cells = line.split(",");
    return [cells[0], Object.fromEntries(names.map((n, i) => [n, cells[i]]))];
  }));
}

// A fresh run: the same command on an old folder would carry its decisions over.
const out = join(work, "run");
rmSync(out, { recursive: true, force: true });
execFileSync(listaudit, ["run", "--manifest", join(data, "manifest.csv"), "--population", join(data, "population.csv"),
  "--consent", join(data, "consent.csv"), "--complaints", join(data, "complaints.csv"), "--required", "20",
  "--cache", join(work, "cache"), "--out", out], { stdio: ["ignore", "ignore", "inherit"] });
const before = listsCsv(out);

const server = spawn(listaudit, ["serve", "--store", out, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let text = "";
  server.stdout.on("data", (chunk) => {
    text += chunk;
    const found = text.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);
    if (found) resolve(found[0]);
  });
  server.on("exit", (code) => reject(new Error("listaudit serve ended with " + code)));
  setTimeout(() => reject(new Error("listaudit serve printed no address")), 15000);
});

let browser;
let failed = false;
try {
  const origin = url.replace(/\/\?token=.*/, "");
  const refused = await fetch(origin + "/api/overview");
  check(refused.status === 403, "a request without the token is refused");

  browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(90000);  // the other tests share the two cores
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("requestfailed", (r) => problems.push("request failed: " + r.url()));
  await page.goto(url);

  // Overview: each list with its verdict against the 20 required.
  const row = page.locator('#lists tr[data-list="L01-BG"]');
  await row.waitFor();
  const verdict = await row.locator(".verdict").innerText();
  const l01 = before["L01-BG"];
  check(verdict.includes(Number(l01.valid_rows) >= 20 ? "reaches 20" : `short by ${20 - Number(l01.valid_rows)}`),
    `the overview gives L01-BG's verdict (${verdict})`);
  check((await row.locator(".valid").innerText()).includes(`${l01.valid_rows} of 20`), "and its valid supporters");
  await page.screenshot({ path: join(shots, "desk-overview.png") });

  // The queue, filtered to one list and one flag.
  await page.click("#tab-queue");
  await page.selectOption("#f-list", "L01-BG");
  await page.selectOption("#f-flag", "NO_CONSENT");
  await page.waitForFunction(() => document.querySelectorAll("#rows .item").length > 0 &&
    [...document.querySelectorAll("#rows .item")].every((i) => i.textContent.includes("L01-BG") && i.textContent.includes("NO_CONSENT")));
  const shown = await page.locator("#rows .item").count();
  check(shown === Number(l01.NO_CONSENT), `the queue shows L01-BG's ${l01.NO_CONSENT} NO_CONSENT rows (${shown})`);
  await page.locator("#detail img").first().waitFor();
  check(await page.locator("#detail img").first().evaluate((img) => img.complete && img.naturalWidth > 100),
    "the chosen row's image is shown");

  // A script-blind search: the Latin spelling finds the Cyrillic name.
  const firstName = (await page.locator("#rows .item strong").first().innerText()).split(" ").pop();
  const latin = execFileSync("uconv", ["-x", "Bulgarian-Latin/BGN"], { input: firstName }).toString().trim();
  await page.fill("#f-q", latin);
  await page.waitForFunction((name) => [...document.querySelectorAll("#rows .item strong")].some((s) => s.textContent.includes(name)), firstName, { timeout: 20000 }).catch(async (e) => { console.log("DEBUG", JSON.stringify(firstName), await page.locator("#count").innerText(), await page.locator("#rows").innerText()); throw e; });
  check(true, `searching "${latin}" finds ${firstName}`);
  await page.fill("#f-q", "");
  await page.waitForFunction((n) => document.querySelectorAll("#rows .item").length === n, shown);

  // Decide: accept the first row with one keystroke.
  await page.fill("#reviewer", "Test Reviewer");
  await page.locator("#rows .item").first().click();
  await page.locator("#detail #accept").waitFor();
  await page.locator("#detail h3").click();  // focus off the inputs, so the key is a decision
  await page.keyboard.press("a");
  await page.waitForFunction(() => (document.getElementById("message") || {}).textContent?.startsWith("Saved"));
  await page.screenshot({ path: join(shots, "desk-queue.png") });
  const after = listsCsv(out);
  check(Number(after["L01-BG"].valid_rows) === Number(l01.valid_rows) + 1,
    `lists.csv follows the decision: valid_rows ${l01.valid_rows} -> ${after["L01-BG"].valid_rows}`);
  const decisions = execFileSync(listaudit, ["decisions", "--store", out]).toString();
  check(decisions.includes(",accept,") && decisions.includes("Test Reviewer"), "listaudit decisions lists it");

  await page.click("#tab-overview");
  await page.waitForFunction((v) => document.querySelector('#lists tr[data-list="L01-BG"] .valid').textContent.includes(`${v} of 20`),
    after["L01-BG"].valid_rows);
  check(true, "the overview follows it too");

  await page.click("#tab-collectors");
  await page.locator("#collectors table tr").nth(1).waitFor();
  await page.screenshot({ path: join(shots, "desk-collectors.png") });
  check((await page.locator("#collectors table tr").count()) > 1, "the collector view lists collectors");
  // In Bulgarian, as `serve --lang bg` or a Bulgarian browser asks.
  await page.goto(url + "&lang=bg");
  await page.locator('#lists tr[data-list="L01-BG"]').waitFor();
  check((await page.locator("#tab-overview").innerText()) === "Преглед", "the desk speaks Bulgarian when asked");
  const verdictBg = await page.locator('#lists tr[data-list="L01-BG"] .verdict').innerText();
  check(verdictBg.startsWith("не достигат") || verdictBg.startsWith("достига"), `and gives its verdict in it (${verdictBg})`);
  await page.screenshot({ path: join(shots, "desk-overview-bg.png") });
  check(problems.length === 0, "no script error and no failed request" + (problems.length ? ": " + problems.join("; ") : ""));
} catch (e) {
  console.error(e.message);
  failed = true;
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
