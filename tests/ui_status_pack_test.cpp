// The officer's status card through the real screens and the real desk: the office's status pack
// on the stick taken with one tap, its count and date shown, the book in the desk's news for the
// resident's screen; a forged or older pack refused with its sentence; the book loaded at start-up.
#include "core/clock.hpp"
#include "services/officer_desk.hpp"
#include "services/pending_store.hpp"
#include "status_support.hpp"
#include "store/db.hpp"
#include "store/officer.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

using namespace kiosk;
using T = PointerEvent::Type;
using test::Harness;
namespace fs = std::filesystem;

namespace {

constexpr Millis kMade = 1'796'195'100'000; // 2026-12-02 14:05 WIB

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

std::string value(const Harness& k, const std::string& key)
{
    const auto it = k.map().values.find(key);
    return it == k.map().values.end() ? "" : it->second;
}

bool drawn(const Harness& k, const std::string& words)
{
    return std::find(k.map().texts.begin(), k.map().texts.end(), words) != k.map().texts.end();
}

} // namespace

TEST_CASE("the status card takes the office's pack from the stick, refuses a forged or older one, and the "
          "book reaches the shell")
{
    test::TempDir dir;
    test::SigningOffice office;
    SystemClock wall;
    std::ostringstream log;
    PendingStore store(dir.path() / "kiosk.db", "CMG", wall, log);
    {
        store::OfficerAccess access(*store.get().database(), wall);
        access.setPin("864200");
    }
    const fs::path stick = dir.path() / "stick";
    const fs::path folder = stick / statuspack::kStickFolder;
    fs::create_directories(stick);
    OfficerDeskSettings settings;
    settings.kioskId = "CMG";
    settings.contentDir = test::dataDir();
    settings.exportDir = stick;
    settings.packs.trusted = office.trusted;
    settings.statusRoot = dir.path() / "state" / "status";
    auto desk = std::make_unique<OfficerDeskService>(store, settings, wall, log);
    desk->warmUp();

    Harness k;
    k.shell().setServices({.desk = desk.get(), .usage = desk.get()});
    k.wake();
    k.shell().push({T::Down, 20, 20, k.clock().now(), 0});
    k.frame();
    k.wait(3'100);
    k.shell().push({T::Up, 20, 20, k.clock().now(), 0});
    k.frames(2);
    for (char c : std::string("864200"))
        k.tap("officer.pin." + std::string(1, c));
    k.tap("officer.pin.ok");
    REQUIRE(
        until(k, [&] { return k.map().screen == "officer-dashboard" && !value(k, "status_stick").empty(); }));
    CHECK(value(k, "status_stick") == "no");
    CHECK(value(k, "status_count").empty());
    CHECK(drawn(k, "Belum ada status dari kantor di kios ini."));
    REQUIRE(k.session().desk);
    CHECK_FALSE(k.session().desk->status.book);

    // Nothing on the stick: the tap says where the file should be.
    k.revealAndTap("officer.status.take");
    REQUIRE(until(k, [&] { return value(k, "status_update") == "refused"; }));
    CHECK(value(k, "status_refusal") == "not-found");
    CHECK(drawn(k, "Tidak ada status permintaan untuk kios ini di USB: salin folder desa-kiosk-status dari "
                   "kantor ke USB."));

    test::putStatusFile(folder, "CMG", statuspack::write(test::statusPack("CMG", kMade), office.sec));
    k.revealAndTap("officer.status.take");
    REQUIRE(until(k, [&] { return value(k, "status_update") == "done"; }));
    CHECK(drawn(k, "3 status diterima, dari kantor 2 Desember 2026."));
    CHECK(value(k, "status_count") == "3");
    CHECK(value(k, "status_created") == "2026-12-02 14:05");
    CHECK(value(k, "status_stick") == "yes");
    // The book reaches the shell with the desk's news (the resident's screen reads it from there).
    const auto book = [&] { return k.session().desk->status.book; };
    REQUIRE(book());
    CHECK(book()->kioskId == "CMG");
    REQUIRE(book()->entries.size() == 3);
    CHECK(book()->entries[1].reference == "CMG-0002");
    CHECK(book()->entries[1].status == RequestStatus::Contacted);

    SUBCASE("a forged pack is refused with its sentence, and the book stays")
    {
        test::SigningOffice forger;
        test::putStatusFile(folder, "CMG",
                            statuspack::write(test::statusPack("CMG", kMade + 60'000, 7), forger.sec));
        k.revealAndTap("officer.status.take");
        REQUIRE(until(k, [&] { return value(k, "status_update") == "refused"; }));
        CHECK(value(k, "status_refusal") == "untrusted-key");
        CHECK(drawn(k, "Ditolak: status ini tidak ditandatangani oleh kantor yang dipercaya kios ini. Status "
                       "yang sekarang tetap dipakai."));
        CHECK(book()->entries.size() == 3);
        Session en = k.session();
        en.lang = Lang::En;
        k.shell().show(en);
        k.frames(2);
        CHECK(drawn(k, "Refused: these statuses are not signed by an office this kiosk trusts. The current "
                       "statuses stay."));
    }
    SUBCASE("an older pack is refused, in Javanese too")
    {
        test::putStatusFile(folder, "CMG",
                            statuspack::write(test::statusPack("CMG", kMade - 60'000, 9), office.sec));
        k.revealAndTap("officer.status.take");
        REQUIRE(until(k, [&] { return value(k, "status_update") == "refused"; }));
        CHECK(value(k, "status_refusal") == "older");
        Session jv = k.session();
        jv.lang = Lang::Jv;
        k.shell().show(jv);
        k.frames(2);
        CHECK(drawn(
            k, "Dipuntolak: status menika langkung lami tinimbang ingkang sampun wonten ing kios. Status "
               "sapunika tetep dipunginakaken."));
        CHECK(book()->entries.size() == 3);
    }

    // Audited in the machine form, each a sentence on the dashboard.
    desk->drain();
    {
        store::Db db(dir.path() / "kiosk.db", store::OpenMode::ReadOnly);
        store::Stmt q(db, "SELECT group_concat(detail, '|') FROM audit WHERE kind = 'status-pack'");
        REQUIRE(q.step());
        const std::string audit = q.columnText(0);
        CHECK(audit.find("refused reason=not-found") != std::string::npos);
        CHECK(audit.find("taken count=3 day=2026-12-02") != std::string::npos);
    }

    // The kiosk starts again: the desk loads the book kept, the session gets it with the desk's news.
    k.revealAndTap("officer.logout");
    desk.reset();
    auto again = std::make_unique<OfficerDeskService>(store, settings, wall, log);
    again->drain();
    REQUIRE(again->snapshot()->status.book);
    CHECK(again->snapshot()->status.book->entries.size() == 3);
    CHECK(again->snapshot()->status.createdMs == kMade);
    CHECK(log.str().find("status pack from the office of 2026-12-02 14:05: 3 requests") != std::string::npos);
}
