// Follow-up events and the status derived from them, the lists, the kiosks, the monthly report
// against hand-counted numbers, and retention, on both stores.
#include "ledger/ledger.hpp"

#include "office_support.hpp"

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;
using test::kDay;
using test::kHourMs;
using test::kOfficeT0;

namespace {

const Villages kVillages{{"CMG", "Desa Cemeng"}, {"KRJ", "Desa Karangjati"}};
const std::vector<std::string> kPartners{"Disnaker Sragen", "BP3MI Jawa Tengah", "Polres Sragen", "SAPA 129"};

// The hand-counted ledger:
//   CMG-0001 passport, made 2026-10-28 (October)
//   CMG-0002..0004 passport, made 2026-11-02 08:00, 08:01, 08:02
//   CMG-0005..0006 trafficking, made 2026-11-03 08:00, 08:01
//   KRJ-0001..0002 passport, made 2026-11-12 08:00, 08:01
// exported by each kiosk an hour after the last, imported 2026-11-12 12:00.
struct Ledger {
    test::TempDir stickDir;
    test::OfficeKeys keys;
    test::Kiosk cmg{"CMG"};
    test::Kiosk krj{"KRJ"};

    explicit Ledger(Store& store)
    {
        test::useKioskTimeZone();
        cmg.add(1, kOfficeT0 - 5 * kDay, {RequestTopic::Passport});
        REQUIRE(cmg.exportTo(stickDir.path(), kOfficeT0 - 5 * kDay + kHourMs, keys.pair.publicKey).count ==
                1);
        cmg.add(3, kOfficeT0, {RequestTopic::Passport});
        cmg.add(2, kOfficeT0 + kDay, {RequestTopic::Trafficking});
        REQUIRE(cmg.exportTo(stickDir.path(), kOfficeT0 + kDay + kHourMs, keys.pair.publicKey).count == 5);
        krj.add(2, kOfficeT0 + 10 * kDay, {RequestTopic::Passport});
        REQUIRE(krj.exportTo(stickDir.path(), kOfficeT0 + 10 * kDay + kHourMs, keys.pair.publicKey).count ==
                2);
        const std::vector<fs::path> paths{stickDir.path()};
        REQUIRE(importPaths(store, paths,
                            test::importOptions(keys.pair.secretKey, kOfficeT0 + 10 * kDay + 4 * kHourMs))
                    .added() == 8);
    }
};

std::int64_t createdOf(Store& store, const std::string& reference)
{
    return store.query("SELECT created_ms FROM requests WHERE reference = $1", {reference}).at(0).integer(0);
}

// Records `outcome` on `reference` `days` after it was made; returns the new status.
std::string follow(Store& store, const std::string& reference, Outcome outcome, double days,
                   const std::string& partner = "")
{
    FollowUp f;
    f.request = reference;
    f.outcome = outcome;
    f.partner = partner;
    f.note = "catatan " + reference;
    f.who = "petugas-b";
    f.atMs = createdOf(store, reference) + static_cast<std::int64_t>(days * static_cast<double>(kDay));
    return addFollowUp(store, f, kPartners).status;
}

void hisFollowUps(Store& store)
{
    CHECK(follow(store, "CMG-0002", Outcome::NoAnswer, 1) == "dicoba");
    CHECK(follow(store, "CMG-0002", Outcome::Reached, 2) == "dihubungi");
    CHECK(follow(store, "CMG-0002", Outcome::Done, 3) == "selesai");
    CHECK(follow(store, "CMG-0003", Outcome::Reached, 3) == "dihubungi");
    CHECK(follow(store, "CMG-0003", Outcome::Note, 4) == "dihubungi"); // a note changes no status
    CHECK(follow(store, "CMG-0005", Outcome::Reached, 0.5) == "dihubungi");
    CHECK(follow(store, "CMG-0005", Outcome::Referred, 1, "SAPA 129") == "dirujuk");
    CHECK(follow(store, "CMG-0006", Outcome::WrongPerson, 2) == "dicoba");
    CHECK(follow(store, "CMG-0006", Outcome::Done, 2) == "selesai");
    // A correction is a new event: closed by mistake, opened again.
    CHECK(follow(store, "CMG-0006", Outcome::Reopened, 3) == "baru");
    CHECK(follow(store, "KRJ-0001", Outcome::NotActive, 1) == "dicoba");
}

std::vector<std::string> references(const std::vector<LedgerRequest>& list)
{
    std::vector<std::string> out;
    for (const LedgerRequest& r : list)
        out.push_back(r.reference);
    return out;
}

} // namespace

