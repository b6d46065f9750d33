// The office desk in a real browser: Debian's chromium, headless, at 1366×768, driven by
// puppeteer-core (tests/e2e/desk/run.sh starts the desk and sets the environment). An officer's
// day from the login to the logout, then the security checks a browser can see, a screenshot of
// every page (full page, PNG) into DESK_E2E_SHOTS. Prints "ok: …" or "FAILED: …" per step and
// exits 1 when any failed.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run this through tests/e2e/desk/run.sh`);
  return v;
};
const require = createRequire(path.join(env("DESK_E2E_MODULES"), "node_modules") + "/");
const puppeteer = require("puppeteer-core");

const base = env("DESK_URL");
const shots = env("DESK_E2E_SHOTS");
const stick = env("DESK_E2E_STICK"); // the stick's root: holds desa-kiosk/CMG/<batch>/
const fixture = readFileSync(env("DESK_E2E_FIXTURE"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const admin = { name: env("DESK_ADMIN"), password: env("DESK_ADMIN_PASSWORD") };
const officer = { name: env("DESK_OFFICER"), password: env("DESK_OFFICER_PASSWORD") };
const partner = env("DESK_PARTNER");
const sri = fixture.find((r) => r.name === "Sri Rahayu Uji");
const scripted = fixture.find((r) => r.name.startsWith("<script>"));
// The report counts requests by the month they were made in, in the kiosk's time (WIB, UTC+7).
const month = new Date(sri.created_ms + 7 * 3600 * 1000).toISOString().slice(0, 7);

let failed = 0;
let passed = 0;
let shotNumber = 0;
const seen = []; // pages screenshotted, for the summary

async function shot(page, name) {
  shotNumber += 1;
  const file = path.join(shots, `${String(shotNumber).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  seen.push(path.basename(file));
}

let current = null; // the page, for what a failed step left on the screen

async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok: ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED: ${name}\n    ${String(e && e.stack ? e.stack : e).split("\n").slice(0, 4).join("\n    ")}`);
    if (current) {
      const seen = await current.$eval("main", (m) => m.innerText).catch(() => "(no main)");
      console.log(`    at ${current.url()}: ${seen.replace(/\s+/g, " ").slice(0, 400)}`);
      await shot(current, "GAGAL-" + name.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)).catch(() => {});
    }
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// Opens `url` and waits for the page; returns the response.
async function open(page, url) {
  return page.goto(base + url, { waitUntil: "load" });
}

async function mainId(page) {
  return page.$eval("main", (m) => m.id).catch(() => "(no main)");
}

async function sessionCookie(page) {
  const cookies = await page.cookies(base);
  return cookies.find((c) => c.name === "meja_sesi");
}

async function login(page, who) {
  await open(page, "/masuk");
  await page.type("input[name=nama]", who.name);
  await page.type("input[name=sandi]", who.password);
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("main#masuk button[type=submit]")]);
}

// The text of every element of the page that is not a script: what a person sees.
async function visibleText(page) {
  return page.$eval("main", (m) => m.innerText);
}

// No script ran from the data: nothing set the marker the fixture's <script> and onerror would set,
// and every script element on the page is the desk's own file.
async function noInjectedScript(page) {
  const state = await page.evaluate(() => ({
    marker: window.__xss === undefined ? null : String(window.__xss),
    scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") || "(inline) " + s.textContent),
    images: [...document.querySelectorAll("main img")].map((i) => i.getAttribute("src")),
  }));
  expect(state.marker === null, `a script from the data ran (window.__xss = ${state.marker})`);
  expect(state.scripts.every((s) => s === "/aset/desk.js"), `unexpected script elements: ${state.scripts.join(", ")}`);
  expect(!state.images.includes("x"), "the note's <img src=x> became an element");
}

// A POST from inside the logged-in page with the given fields: the status the desk answered.
async function postFrom(page, url, fields) {
  return page.evaluate(
    async (u, f) => {
      const r = await fetch(u, { method: "POST", body: new URLSearchParams(f), redirect: "manual", credentials: "same-origin" });
      return r.type === "opaqueredirect" ? 303 : r.status;
    },
    url,
    fields,
  );
}

async function historyRows(page) {
  return page.$$eval("table.riwayat tbody tr", (rows) => rows.length);
}

