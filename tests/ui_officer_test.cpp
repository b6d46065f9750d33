// Officer mode through the real screens and the real desk: the corner held, a first PIN made on the
// pad, the dashboard read from the database, one tap that copies the requests to a folder, logout.
#include "core/clock.hpp"
#include "core/registry.hpp"
#include "export/seal.hpp"
#include "registry_support.hpp"
#include "services/officer_desk.hpp"
#include "services/pending_store.hpp"
#include "store/batches.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>
#include <thread>

using namespace kiosk;
using T = PointerEvent::Type;
using test::Harness;

namespace {

// Draws frames (real time passing, the fake clock barely) until `done` holds, for at most 60 s:
// Argon2id and the export run on the desk's thread.
template <class Done> bool until(Harness& k, Done done)
{
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!done()) {
        if (std::chrono::steady_clock::now() > limit)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        k.frame();
    }
    k.frames(2);
    return true;
}

void pin(Harness& k, const std::string& digits)
{
    for (char c : digits)
        k.tap("officer.pin." + std::string(1, c));
    k.tap("officer.pin.ok");
}

void holdCorner(Harness& k)
{
    k.shell().push({T::Down, 20, 20, k.clock().now(), 0});
    k.frame();
    k.wait(3'100);
    k.shell().push({T::Up, 20, 20, k.clock().now(), 0});
    k.frames(2);
}

CallbackRequest request(RequestTopic topic, std::string name)
{
    CallbackRequest r;
    r.name = std::move(name);
    r.phone = "+6281234567890";
    r.topic = topic;
    return r;
}

// The desk's settings for the tests: kiosk CMG, the shipped content, exports to `exportDir` (made).
OfficerDeskSettings deskSettings(const std::filesystem::path& exportDir = {})
{
    OfficerDeskSettings settings;
    settings.kioskId = "CMG";
    settings.contentDir = test::dataDir();
    if (!exportDir.empty()) {
        std::filesystem::create_directories(exportDir);
        settings.exportDir = exportDir;
    }
    return settings;
}

void setPin(PendingStore& store, const Clock& wall, std::string_view digits)
{
    store::OfficerAccess access(*store.get().database(), wall);
    access.setPin(digits);
}

// A copy on a kiosk without an office key: `id` tapped, the card asks first, the yes tapped.
void copyPlain(Harness& k, const std::string& id)
{
    k.revealAndTap(id);
    REQUIRE(k.map().values.count("export_confirm") != 0);
    k.revealAndTap("officer.export.plain.confirm");
}

// Files and folders under `dir`.
long filesUnder(const std::filesystem::path& dir)
{
    return std::distance(std::filesystem::recursive_directory_iterator(dir),
                         std::filesystem::recursive_directory_iterator());
}

// A copy of the shipped data with a list of `n` placement companies taken on `taken`.
struct RegistryPack {
    test::Pack pack;
    RegistryPack(std::size_t n, const std::string& taken)
    {
        const auto companies = test::generatedCompanies(n);
        std::ofstream(pack.data / "registry" / "p3mi.csv", std::ios::binary | std::ios::trunc)
            << registryCsv(companies);
        std::ofstream(pack.data / "registry" / "p3mi.toml", std::ios::binary | std::ios::trunc)
            << registryInfoToml({"SISKOP2MI (KP2MI), salinan Disnaker Sragen", taken, ""}, companies.size());
    }
};

// The tour's dashboard (read on 2026-11-29) with `change` made to it, shown in `lang`.
void showDashboard(Harness& k, Lang lang, const std::function<void(OfficerSnapshot&)>& change = {})
{
    std::shared_ptr<const OfficerSnapshot> base;
    for (const Still& still : tourStills(k.content()))
        if (still.name == "officer-dashboard")
            base = still.officer;
    REQUIRE(base);
    auto desk = std::make_shared<OfficerSnapshot>(*base);
    if (change)
        change(*desk);
    Still still{"officer-dashboard", Route::officerDashboard()};
    still.officerSession.loggedIn = true;
    still.officer = desk;
    k.stage().show(still, lang);
    k.frames(3);
    REQUIRE(k.map().screen == "officer-dashboard");
}

bool drawn(const Harness& k, const std::string& words)
{
    return std::find(k.map().texts.begin(), k.map().texts.end(), words) != k.map().texts.end();
}

} // namespace

