// The officer desk's pieces on their own: its worker thread, the PIN checks, the usage tally, where
// exports and content packs go, settings changes and the purge's timing, each with only its context.
#include "export/seal.hpp"
#include "export_support.hpp"
#include "services/desk_content.hpp"
#include "services/desk_export.hpp"
#include "services/desk_pin.hpp"
#include "services/desk_retention.hpp"
#include "services/desk_setting_change.hpp"
#include "services/desk_usage.hpp"
#include "services/desk_worker.hpp"
#include "store/settings.hpp"
#include "store/usage.hpp"
#include "store_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace kiosk;

namespace {

// A board for one thread: the snapshot swapped on each publish, and how many there were.
class TestBoard final : public desk::Board {
public:
    [[nodiscard]] std::shared_ptr<const OfficerSnapshot> snapshot() const override { return m_snapshot; }
    void publish(const desk::SnapshotChange& change) override
    {
        auto next = std::make_shared<OfficerSnapshot>(*m_snapshot);
        change(*next);
        m_snapshot = std::move(next);
        ++published;
    }
    int published = 0;

private:
    std::shared_ptr<const OfficerSnapshot> m_snapshot = std::make_shared<OfficerSnapshot>();
};

Stick stick(const char* mountPoint, bool readOnly)
{
    Stick s;
    s.mountPoint = mountPoint;
    s.label = std::filesystem::path(mountPoint).filename().string();
    s.readOnly = readOnly;
    return s;
}

// Waits up to 10 s for `done`.
template <class Done> bool within10s(Done done)
{
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
        if (std::chrono::steady_clock::now() > limit)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

} // namespace

TEST_CASE("the desk's worker runs its jobs in order on its own thread; a job that throws is logged")
{
    std::ostringstream log;
    desk::Worker worker(log, std::make_shared<OfficerSnapshot>());
    worker.start({[] { return std::chrono::milliseconds(std::chrono::hours(1)); }, [] {}});
    std::vector<int> done; // the worker's alone until drain()
    std::thread::id ranOn;
    worker.post([&] { done.push_back(1); });
    worker.post([] { throw std::runtime_error("a job that fails"); });
    worker.post([&] {
        done.push_back(2);
        ranOn = std::this_thread::get_id();
    });
    worker.drain();
    CHECK(done == std::vector<int>{1, 2});
    CHECK(ranOn != std::this_thread::get_id());
    CHECK(log.str() == "kiosk: officer desk: a job that fails\n");

    const std::uint64_t before = worker.changes();
    worker.publish([](OfficerSnapshot& s) { s.hasPin = true; });
    CHECK(worker.changes() == before + 1);
    CHECK(worker.snapshot()->hasPin == true);
    worker.noteChange();
    CHECK(worker.changes() == before + 2);
}

TEST_CASE("a nudge wakes the desk's worker from a long sleep to do its chores")
{
    std::ostringstream log;
    desk::Worker worker(log, std::make_shared<OfficerSnapshot>());
    std::atomic<int> rounds{0};
    worker.start({[] { return std::chrono::milliseconds(std::chrono::hours(1)); }, [&] { ++rounds; }});
    worker.post([] {});
    REQUIRE(within10s([&] { return rounds.load() == 1; })); // after the job, then asleep for an hour
    worker.nudgeIf([] { return false; });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(rounds.load() == 1);
    worker.nudgeIf([] { return true; });
    CHECK(within10s([&] { return rounds.load() == 2; }));
    worker.stop(); // at once, not an hour later
}

TEST_CASE("PINs through the desk: none yet, one made, one offered again, then right and wrong")
{
    store::Db db = test::migratedMemory();
    FakeClock clock;
    clock.set(1'780'000'000'000);
    std::ostringstream log;

    desk::PinReply r = desk::answerPin(&db, clock, log, "135790", false, 1);
    CHECK(r.answer.status == PinAnswer::Status::NoPin);
    CHECK(r.answer.attempt == 1);
    CHECK(r.hasPin == false);

    r = desk::answerPin(&db, clock, log, "246810", true, 2);
    CHECK(r.answer.status == PinAnswer::Status::PinSet);
    CHECK(r.hasPin == true);
    r = desk::answerPin(&db, clock, log, "111111", true, 3);
    CHECK(r.answer.status == PinAnswer::Status::PinExists);

    r = desk::answerPin(&db, clock, log, "000000", false, 4);
    CHECK(r.answer.status == PinAnswer::Status::Wrong);
    CHECK(r.answer.failures == 1);
    r = desk::answerPin(&db, clock, log, "246810", false, 5);
    CHECK(r.answer.status == PinAnswer::Status::Ok);
    CHECK(r.answer.attempt == 5);

    r = desk::answerPin(nullptr, clock, log, "246810", false, 6);
    CHECK(r.answer.status == PinAnswer::Status::Failed);
    CHECK_FALSE(r.hasPin.has_value());
    CHECK(log.str().find("246810") == std::string::npos);
}

TEST_CASE("usage counts wait a minute from the first, and a failed write keeps them for the next")
{
    desk::UsageTally tally(1'000);
    CHECK(tally.empty());
    CHECK_FALSE(tally.due(1'000'000));
    CHECK(tally.add("2026-11-28", "passport", "id", 5'000));
    CHECK_FALSE(tally.add("2026-11-28", "passport", "id", 30'000));
    CHECK_FALSE(tally.add("2026-11-28", "listen-passport", "jv", 40'000));
    CHECK_FALSE(tally.due(64'999));
    CHECK(tally.due(65'000));

    desk::UsageTally::Counts counts = tally.take(70'000);
    CHECK(tally.empty());
    CHECK(counts.size() == 2);
    CHECK(counts[{"2026-11-28", "passport", "id"}] == 2);

    store::Db db = test::migratedMemory();
    std::ostringstream log;
    REQUIRE(desk::saveUsage(db, counts, log));
    CHECK(store::usageSince(db, "2026-11-01") ==
          std::vector<store::UsageCount>{{"2026-11-28", "listen-passport", "jv", 1},
                                         {"2026-11-28", "passport", "id", 2}});

    desk::UsageTally::Counts bad{{{"28/11/2026", "home", "id"}, 1}}; // the store refuses such a day
    CHECK_FALSE(desk::saveUsage(db, bad, log));
    CHECK(log.str().find("usage counts could not be saved") != std::string::npos);
    tally.putBack(counts);
    CHECK(tally.add("2026-11-28", "passport", "id", 80'000) == false); // not the first: kept
    CHECK(tally.take(90'000)[{"2026-11-28", "passport", "id"}] == 3);
}

TEST_CASE("exports go to the first writable stick, and each failure has the officer's words")
{
    CHECK_FALSE(desk::exportStick({}));
    const std::vector<Stick> sticks{stick("/media/kiosk/CD", true), stick("/media/kiosk/DATA", false)};
    REQUIRE(desk::exportStick(sticks) != nullptr);
    CHECK(desk::exportStick(sticks)->label == "DATA");
    const std::vector<Stick> readOnly{stick("/media/kiosk/CD", true), stick("/media/kiosk/LOCKED", true)};
    CHECK(desk::exportStick(readOnly)->label == "CD");

    CHECK(std::string(desk::exportMessage({ENOSPC, std::generic_category()})) == "officer.export.full");
    CHECK(std::string(desk::exportMessage({EROFS, std::generic_category()})) == "officer.export.readonly");
    CHECK(std::string(desk::exportMessage({EIO, std::generic_category()})) == "officer.export.pulled");
}

TEST_CASE("without an office key: refused where plain copies are off or without the officer's yes, "
          "nothing written; written after it; with a key no yes is needed")
{
    test::ExportFixture fx;
    OfficerDeskSettings settings;
    settings.kioskId = "CMG";
    settings.exportDir = fx.dest;
    exporter::PosixFileWriter files;
    TestBoard board;
    const desk::ExportContext context{.db = &fx.db,
                                      .settings = settings,
                                      .files = files,
                                      .clock = fx.clock,
                                      .log = fx.log,
                                      .board = board,
                                      .lookForSticks = [] {}};
    const auto written = [&] {
        return std::distance(std::filesystem::recursive_directory_iterator(fx.dest),
                             std::filesystem::recursive_directory_iterator());
    };
    const auto collected = [&] {
        return fx.db.queryInt("SELECT count(*) FROM requests WHERE collected_batch IS NOT NULL");
    };
    const auto outcome = [&] { return board.snapshot()->exporting; };

    settings.allowPlainExport = false;
    CHECK_FALSE(desk::exportRequests(context, {ExportScope::New, std::nullopt, true})); // even with a yes
    CHECK(outcome().phase == ExportState::Phase::Failed);
    CHECK(outcome().message == "officer.export.plain_off");
    CHECK(written() == 0);

    settings.allowPlainExport = true;
    CHECK_FALSE(desk::exportRequests(context, {ExportScope::New, std::nullopt, false}));
    CHECK(outcome().phase == ExportState::Phase::Failed);
    CHECK(outcome().message == "officer.export.plain_unconfirmed");
    CHECK(written() == 0);
    CHECK(collected() == 0);

    REQUIRE(desk::exportRequests(context, {ExportScope::New, std::nullopt, true}));
    CHECK(outcome().phase == ExportState::Phase::Done);
    CHECK(outcome().count == 5);
    CHECK(written() > 0);
    CHECK(collected() == 5);

    settings.allowPlainExport = false; // sealed copies are always allowed
    settings.officeKey = exporter::makeKeyPair().publicKey;
    REQUIRE(desk::exportRequests(context, {ExportScope::All, std::nullopt, false}));
    CHECK(outcome().phase == ExportState::Phase::Done);
    CHECK(outcome().count == 5);
}

TEST_CASE("a failed export is told by its errno and a database failure by SQLite's code, not in English")
{
    test::ExportFixture fx;
    OfficerDeskSettings settings;
    settings.kioskId = "CMG";
    settings.exportDir = fx.dest / "not-there"; // ENOENT: as if the stick went away
    settings.officeKey = exporter::makeKeyPair().publicKey;
    exporter::PosixFileWriter files;
    TestBoard board;
    const desk::ExportContext context{.db = &fx.db,
                                      .settings = settings,
                                      .files = files,
                                      .clock = fx.clock,
                                      .log = fx.log,
                                      .board = board,
                                      .lookForSticks = [] {}};
    REQUIRE(desk::exportRequests(context, {ExportScope::New, std::nullopt, false}));
    const ExportState ex = board.snapshot()->exporting;
    CHECK(ex.phase == ExportState::Phase::Failed);
    CHECK(ex.message == "officer.export.pulled");
    CHECK(ex.detail.source == FaultDetail::Source::System);
    CHECK(ex.detail.codeName == "ENOENT");
    CHECK(ex.detail.code == ENOENT);

    CHECK(store::databaseFault(store::SqliteError("step: database or disk is full", 13)) ==
          FaultDetail{.source = FaultDetail::Source::Database, .code = 13, .codeName = "SQLITE_FULL"});
}

TEST_CASE("content packs are looked for in the export folder first, then on each stick")
{
    const std::vector<Stick> sticks{stick("/media/kiosk/A", false), stick("/media/kiosk/B", true)};
    CHECK(desk::packFolders({}, sticks) ==
          std::vector<std::filesystem::path>{"/media/kiosk/A/desa-kiosk-konten",
                                             "/media/kiosk/B/desa-kiosk-konten"});
    CHECK(desk::packFolders("/srv/export", {}) ==
          std::vector<std::filesystem::path>{"/srv/export/desa-kiosk-konten"});
}

TEST_CASE("an officer's setting is stored and audited before the snapshot shows it")
{
    store::Db db = test::migratedMemory();
    FakeClock clock;
    std::ostringstream log;
    TestBoard board;

    CHECK_FALSE(
        desk::applySetting(&db, setting::Volume{-1}, clock, log, board)); // the settings are not read yet
    board.publish([](OfficerSnapshot& s) { s.settings = KioskSettings{}; });
    CHECK_FALSE(desk::applySetting(nullptr, setting::Volume{-1}, clock, log, board));
    CHECK_FALSE(desk::applySetting(&db, setting::Colours{Theme::Standard}, clock, log, board)); // no change
    const int published = board.published;
    REQUIRE(desk::applySetting(&db, setting::Volume{-1}, clock, log, board));
    CHECK(board.published == published + 1);
    CHECK(board.snapshot()->settings->volume == KioskSettings{}.volume - 10);
    CHECK(store::loadSettings(db, log).volume == KioskSettings{}.volume - 10);
}

TEST_CASE("the purge falls due again 6 hours after the last one")
{
    store::Db db = test::migratedMemory();
    std::ostringstream log;
    desk::Retention retention(14);
    retention.purge(db, 1'780'000'000'000, log);
    CHECK_FALSE(retention.due(std::chrono::steady_clock::now()));
    CHECK(retention.due(std::chrono::steady_clock::now() + desk::Retention::kEvery));
    CHECK(log.str().empty()); // nothing to delete, nothing said
}
