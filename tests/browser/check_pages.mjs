// Open each HTML document in headless Chromium, as a reader would, and report what is wrong.
// Usage: node check_pages.mjs CHROMIUM SCREENSHOT_FOLDER PAGE.html...
// Prints one JSON object: for each page, its problems (empty when all is well) and the
// page count of Chromium's print to PDF. tests/test_browser.py runs it and judges.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [chromium, screenshots, ...pages] = process.argv.slice(2);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };
const PHONE_RULES = ["target-size", "scrollable-region-focusable", "meta-viewport", "meta-viewport-large"];

// Every face a visible text uses, and whether the page's own @font-face rules loaded it.
function fontProblems() {
  const faces = [...document.fonts];
  const problems = faces
    .filter((face) => face.status === "error")
    .map((face) => `the face ${face.family} ${face.weight} ${face.style} failed to load`);
  const families = new Set(faces.map((face) => face.family.replace(/^["']|["']$/g, "")));
  const used = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || !node.parentElement.checkVisibility()) continue;
    const style = getComputedStyle(node.parentElement);
    const family = style.fontFamily.split(",")[0].trim().replace(/^["']|["']$/g, "");
    if (families.has(family)) used.add(`${family}|${style.fontWeight}|${style.fontStyle}`);
  }
  for (const key of used) {
    const [family, weight, style] = key.split("|");
    const candidates = faces.filter(
      (face) => face.family.replace(/^["']|["']$/g, "") === family && face.style === style,
    );
    if (!candidates.length) {
      problems.push(`text is set in ${family} ${weight} ${style}, which the page does not carry`);
      continue;
    }
    const nearest = candidates.reduce((a, b) =>
      Math.abs(Number(a.weight) - Number(weight)) <= Math.abs(Number(b.weight) - Number(weight)) ? a : b,
    );
    if (nearest.status !== "loaded") {
      problems.push(`the face ${family} ${nearest.weight} ${style} is used but ${nearest.status}`);
    }
  }
  return problems;
}

// Anything wider than the screen: the page scrolls sideways or a table runs out of its box.
function overflowProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
  }
  for (const table of document.querySelectorAll("table")) {
    const box = table.parentElement.getBoundingClientRect();
    const right = Math.max(table.getBoundingClientRect().right, table.scrollWidth + box.left);
    if (right > box.right + 0.5) problems.push(`a table runs ${Math.round(right - box.right)}px out of its box`);
  }
  for (const element of document.body.querySelectorAll("*")) {
    const rect = element.getBoundingClientRect();
    if (rect.width > 1 && rect.right > width + 0.5 && element.checkVisibility()) {
      problems.push(`<${element.localName} class="${element.className}"> ends at ${Math.round(rect.right)}px`);
      break;
    }
  }
  return problems;
}

function colours() {
  const html = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  return `${html.backgroundColor} ${body.backgroundColor} ${body.color}`;
}

// axe-core is loaded once per page; `options` narrows a run to the rules a change can affect.
async function axe(page, where, options = {}) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((options) => window.axe.run(document, options), options);
  return result.violations.map(
    (v) => `axe (${where}): ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")})`,
  );
}

function countPdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "careerstory-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: profile,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const report = {};

async function check(file) {
  const name = path.basename(file, ".html");
  const url = pathToFileURL(file).href;
  const problems = [];
  const page = await browser.newPage();
  page.on("request", (request) => {
    const target = request.url();
    if (target !== url && !target.startsWith("data:")) problems.push(`requested ${target.slice(0, 120)}`);
  });
  page.on("requestfailed", (request) => {
    problems.push(`failed ${request.url().slice(0, 80)}: ${request.failure()?.errorText}`);
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));

  await page.setViewport(DESKTOP);
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => null));
  problems.push(...(await page.evaluate(fontProblems)));
  if (!(await page.evaluate(() => document.documentElement.lang))) problems.push("<html> has no lang");
  problems.push(...(await axe(page, "desktop")));
  await page.screenshot({ path: path.join(screenshots, `${name}-desktop.png`), fullPage: true, optimizeForSpeed: true });
  const light = await page.evaluate(colours);

  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  const dark = await page.evaluate(colours);
  if (dark === light) problems.push(`dark mode looks like light mode (${light})`);
  // Dark mode changes colours only, so only the colour rules can judge it differently.
  problems.push(...(await axe(page, "dark", { runOnly: ["color-contrast", "link-in-text-block"] })));
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);

  await page.setViewport(PHONE);
  await page.evaluate(() => document.fonts.ready.then(() => null));
  problems.push(...(await page.evaluate(overflowProblems)).map((p) => `at 390px: ${p}`));
  // A narrow screen changes the layout: the size of what is tapped and what scrolls. The
  // rest of axe's rules judge the document and its colours, which the desktop run has judged.
  problems.push(...(await axe(page, "phone", { runOnly: PHONE_RULES })));
  await page.screenshot({ path: path.join(screenshots, `${name}-phone.png`), fullPage: true, optimizeForSpeed: true });

  await page.setViewport(DESKTOP);
  // A sortable table (the coach's board): its first column's name, chosen twice, sorts down then up.
  const sorting = await page.evaluate(() => {
    const table = document.querySelector("table.board");
    if (!table) return null;
    const ranks = () => Array.from(table.tBodies[0].rows, (row) => Number(row.cells[0].dataset.sort));
    const button = table.tHead.rows[0].cells[0].querySelector("button");
    button.click();
    const down = ranks();
    button.click();
    return { down, up: ranks() };
  });
  const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  fs.writeFileSync(path.join(screenshots, `${name}-print.pdf`), pdf);
  report[name] = { problems: [...new Set(problems)], printPages: countPdfPages(pdf), sorting };
  await page.close();
}

try {
  // One page at a time: a tab in the background gets no frames, so its screenshots wait.
  for (const file of pages) await check(file);
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