TEST_CASE("an officer holds the corner, makes a PIN, sees the requests, copies them with one tap, logs out")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    REQUIRE(store.submit(request(RequestTopic::Passport, "Siti Aminah")).ok());
    REQUIRE(store.submit(request(RequestTopic::WorkAbroad, "Joko \"Jack\" Santoso")).ok());
    REQUIRE(store.submit(request(RequestTopic::Passport, "=HYPERLINK(\"x\")")).ok());

    const auto exportDir = dir.path() / "stick";
    OfficerDeskService desk(store, deskSettings(exportDir), wall, log);

    Harness k;
    k.shell().setServices({.desk = &desk, .usage = &desk});
    k.wake();
    k.tap("home.tile.passport"); // a visit, counted (anonymously)

    SUBCASE("a short press on the corner is nothing")
    {
        k.shell().push({T::Down, 20, 20, k.clock().now(), 0});
        k.wait(2'000);
        k.shell().push({T::Up, 20, 20, k.clock().now(), 0});
        k.frames(2);
        CHECK(k.map().screen == "passport");
    }

    holdCorner(k);
    REQUIRE(k.map().screen == "officer-pin");
    // The desk had not read the database yet, so it asks for the PIN; "no PIN" turns it round.
    pin(k, "135790");
    REQUIRE(until(k, [&] { return !k.session().officer.waiting; }));
    CHECK(k.session().officer.step == OfficerSession::Step::NewPin);
    CHECK(k.map().values.at("pin_message") == "officer.pin.none");
    pin(k, "246810");
    CHECK(k.session().officer.step == OfficerSession::Step::ConfirmPin);
    pin(k, "246810");
    REQUIRE(until(k, [&] { return k.map().screen == "officer-dashboard"; }));
    REQUIRE(until(k, [&] { return k.map().values.count("requests_new") != 0; }));
    CHECK(k.map().values.at("requests_new") == "3");
    CHECK(k.map().values.at("requests_collected") == "0");
    CHECK(k.map().values.at("usb").find(exportDir.string()) != std::string::npos);

    copyPlain(k, "officer.export.new"); // no office key here: the officer says yes first
    REQUIRE(until(k, [&] {
        const auto it = k.map().values.find("export");
        return it != k.map().values.end() && it->second != "running";
    }));
    CHECK(k.map().values.at("export") == "done");
    REQUIRE(until(k, [&] { return k.map().values.at("requests_collected") == "3"; }));
    CHECK(k.map().values.at("requests_new") == "0");

    // The batch folder is on the "stick", with the CSV an officer opens.
    const auto batch = exportDir / "desa-kiosk" / "CMG" / k.map().values.at("export_folder");
    CHECK(std::filesystem::is_regular_file(batch / "manifest.json"));
    std::ifstream csv(batch / "requests.csv", std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(csv), std::istreambuf_iterator<char>()};
    CHECK(text.find("Siti Aminah") != std::string::npos);
    CHECK(text.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);

    // A second tap finds nothing new; "copy again" writes the same batch anew.
    copyPlain(k, "officer.export.new");
    REQUIRE(until(k, [&] { return k.map().values.at("export") != "running"; }));
    CHECK(k.map().values.at("export") == "nothing");
    copyPlain(k, "officer.again." + k.map().values.at("last_batch"));
    REQUIRE(until(k, [&] { return k.map().values.at("export") != "running"; }));
    CHECK(k.map().values.at("export") == "done");
    CHECK(k.map().values.at("export_folder") != batch.filename().string());
    CHECK(k.map().values.at("requests_collected") == "3");

    k.revealAndTap("officer.logout");
    CHECK(k.map().screen == "attract");
    CHECK_FALSE(k.session().officer.loggedIn);

    // Back in with the PIN just made; a wrong one first.
    k.wake();
    holdCorner(k);
    REQUIRE(k.map().screen == "officer-pin");
    CHECK(k.session().officer.step == OfficerSession::Step::EnterPin);
    pin(k, "000000");
    REQUIRE(until(k, [&] { return !k.session().officer.waiting; }));
    CHECK(k.map().values.at("pin_message") == "officer.pin.wrong");
    CHECK(k.map().screen == "officer-pin");
    pin(k, "246810");
    REQUIRE(until(k, [&] { return k.map().screen == "officer-dashboard"; }));

    // The audit log holds the logins and the export, never a PIN.
    desk.drain();
    store::Db db(dir.path() / "kiosk.db", store::OpenMode::ReadOnly);
    store::Stmt q(db, "SELECT group_concat(kind || ' ' || detail, '|') FROM audit");
    REQUIRE(q.step());
    const std::string audit = q.columnText(0);
    CHECK(audit.find("pin-changed") != std::string::npos);
    CHECK(audit.find("officer-login-failed") != std::string::npos);
    CHECK(audit.find("export batch=") != std::string::npos);
    CHECK(audit.find("246810") == std::string::npos);
    CHECK(audit.find("000000") == std::string::npos);
    CHECK(log.str().find("246810") == std::string::npos);
    CHECK(log.str().find("Siti") == std::string::npos);
    store::Stmt views(db, "SELECT sum(views) FROM usage WHERE screen = 'passport' AND lang = 'id'");
    REQUIRE(views.step());
    CHECK(views.columnInt64(0) == 1);

    // Two minutes without a touch: officer mode ends by itself.
    k.wait(105'000);
    k.wait(15'000);
    CHECK(k.map().screen == "attract");
    CHECK_FALSE(k.session().officer.loggedIn);
}

TEST_CASE("copying again a batch whose requests retention already deleted says so, and marks nothing")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    REQUIRE(store.submit(request(RequestTopic::Other, "Sri Wahyuni")).ok());
    setPin(store, wall, "864200");
    const auto exportDir = dir.path() / "stick";
    OfficerDeskSettings settings = deskSettings(exportDir);
    settings.retentionDays = 0; // deleted as soon as they are copied
    OfficerDeskService desk(store, settings, wall, log);

    Harness k;
    k.shell().setServices({.desk = &desk, .usage = &desk});
    k.wake();
    holdCorner(k);
    pin(k, "864200");
    REQUIRE(until(k, [&] { return k.map().values.count("requests_new") != 0; }));
    copyPlain(k, "officer.export.new");
    REQUIRE(
        until(k, [&] { return k.map().values.count("export") && k.map().values.at("export") == "done"; }));
    // The purge after the copy took the request off the kiosk. "done" shows before the dashboard is
    // read again, and "0 collected" showed before the copy too: wait for the read that lists the batch.
    REQUIRE(until(k, [&] { return k.map().values.count("last_batch") != 0; }));
    REQUIRE(until(k, [&] {
        return k.map().values.at("requests_collected") == "0" && k.map().values.at("requests_new") == "0";
    }));
    CHECK(k.map().values.at("requests_new") == "0");
    copyPlain(k, "officer.again." + k.map().values.at("last_batch"));
    REQUIRE(until(k, [&] { return k.map().values.at("export") != "running"; }));
    CHECK(k.map().values.at("export") == "again-gone");
    CHECK(std::distance(std::filesystem::directory_iterator(exportDir / "desa-kiosk" / "CMG"),
                        std::filesystem::directory_iterator()) == 1);
}

namespace {

// A kiosk with one request and the PIN 864200, exporting to a folder; the officer logged in.
struct PlainCopy {
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store{dir.path() / "kiosk.db", "CMG", wall, log};
    std::filesystem::path exportDir = dir.path() / "stick";
    std::unique_ptr<OfficerDeskService> desk;
    Harness k;

    explicit PlainCopy(const std::function<void(OfficerDeskSettings&)>& configure)
    {
        REQUIRE(store.submit(request(RequestTopic::Passport, "Siti Aminah")).ok());
        setPin(store, wall, "864200");
        OfficerDeskSettings settings = deskSettings(exportDir);
        configure(settings);
        desk = std::make_unique<OfficerDeskService>(store, settings, wall, log);
        k.shell().setServices({.desk = desk.get(), .usage = desk.get()});
        k.wake();
        holdCorner(k);
        pin(k, "864200");
        REQUIRE(until(k, [&] { return k.map().values.count("requests_new") != 0; }));
    }
    ~PlainCopy() { k.shell().setServices({}); }
    PlainCopy(const PlainCopy&) = delete;
    PlainCopy& operator=(const PlainCopy&) = delete;

    [[nodiscard]] bool shows(const std::string& key) const
    {
        const std::string& words = k.strings().get(k.session().lang, key);
        return std::find(k.map().texts.begin(), k.map().texts.end(), words) != k.map().texts.end();
    }
    [[nodiscard]] std::string value(const std::string& name) const
    {
        const auto it = k.map().values.find(name);
        return it == k.map().values.end() ? "" : it->second;
    }
};

} // namespace

TEST_CASE("no office key: a copy asks first and says what it means; Cancel writes nothing, the yes writes")
{
    PlainCopy c([](OfficerDeskSettings&) {});
    Harness& k = c.k;
    CHECK(c.shows("officer.key.missing"));
    k.tap("officer.export.new");
    CHECK(c.value("export_confirm") == "plain");
    std::string asked = k.strings().get(Lang::Id, "officer.export.plain_confirm"); // with its number
    asked.replace(asked.find("{n}"), 3, "1");
    CHECK(std::find(k.map().texts.begin(), k.map().texts.end(), asked) != k.map().texts.end());
    CHECK(k.map().find("officer.export.new") == nullptr); // the question stands in the buttons' place
    REQUIRE(k.map().find("officer.export.plain.cancel"));
    CHECK(k.map().find("officer.export.plain.confirm")->label ==
          k.strings().get(Lang::Id, "officer.export.plain_yes"));
    c.desk->drain();
    CHECK(filesUnder(c.exportDir) == 0);

    k.tap("officer.export.plain.cancel");
    CHECK(c.value("export_confirm").empty());
    CHECK(k.map().find("officer.export.new") != nullptr);
    c.desk->drain();
    k.frames(2);
    CHECK(c.value("export").empty()); // nothing was started
    CHECK(filesUnder(c.exportDir) == 0);
    CHECK(c.value("requests_new") == "1");

    k.tap("officer.export.all");
    CHECK(c.value("export_confirm") == "plain");
    k.tap("officer.export.plain.confirm");
    REQUIRE(until(k, [&] { return c.value("export") == "done"; }));
    CHECK(filesUnder(c.exportDir) > 0);
    const auto batch = c.exportDir / "desa-kiosk" / "CMG" / c.value("export_folder");
    CHECK(std::filesystem::is_regular_file(batch / "requests.csv"));
    REQUIRE(until(k, [&] { return c.value("requests_new") == "0"; }));
}

TEST_CASE("allow_plain_export = false and no office key: no copy button, the reason instead, and the desk "
          "refuses a copy even with a yes")
{
    PlainCopy c([](OfficerDeskSettings& s) { s.allowPlainExport = false; });
    Harness& k = c.k;
    CHECK(k.map().find("officer.export.new") == nullptr);
    CHECK(k.map().find("officer.export.all") == nullptr);
    CHECK(c.value("export_blocked") == "plain-off");
    CHECK(c.shows("officer.export.plain_off"));
    CHECK(c.shows("officer.key.missing_off"));

    c.desk->startExport({ExportScope::All, std::nullopt, true});
    REQUIRE(until(k, [&] { return c.value("export") == "failed"; }));
    CHECK(c.value("export_message") == "officer.export.plain_off");
    CHECK(filesUnder(c.exportDir) == 0);
    CHECK(c.value("requests_new") == "1");
}

TEST_CASE("with an office key a copy asks no question and is sealed")
{
    PlainCopy c([](OfficerDeskSettings& s) {
        s.officeKey = exporter::makeKeyPair().publicKey;
        s.allowPlainExport = false; // sealed copies need no leave
    });
    Harness& k = c.k;
    k.tap("officer.export.new");
    CHECK(c.value("export_confirm").empty());
    REQUIRE(until(k, [&] { return c.value("export") == "done"; }));
    const auto batch = c.exportDir / "desa-kiosk" / "CMG" / c.value("export_folder");
    CHECK(std::filesystem::is_regular_file(batch / "requests.csv.sealed"));
    CHECK_FALSE(std::filesystem::exists(batch / "requests.csv"));
}

TEST_CASE("officer settings: a tap changes one, it is stored and audited, and the kiosk follows it")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    setPin(store, wall, "864200");
    const OfficerDeskSettings settings = deskSettings();
    OfficerDeskService desk(store, settings, wall, log);
    desk.warmUp();

    Harness k;
    k.shell().setServices({.desk = &desk, .usage = &desk});
    k.wake();
    holdCorner(k);
    pin(k, "864200");
    REQUIRE(until(k, [&] { return k.map().values.count("setting_volume") != 0; }));
    CHECK(k.map().values.at("setting_volume") == "80");
    k.revealAndTap("officer.setting.volume.minus");
    REQUIRE(until(k, [&] { return k.map().values.at("setting_volume") == "70"; }));
    k.revealAndTap("officer.setting.lang.jv");
    k.revealAndTap("officer.setting.theme.high-contrast");
    REQUIRE(until(k, [&] { return k.map().values.at("setting_theme") == "high-contrast"; }));
    CHECK(ui::currentTheme() == Theme::HighContrast);
    CHECK(k.shell().settings().defaultLang == Lang::Jv);

    desk.drain();
    store::Db db(dir.path() / "kiosk.db", store::OpenMode::ReadOnly);
    store::Stmt q(db, "SELECT group_concat(detail, '|') FROM audit WHERE kind = 'settings'");
    REQUIRE(q.step());
    CHECK(q.columnText(0) == "volume: 80 -> 70|default_language: id -> jv|"
                             "theme: standard -> high-contrast");
    // The next visit starts in Javanese; the settings outlive a restart (a new desk reads them).
    k.revealAndTap("officer.logout");
    k.wake();
    CHECK(k.session().lang == Lang::Jv);
    OfficerDeskService again(store, settings, wall, log);
    again.warmUp();
    again.drain();
    REQUIRE(again.snapshot()->settings);
    CHECK(again.snapshot()->settings->volume == 70);
    CHECK(again.snapshot()->settings->theme == Theme::HighContrast);
    k.shell().applySettings(KioskSettings{});
}