TEST_CASE_TEMPLATE("follow-up events are appended and the status is derived from them", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    Ledger ledger(*store);
    const std::int64_t before = test::countOf(*store, "SELECT COUNT(*) FROM events");
    hisFollowUps(*store);
    CHECK(test::countOf(*store, "SELECT COUNT(*) FROM events") == before + 11); // appended, none changed

    const std::string uid =
        store->query("SELECT uid FROM requests WHERE reference = 'CMG-0006'").at(0).text(0);
    const std::vector<Event> events = eventsOf(*store, uid);
    REQUIRE(events.size() == 4);
    CHECK(events[0].kind == "baru");
    CHECK(events[0].who == "petugas-a");
    CHECK(events[1].kind == "attempt");
    CHECK(events[1].outcome == "wrong-person");
    CHECK(events[2].kind == "selesai");
    CHECK(events[3].kind == "reopened");
    CHECK(events[3].who == "petugas-b");
    CHECK(events[3].note == "catatan CMG-0006");

    SUBCASE("a referral names one of the office's partners")
    {
        FollowUp f{"CMG-0004", Outcome::Referred, "Polsek Entah", "", "petugas-b", kOfficeT0 + 12 * kDay};
        CHECK_THROWS_WITH_AS(
            addFollowUp(*store, f, kPartners),
            "'Polsek Entah' is not one of the office's partners (Disnaker Sragen, BP3MI Jawa Tengah, "
            "Polres Sragen, SAPA 129)",
            std::invalid_argument);
        f.request = "XYZ-0001";
        f.outcome = Outcome::Reached;
        CHECK_THROWS_WITH_AS(addFollowUp(*store, f, kPartners), "no request has the id or reference XYZ-0001",
                             std::invalid_argument);
        CHECK(test::countOf(*store, "SELECT COUNT(*) FROM events") == before + 11);
    }
    SUBCASE("lists: trafficking first, then oldest; by status, village and topic")
    {
        const std::vector<LedgerRequest> all = listRequests(*store, {}, kVillages);
        CHECK(references(all) == std::vector<std::string>{"CMG-0005", "CMG-0006", "CMG-0001", "CMG-0002",
                                                          "CMG-0003", "CMG-0004", "KRJ-0001", "KRJ-0002"});
        CHECK(all[0].priority == 0);
        CHECK(all[0].status == "dirujuk");
        CHECK(all[0].village == "Desa Cemeng");
        CHECK(references(listRequests(*store, {"baru", "", ""}, kVillages)) ==
              std::vector<std::string>{"CMG-0006", "CMG-0001", "CMG-0004", "KRJ-0002"});
        CHECK(references(listRequests(*store, {"", "Desa Karangjati", ""}, kVillages)) ==
              std::vector<std::string>{"KRJ-0001", "KRJ-0002"});
        CHECK(references(listRequests(*store, {"dicoba", "", "passport"}, kVillages)) ==
              std::vector<std::string>{"KRJ-0001"});
        CHECK(references(listRequests(*store, {"", "KRJ", "trafficking"}, kVillages)).empty());
    }
}

TEST_CASE_TEMPLATE("the monthly report matches the hand count", Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    Ledger ledger(*store);
    hisFollowUps(*store);

    const std::vector<ReportLine> november =
        monthlyReport(*store, "2026-11", kVillages, kOfficeT0 + 20 * kDay);
    REQUIRE(november.size() == 3);
    // Desa Cemeng, passport: CMG-0002 (no answer day 1, reached day 2, done day 3), CMG-0003
    // (reached day 3), CMG-0004 (nothing). First attempts after 1 and 3 days: median 2. Open
    // longer than 7 days on 2026-11-22: CMG-0003 and CMG-0004.
    CHECK(november[0].village == "Desa Cemeng");
    CHECK(november[0].topic == "passport");
    CHECK(november[0].received == 3);
    CHECK(november[0].reached == 2);
    CHECK(november[0].referred == 0);
    CHECK(november[0].done == 1);
    CHECK(november[0].medianDaysToFirstAttempt == doctest::Approx(2.0));
    CHECK(november[0].openOver7Days == 2);
    // Desa Cemeng, trafficking: CMG-0005 (reached after half a day, referred), CMG-0006 (wrong
    // person after 2 days, done, reopened). Median of 0.5 and 2: 1.25. Both open.
    CHECK(november[1].topic == "trafficking");
    CHECK(november[1].received == 2);
    CHECK(november[1].reached == 1);
    CHECK(november[1].referred == 1);
    CHECK(november[1].done == 0);
    CHECK(november[1].medianDaysToFirstAttempt == doctest::Approx(1.25));
    CHECK(november[1].openOver7Days == 2);
    // Desa Karangjati, passport: KRJ-0001 (not active after 1 day), KRJ-0002; 10 days old.
    CHECK(november[2].village == "Desa Karangjati");
    CHECK(november[2].received == 2);
    CHECK(november[2].reached == 0);
    CHECK(november[2].done == 0);
    CHECK(november[2].medianDaysToFirstAttempt == doctest::Approx(1.0));
    CHECK(november[2].openOver7Days == 2);
    // On 2026-11-15 the Karangjati requests are 3 days old: not yet open too long.
    CHECK(monthlyReport(*store, "2026-11", kVillages, kOfficeT0 + 13 * kDay)[2].openOver7Days == 0);

    const std::vector<ReportLine> october =
        monthlyReport(*store, "2026-10", kVillages, kOfficeT0 + 20 * kDay);
    REQUIRE(october.size() == 1);
    CHECK(october[0].received == 1);
    CHECK_FALSE(october[0].medianDaysToFirstAttempt.has_value());
    CHECK(monthlyReport(*store, "2026-12", kVillages, kOfficeT0 + 20 * kDay).empty());
}