const browser = await puppeteer.launch({
  executablePath: process.env.DESK_E2E_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // As root in CI chromium refuses its sandbox; /dev/shm may be small in a container.
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=id-ID"],
  defaultViewport: { width: 1366, height: 768 },
});
const consoleErrors = [];
try {
  const page = await browser.newPage();
  current = page;
  // A page answered 403 or 400 on purpose is logged by chromium as a failed resource: not an error
  // of the page. Everything else (a script error, a refusal by the Content-Security-Policy) is.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));

  await step("without a session every page goes to the login page", async () => {
    for (const url of ["/antrean", "/permintaan/" + sri.uid, "/unggah", "/kios", "/laporan", "/laporan.csv", "/status", "/status/CMG.status", "/pengguna"]) {
      await open(page, url);
      expect(new URL(page.url()).pathname === "/masuk", `${url} ended at ${page.url()}`);
      expect((await mainId(page)) === "masuk", `${url}: no login page`);
    }
    await shot(page, "masuk");
  });

  let reportBefore = "";
  let queueBefore = "";
  await step("admin logs in: a fresh session id, HttpOnly, SameSite=Strict", async () => {
    await open(page, "/masuk");
    const before = await sessionCookie(page);
    await login(page, admin);
    expect(new URL(page.url()).pathname === "/antrean", `after login: ${page.url()}`);
    expect((await mainId(page)) === "antrean", "not the queue after login");
    const after = await sessionCookie(page);
    expect(after, "no meja_sesi cookie after login");
    expect(!before || before.value !== after.value, "the session id did not change at login");
    expect(after.httpOnly, "meja_sesi is not HttpOnly");
    expect(after.sameSite === "Strict", `meja_sesi SameSite=${after.sameSite}`);
    queueBefore = await visibleText(page);
    await shot(page, "antrean-kosong");
  });

  await step("upload the stick's desa-kiosk folder: 1 batch, 4 new requests", async () => {
    await open(page, "/unggah");
    expect((await mainId(page)) === "unggah", "not the upload page");
    await shot(page, "unggah");
    const [chooser] = await Promise.all([page.waitForFileChooser(), page.click("#berkas-folder")]);
    await chooser.accept([path.join(stick, "desa-kiosk")]);
    const count = await page.$eval("#berkas-folder", (i) => i.files.length);
    expect(count === 4, `the folder chooser took ${count} files, not the batch's 4`);
    const names = await page.$eval("#berkas-folder", (i) => [...i.files].map((f) => f.webkitRelativePath));
    expect(names.every((n) => n.startsWith("desa-kiosk/CMG/")), `relative paths: ${names.join(", ")}`);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-folder button[type=submit]")]);
    const summary = await page.$eval("main#unggah p.pesan[role=status]", (p) => p.textContent);
    expect(/1 batch: 4 permintaan baru, 0 sudah ada, 0 konflik, 0 batch ditolak/.test(summary), `summary: ${summary}`);
    await shot(page, "unggah-hasil");
  });

  await step("the same folder again adds nothing", async () => {
    await open(page, "/unggah");
    const [chooser] = await Promise.all([page.waitForFileChooser(), page.click("#berkas-folder")]);
    await chooser.accept([path.join(stick, "desa-kiosk")]);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-folder button[type=submit]")]);
    const summary = await page.$eval("main#unggah p.pesan[role=status]", (p) => p.textContent);
    expect(/0 permintaan baru, 4 sudah ada/.test(summary), `summary: ${summary}`);
  });

  const bambang = fixture.find((r) => r.name === "Bambang Wibowo");
  await step("the batch written again with one request changed: a conflict, side by side, the other chosen", async () => {
    await open(page, "/unggah");
    const [chooser] = await Promise.all([page.waitForFileChooser(), page.click("#berkas-folder")]);
    await chooser.accept([path.join(stick, "..", "stick2", "desa-kiosk")]);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-folder button[type=submit]")]);
    const summary = await page.$eval("main#unggah p.pesan[role=status]", (p) => p.textContent);
    expect(/0 permintaan baru, 3 sudah ada, 1 konflik/.test(summary), `summary: ${summary}`);
    await open(page, "/antrean");
    const tag = await page.$eval(`tr[data-uid="${bambang.uid}"]`, (r) => r.innerText);
    expect(/konflik/.test(tag), `the queue row does not say konflik: ${tag}`);
    await open(page, "/permintaan/" + bambang.uid);
    const differing = await page.$$eval("table.banding tr.beda", (rows) => rows.map((r) => r.innerText));
    expect(differing.length === 1 && differing[0].includes("Paspor anak") && differing[0].includes("Paspor anak, nomor baru"),
      `the differing fields: ${JSON.stringify(differing)}`);
    await shot(page, "permintaan-konflik");
    await page.click('#form-konflik input[name=versi]:not([value="0"])');
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-konflik button[type=submit]")]);
    const note = await page.$eval("dd.catatan-warga", (d) => d.textContent);
    expect(note === "Paspor anak, nomor baru", `the note held after the choice: ${note}`);
  });

  await step("a file that is no batch is refused with a sentence", async () => {
    await open(page, "/unggah");
    const [chooser] = await Promise.all([page.waitForFileChooser(), page.click("#berkas-pilih")]);
    const stray = path.join(shots, "..", "bukan-batch.txt");
    writeFileSync(stray, "ini bukan batch\n");
    await chooser.accept([stray]);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-berkas button[type=submit]")]);
    const error = await page.$eval("main#unggah p.pesan.salah[role=alert]", (p) => p.textContent);
    expect(/Tidak ada folder batch/.test(error), `message: ${error}`);
    await shot(page, "unggah-ditolak");
  });

  await step("the queue: the trafficking report first, every request, days waited", async () => {
    await open(page, "/antrean");
    const uids = await page.$$eval("tr[data-uid]", (rows) => rows.map((r) => r.dataset.uid));
    expect(uids.length === 4, `${uids.length} rows`);
    expect(uids[0] === scripted.uid, "the trafficking report is not first");
    const waited = await page.$eval(`tr[data-uid="${sri.uid}"] td.hari`, (td) => td.textContent.trim());
    expect(/^[67] hari$/.test(waited), `Sri waited: ${waited}`); // 6 days ago: 6 or 7 by the calendar
    const late = await page.$eval(`tr[data-uid="${sri.uid}"]`, (r) => r.className);
    const fresh = await page.$eval(`tr[data-uid="${fixture.find((r) => r.name === "Dèwi Lestari").uid}"]`, (r) => r.className);
    expect(late !== fresh, `past the 3-day target and 12 hours old look alike (class "${late}")`);
    await shot(page, "antrean");
    // The report of Sri's month before anything was done about her request.
    await open(page, `/laporan?bulan=${month}`);
    reportBefore = await visibleText(page);
  });

  await step("search by name finds one request", async () => {
    await open(page, "/antrean");
    await page.type("input[name=cari]", "Rahayu Uji");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("form.saring button[type=submit]")]);
    const uids = await page.$$eval("tr[data-uid]", (rows) => rows.map((r) => r.dataset.uid));
    expect(uids.length === 1 && uids[0] === sri.uid, `found: ${uids.join(", ")}`);
    await shot(page, "antrean-cari");
  });

  await step("the request page: every field, a tel: link, WhatsApp, the history", async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(`tr[data-uid="${sri.uid}"] a`)]);
    expect((await mainId(page)) === "permintaan", "not the request page");
    const tel = await page.$eval("a.telepon", (a) => a.getAttribute("href"));
    expect(tel === "tel:+6281234500001", `tel link: ${tel}`);
    const text = await visibleText(page);
    for (const want of ["Sri Rahayu Uji", "+6281234500001", "Krajan", "Ingin kerja ke Taiwan", sri.reference]) {
      expect(text.includes(want), `the page does not show ${want}`);
    }
    const wa = await page.$$eval("main a", (as) => as.filter((a) => a.textContent.includes("WhatsApp")).map((a) => a.href));
    expect(wa.length === 1 && /6281234500001/.test(wa[0]), `WhatsApp link: ${wa.join(", ")}`);
    await shot(page, "permintaan");
  });

  const htmlNote = '<i>miring</i><script>window.__xss=3</script><img src=x onerror="window.__xss=4">';
  await step("record a call attempt (no answer) with a note full of HTML", async () => {
    const rows = await historyRows(page);
    await page.click("#form-panggilan input[value=no-answer]");
    await page.type("#catatan-panggilan", htmlNote);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-panggilan button[type=submit]")]);
    expect(await page.$("p.pesan[role=status]"), "no confirmation");
    expect((await historyRows(page)) === rows + 1, "the history did not grow by one");
    const status = await page.$eval("dd.status", (d) => d.textContent.trim().toLowerCase());
    expect(status.includes("dicoba"), `status after no answer: ${status}`);
    const notes = await page.$$eval("td.catatan-petugas", (tds) => tds.map((t) => t.textContent));
    expect(notes.includes(htmlNote), `the note is not shown as text: ${JSON.stringify(notes)}`);
    await noInjectedScript(page);
    await shot(page, "permintaan-dicoba");
  });

  await step("refer the request to a partner", async () => {
    await page.select("#mitra", partner);
    await page.type("#catatan-rujuk", "Dirujuk untuk cek lowongan");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#form-rujuk button[type=submit]")]);
    const status = await page.$eval("dd.status", (d) => d.textContent.trim().toLowerCase());
    expect(status.includes("dirujuk"), `status after referral: ${status}`);
    expect((await visibleText(page)).includes(partner), "the partner is not in the history");
    await shot(page, "permintaan-dirujuk");
  });

  await step("the queue and the report changed", async () => {
    await open(page, "/antrean?status=dirujuk");
    const uids = await page.$$eval("tr[data-uid]", (rows) => rows.map((r) => r.dataset.uid));
    expect(uids.length === 1 && uids[0] === sri.uid, `referred: ${uids.join(", ")}`);
    await open(page, "/antrean");
    const queueAfter = await visibleText(page);
    expect(queueAfter !== queueBefore, "the queue looks as before the import");
    const row = await page.$eval(`tr[data-uid="${sri.uid}"]`, (r) => r.innerText);
    expect(row.toLowerCase().includes("dirujuk"), `Sri's row: ${row}`);
    await open(page, `/laporan?bulan=${month}`);
    expect((await mainId(page)) === "laporan", "not the report");
    const reportAfter = await visibleText(page);
    expect(reportAfter !== reportBefore, "the report did not change");
    const chart = await page.$eval("figure.grafik img", (i) => i.complete && i.naturalWidth > 0).catch(() => false);
    expect(chart, "the chart did not load");
    await shot(page, "laporan");
    const csv = await page.evaluate(async (m) => (await fetch(`/laporan.csv?bulan=${m}`)).text(), month);
    expect(csv.split("\n").length >= 2, `CSV: ${csv}`);
    await open(page, `/laporan/cetak?bulan=${month}`);
    await shot(page, "laporan-cetak");
  });

  await step("the kiosks page names CMG", async () => {
    await open(page, "/kios");
    expect((await mainId(page)) === "kios", "not the kiosks page");
    expect(await page.$("tr[data-kios=CMG]"), "no row for CMG");
    await shot(page, "kios");
  });

  await step("status for the kiosks: one signed file for CMG, with no name, phone or note in it", async () => {
    await open(page, "/status");
    expect((await mainId(page)) === "status", "not the status page");
    const links = await page.$$eval("main#status a[href^='/status/']", (as) => as.map((a) => a.getAttribute("href")));
    expect(links.length === 1 && links[0] === "/status/CMG.status", `links: ${links.join(", ")}`);
    const file = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get("content-disposition") || "", body: await r.text() };
    }, links[0]);
    expect(file.status === 200 && file.body.length > 0, `${links[0]}: ${file.status}`);
    expect(/attachment/.test(file.type), `not a download: ${file.type}`);
    for (const secret of ["Sri Rahayu Uji", "+6281234500001", "Taiwan", "Krajan", partner, "Dirujuk untuk cek"]) {
      expect(!file.body.includes(secret), `the status file holds ${secret}`);
    }
    // run.sh reads it back as a kiosk does (signature, kiosk, entries).
    writeFileSync(env("DESK_E2E_STATUS_OUT"), file.body);
    console.log(`    status file ${links[0]}: ${file.body.length} bytes, kept for run.sh's check`);
    await shot(page, "status");
  });

  await step("the users page (admin)", async () => {
    await open(page, "/pengguna");
    expect((await mainId(page)) === "pengguna", "not the users page");
    expect(await page.$(`tr[data-nama="${officer.name}"]`), "the officer is not listed");
    await shot(page, "pengguna");
  });

  await step("a resident named <script>…</script> and a note with HTML show as text", async () => {
    await open(page, "/permintaan/" + scripted.uid);
    const name = await page.$eval("dd.nama-warga", (d) => d.textContent);
    expect(name === scripted.name, `the name shows as ${name}`);
    const note = await page.$eval("dd.catatan-warga", (d) => d.textContent);
    expect(note.includes('<img src=x onerror="window.__xss=2">'), `the note shows as ${note}`);
    await noInjectedScript(page);
    await open(page, "/antrean");
    const row = await page.$eval(`tr[data-uid="${scripted.uid}"]`, (r) => r.innerText);
    expect(row.includes(scripted.name), `the queue row: ${row}`);
    await noInjectedScript(page);
    await open(page, "/permintaan/" + scripted.uid);
    await shot(page, "permintaan-script");
  });

  await step("a POST without or with a wrong CSRF token is refused and changes nothing", async () => {
    await open(page, "/permintaan/" + sri.uid);
    const rows = await historyRows(page);
    const url = `/permintaan/${sri.uid}/tindak`;
    const none = await postFrom(page, url, { hasil: "note", catatan: "tanpa token" });
    const wrong = await postFrom(page, url, { hasil: "note", catatan: "token salah", csrf: "salah" });
    expect(none === 403 && wrong === 403, `without: ${none}, wrong: ${wrong}`);
    await open(page, "/permintaan/" + sri.uid);
    expect((await historyRows(page)) === rows, "an event was recorded anyway");
  });

  await step("SQL injection strings in search and filters find nothing and break nothing", async () => {
    for (const q of [
      "cari=%27%20OR%201%3D1%20--",
      "cari=%25",
      "desa=%27%3B%20DROP%20TABLE%20requests%3B%20--",
      "topik=x%27%20OR%20%271%27%3D%271",
      "status=baru%27--&umur=1%20OR%201%3D1",
    ]) {
      const r = await open(page, "/antrean?" + q);
      expect(r.status() < 500, `${q}: HTTP ${r.status()}`);
      const rows = await page.$$("tr[data-uid]");
      expect(rows.length === 0 || q.startsWith("status") || q.startsWith("cari=%25"), `${q}: ${rows.length} rows`);
    }
    await open(page, "/antrean");
    expect((await page.$$("tr[data-uid]")).length === 4, "the queue lost requests");
  });

  await step("logout ends the session", async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("form.keluar button[type=submit]")]);
    await open(page, "/antrean");
    expect(new URL(page.url()).pathname === "/masuk", `after logout /antrean ended at ${page.url()}`);
    await shot(page, "keluar");
  });

  await step("an officer gets 403 on the admin's pages and sees no Pengguna menu", async () => {
    await login(page, officer);
    expect(new URL(page.url()).pathname === "/antrean", `officer login ended at ${page.url()}`);
    expect(!(await page.$("nav.menu a[href='/pengguna']")), "the officer sees the users menu");
    const r = await open(page, "/pengguna");
    expect(r.status() === 403, `GET /pengguna: ${r.status()}`);
    await shot(page, "pengguna-403");
    const csrf = await page.$eval("input[name=csrf]", (i) => i.value);
    const post = await postFrom(page, "/pengguna", { nama: "penyusup", peran: "admin", sandi: "rahasia-12345", sandi2: "rahasia-12345", csrf });
    expect(post === 403, `POST /pengguna as officer: ${post}`);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("form.keluar button[type=submit]")]);
  });

  await step("five wrong passwords lock the account; the right one is then refused", async () => {
    for (let i = 0; i < 5; i += 1) await login(page, { name: officer.name, password: "salah-" + i });
    await login(page, officer);
    expect(new URL(page.url()).pathname === "/masuk", `a locked account got in: ${page.url()}`);
    const said = await page.$eval("p.pesan.salah[role=alert]", (p) => p.textContent);
    expect(/kunci/i.test(said), `message: ${said}`);
    await shot(page, "masuk-terkunci");
  });

  await step("no JavaScript errors on any page", async () => {
    expect(consoleErrors.length === 0, consoleErrors.join("\n"));
  });
} finally {
  await browser.close();
}
console.log(`screenshots (${seen.length}) in ${shots}: ${seen.join(" ")}`);
console.log(`desk e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