TEST_CASE("the content card lists shipped numbers whose sources are over two years old, and how to replace "
          "each")
{
    // The shipped abroad page has numbers from 2020 (KBRI Singapura among them).
    test::Pack pack;
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    setPin(store, wall, "246810");
    OfficerDeskService desk(store, deskSettings(), wall, log);
    Harness k(1920, 1080, {}, pack.data);
    k.shell().setServices({.desk = &desk, .usage = &desk});
    k.wake();
    holdCorner(k);
    REQUIRE(k.map().screen == "officer-pin");
    pin(k, "246810");
    REQUIRE(until(k, [&] { return k.map().screen == "officer-dashboard"; }));
    REQUIRE(until(k, [&] { return k.map().values.count("recheck_count") != 0; }));
    const int count = std::stoi(k.map().values.at("recheck_count"));
    REQUIRE(count > 0);
    bool singapore = false;
    for (int i = 0; i < count; ++i)
        singapore = singapore || k.map().values.at("recheck." + std::to_string(i)) == "abroad +65 9295 3964";
    CHECK(singapore);
    const auto shows = [&](const std::string& words) {
        return std::find(k.map().texts.begin(), k.map().texts.end(), words) != k.map().texts.end();
    };
    CHECK(shows(std::string("\uF1DA  ") + "Periksa ulang"));
    CHECK(shows("Sudah di Luar Negeri atau Keluarga dalam Masalah?: KBRI Singapura, +65 9295 3964 (sumber: 8 "
                "Februari 2020)"));
    CHECK(shows("Isi di kiosk.toml: [contacts.kbri-singapura] number = \"…\""));
}