TEST_CASE_TEMPLATE("kiosks: first and last batch, requests per month, silent after N days", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    Ledger ledger(*store);
    // 2026-12-12 08:00: CMG's last batch is 39 days old, KRJ's 29 days and 23 hours.
    const std::vector<KioskSummary> kiosks = listKiosks(*store, kVillages, kOfficeT0 + 40 * kDay, 30);
    REQUIRE(kiosks.size() == 2);
    CHECK(kiosks[0].kioskId == "CMG");
    CHECK(kiosks[0].village == "Desa Cemeng");
    CHECK(kiosks[0].batches == 2);
    CHECK(kiosks[0].firstBatchMs == kOfficeT0 - 5 * kDay + kHourMs);
    CHECK(kiosks[0].lastBatchMs == kOfficeT0 + kDay + kHourMs);
    CHECK(kiosks[0].perMonth == std::map<std::string, std::int64_t>{{"2026-10", 1}, {"2026-11", 5}});
    CHECK(kiosks[0].requests == 6);
    CHECK(kiosks[0].silent);
    CHECK(kiosks[0].daysSinceLastBatch == 38);
    CHECK(kiosks[1].kioskId == "KRJ");
    CHECK_FALSE(kiosks[1].silent);
    CHECK(kiosks[1].perMonth == std::map<std::string, std::int64_t>{{"2026-11", 2}});
    CHECK(listKiosks(*store, kVillages, kOfficeT0 + 40 * kDay, 29)[1].silent);
}

TEST_CASE_TEMPLATE(
    "retention: personal data deleted N days after selesai, counts kept, the deletion an event", Kind,
    test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    const auto store = Kind::open(dir);
    Ledger ledger(*store);
    hisFollowUps(*store);
    const std::int64_t done = createdOf(*store, "CMG-0002") + 3 * kDay;

    CHECK(purge(*store, 90, "petugas-c", done + 90 * kDay - 1) == 0);
    CHECK(purge(*store, 90, "petugas-c", done + 90 * kDay) == 1);
    const std::vector<Row> row = store->query(
        "SELECT name, phone, dusun, rt, rw, note, purged_ms, topic, status, uid FROM requests WHERE "
        "reference = 'CMG-0002'");
    REQUIRE(row.size() == 1);
    for (std::size_t c = 0; c < 6; ++c)
        CHECK(row[0].isNull(c));
    CHECK(row[0].integer(6) == done + 90 * kDay);
    CHECK(row[0].text(7) == "passport");
    CHECK(row[0].text(8) == "selesai");
    const std::vector<Event> events = eventsOf(*store, row[0].text(9));
    CHECK(events.back().kind == "purged");
    CHECK(events.back().who == "petugas-c");
    for (std::size_t i = 0; i + 1 < events.size(); ++i)
        CHECK(events[i].note.empty()); // the officers' notes about the resident too
    // Nothing else had personal data deleted; a second purge finds nothing more.
    CHECK(test::countOf(*store, "SELECT COUNT(*) FROM requests WHERE name IS NULL") == 1);
    CHECK(purge(*store, 90, "petugas-c", done + 200 * kDay) == 0);

    // The counts stand.
    const std::vector<ReportLine> november =
        monthlyReport(*store, "2026-11", kVillages, kOfficeT0 + 20 * kDay);
    CHECK(november[0].received == 3);
    CHECK(november[0].done == 1);
    CHECK(november[0].reached == 2);
    // A purged request takes no more follow-up, and importing its batch again brings nothing back.
    FollowUp f{"CMG-0002", Outcome::Note, "", "x", "petugas-b", done + 91 * kDay};
    CHECK_THROWS_AS(addFollowUp(*store, f, kPartners), std::invalid_argument);
    const std::vector<fs::path> paths{ledger.stickDir.path()};
    const ImportSummary again = importPaths(*store, paths, test::importOptions(ledger.keys.pair.secretKey));
    CHECK(again.added() == 0);
    CHECK(again.conflicts() == 0);
    CHECK(store->query("SELECT name FROM requests WHERE reference = 'CMG-0002'").at(0).isNull(0));
}