TEST_CASE("the content card without a company list says that residents are told so, and how the office "
          "adds one")
{
    Harness k; // the shipped content: the list has no companies
    showDashboard(k, Lang::Id);
    CHECK(k.map().values.at("registry_companies") == "0");
    CHECK(k.map().values.at("registry_taken").empty());
    CHECK(k.map().values.at("registry_age_days").empty());
    CHECK(k.map().values.at("registry_old") == "no");
    CHECK(drawn(k, "\uF0F7  Daftar perusahaan penempatan (P3MI)"));
    CHECK(drawn(k, "Kios ini belum punya daftar perusahaan penempatan. Warga yang mencari perusahaan diberi "
                   "tahu bahwa daftarnya belum ada."));
    CHECK(drawn(k, "Cara menambahkan: kantor membuat registry/p3mi.csv dengan perintah kiosk registry import "
                   "(lihat README), lalu mengirimnya dalam paket konten bertanda tangan."));
    // Nothing of the shipped p3mi.toml's placeholder source is passed off as a list.
    CHECK(std::none_of(k.map().texts.begin(), k.map().texts.end(),
                       [](const std::string& t) { return t.rfind("Sumber: ", 0) == 0; }));
    showDashboard(k, Lang::Jv);
    CHECK(drawn(k, "Kios menika dereng gadhah daftar perusahaan penempatan. Warga ingkang madosi perusahaan "
                   "dipunparingi pirsa bilih daftaripun dereng wonten."));
}

TEST_CASE("the content card shows the company list's source, date and size, and warns once it is older "
          "than the office allows")
{
    RegistryPack registry(25, "2026-10-15");
    Harness k(1920, 1080, {}, registry.pack.data);
    REQUIRE(k.content().registry.companies.size() == 25);

    // Read on 2026-11-29: 45 days old, fresh by the default of 90.
    showDashboard(k, Lang::Id);
    CHECK(k.map().values.at("registry_companies") == "25");
    CHECK(k.map().values.at("registry_taken") == "2026-10-15");
    CHECK(k.map().values.at("registry_age_days") == "45");
    CHECK(k.map().values.at("registry_old") == "no");
    CHECK(drawn(k, "25 perusahaan, data per 15 Oktober 2026"));
    CHECK(drawn(k, "Sumber: SISKOP2MI (KP2MI), salinan Disnaker Sragen"));
    const auto warned = [&] {
        return std::any_of(k.map().texts.begin(), k.map().texts.end(), [](const std::string& t) {
            return t.find("hari (data per") != std::string::npos ||
                   t.find("dinten laminipun") != std::string::npos;
        });
    };
    CHECK_FALSE(warned());

    // The same dashboard read in March: the day changed, so the card works the age out again.
    const Millis day = 86'400'000;
    showDashboard(k, Lang::Id, [&](OfficerSnapshot& s) { s.dashboard.readAtMs += 92 * day; });
    CHECK(k.map().values.at("registry_age_days") == "137");
    CHECK(k.map().values.at("registry_old") == "yes");
    CHECK(drawn(k, "Daftar perusahaan sudah berumur 137 hari (data per 15 Oktober 2026): minta kantor daftar "
                   "baru."));
    showDashboard(k, Lang::Jv, [&](OfficerSnapshot& s) { s.dashboard.readAtMs += 92 * day; });
    CHECK(drawn(k,
                "Daftar perusahaan menika sampun 137 dinten laminipun (data kaping 15 Oktober 2026): mangga "
                "nyuwun daftar enggal dhateng kantor."));
    showDashboard(k, Lang::En, [&](OfficerSnapshot& s) { s.dashboard.readAtMs += 92 * day; });
    CHECK(drawn(k, "The company list is 137 days old (data as of 15 October 2026): ask the office for a new "
                   "list."));

    // The office's own limit ([officer] registry_max_age_days): older than it is old, as old as it is not.
    showDashboard(k, Lang::Id, [](OfficerSnapshot& s) { s.dashboard.registryMaxAgeDays = 44; });
    CHECK(k.map().values.at("registry_old") == "yes");
    CHECK(warned());
    showDashboard(k, Lang::Id, [](OfficerSnapshot& s) { s.dashboard.registryMaxAgeDays = 45; });
    CHECK(k.map().values.at("registry_old") == "no");
    CHECK_FALSE(warned());
}

TEST_CASE("the desk's registry_max_age_days reaches the content card, against the day the desk read")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    const Millis day = 86'400'000;
    RegistryPack registry(8, formatLocal(wall.now() - 40 * day, "%Y-%m-%d"));
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    setPin(store, wall, "246810");
    OfficerDeskSettings settings = deskSettings();
    settings.registryMaxAgeDays = 30;
    OfficerDeskService desk(store, settings, wall, log);
    Harness k(1920, 1080, {}, registry.pack.data);
    k.shell().setServices({.desk = &desk, .usage = &desk});
    k.wake();
    holdCorner(k);
    pin(k, "246810");
    REQUIRE(until(k, [&] { return k.map().values.count("registry_old") != 0; }));
    CHECK(k.map().values.at("registry_companies") == "8");
    CHECK(k.map().values.at("registry_age_days") == "40");
    CHECK(k.map().values.at("registry_old") == "yes");
}
