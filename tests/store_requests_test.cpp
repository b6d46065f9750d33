// Tests of the request store: saving, ids and references, repeated sends, and every way saving
// can fail (with real errors: a full database, a read-only file, a lock, a damaged file).
#include "store/requests.hpp"
#include "store/schema.hpp"

#include "store_support.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::store;
using Status = SubmitResult::Status;

namespace {

struct Kiosk {
    test::TempDir dir;
    fs::path file = dir.path() / "kiosk.db";
    FakeClock clock;
    std::ostringstream log;
    std::unique_ptr<RequestStore> store;
    fs::path movedAsideTo;

    explicit Kiosk(bool openNow = true)
    {
        if (openNow)
            open();
    }
    RequestStore& open(StoreOptions options = {})
    {
        store.reset();
        auto opened = RequestStore::open(file, "CMG", clock, log, options);
        store = std::move(opened.store);
        movedAsideTo = opened.movedAsideTo;
        return *store;
    }
    void close() { store.reset(); }
};

// Every request in the store, in order, is exactly one sent.
void checkStoredAsSent(Kiosk& k, const std::vector<CallbackRequest>& sent)
{
    const auto rows = k.store->list();
    REQUIRE(rows.size() == sent.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        CHECK(rows[i].request == sent[i]);
}

CallbackRequest fullRequest()
{
    CallbackRequest r;
    r.name = "Raden Ayu Séno Dèwi";
    r.phone = "+6285712345678";
    r.dusun = "Krajan";
    r.rt = "3";
    r.rw = "12";
    r.topic = RequestTopic::WorkAbroad;
    r.time = ContactTime::Afternoon;
    r.note = "Anak saya, \"Dèwi\", mau ke Taiwan.\nLewat PT apa?";
    r.lang = Lang::Jv;
    return r;
}

std::string randomBytes(std::size_t n, unsigned seed)
{
    std::mt19937 random(seed);
    std::string bytes(n, '\0');
    for (char& c : bytes)
        c = static_cast<char>(random() & 0xff);
    return bytes;
}

// "CMG-" and a UUID version 4: 8-4-4-4-12 lower-case hex digits, "4" and one of "89ab" in place.
// (Not std::regex: GCC 12 warns inside it under the sanitizers.)
bool isUid(const std::string& uid)
{
    const std::string prefix = "CMG-";
    if (uid.size() != prefix.size() + 36 || uid.compare(0, prefix.size(), prefix) != 0)
        return false;
    const std::string u = uid.substr(prefix.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (u[i] >= '0' && u[i] <= '9') || (u[i] >= 'a' && u[i] <= 'f');
        if (dash ? u[i] != '-' : !hex)
            return false;
    }
    return u[14] == '4' && std::string("89ab").find(u[19]) != std::string::npos;
}

bool logHoldsAnyField(const std::string& log, const CallbackRequest& r)
{
    for (const std::string* field : {&r.name, &r.phone, &r.dusun, &r.note})
        if (!field->empty() && log.find(*field) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("a submitted request is stored with every field")
{
    Kiosk k;
    REQUIRE(k.store->available());
    CHECK(k.movedAsideTo.empty());
    k.clock.set(1'714'552'212'345);
    const CallbackRequest r = fullRequest();
    const SubmitResult result = k.store->submit(r);
    REQUIRE(result.status == Status::Saved);
    CHECK(result.reference == "CMG-0001");
    CHECK(result.failure == SaveFailure::None);

    k.close(); // and it is on disk, read by another connection
    k.open();
    const auto rows = k.store->list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == 1);
    CHECK(rows[0].reference == "CMG-0001");
    CHECK(rows[0].createdMs == 1'714'552'212'345);
    CHECK(rows[0].request == r);
    CHECK(isUid(rows[0].uid));
    CHECK(k.store->count() == 1);
    CHECK(k.log.str().empty());
}

TEST_CASE("the database is in WAL mode with synchronous=FULL and foreign keys on")
{
    Kiosk k;
    Db& db = *k.store->database();
    CHECK(db.queryText("PRAGMA journal_mode") == "wal");
    CHECK(db.queryInt("PRAGMA synchronous") == 2); // FULL
    CHECK(db.queryInt("PRAGMA foreign_keys") == 1);
    CHECK(db.queryInt("PRAGMA busy_timeout") == 2000);
}

TEST_CASE("every topic, time and language is stored and read back")
{
    Kiosk k;
    std::vector<CallbackRequest> sent;
    for (RequestTopic topic : kAllRequestTopics)
        for (ContactTime time : kAllContactTimes)
            for (Lang lang : kAllLangs) {
                CallbackRequest r = test::numberedRequest(static_cast<long>(sent.size()));
                r.topic = topic;
                r.time = time;
                r.lang = lang;
                REQUIRE(k.store->submit(r).status == Status::Saved);
                sent.push_back(r);
            }
    checkStoredAsSent(k, sent);
}

TEST_CASE("uids and references are unique, and references count up")
{
    Kiosk k;
    // Only uniqueness is under test here, not durability: skip the fsync of each commit.
    k.store->database()->exec("PRAGMA synchronous = OFF");
    std::set<std::string> uids, references;
    for (long i = 0; i < 2000; ++i) {
        const SubmitResult result = k.store->submit(test::numberedRequest(i));
        REQUIRE(result.status == Status::Saved);
        CHECK(result.reference == formatReference("CMG", i + 1));
        references.insert(result.reference);
    }
    k.store->forEach([&](const StoredRequest& r) {
        CHECK(isUid(r.uid));
        uids.insert(r.uid);
    });
    CHECK(uids.size() == 2000);
    CHECK(references.size() == 2000);
    CHECK(*references.begin() == "CMG-0001");
    CHECK(references.count("CMG-2000") == 1);
}

TEST_CASE("references have at least four digits and grow past 9999")
{
    CHECK(formatReference("CMG", 1) == "CMG-0001");
    CHECK(formatReference("CMG", 427) == "CMG-0427");
    CHECK(formatReference("CMG", 9999) == "CMG-9999");
    CHECK(formatReference("CMG", 10000) == "CMG-10000");
    CHECK(formatReference("KIOSK", 123456) == "KIOSK-123456");

    Kiosk k;
    k.store->database()->exec("INSERT INTO sqlite_sequence (name, seq) VALUES ('requests', 9998)");
    CHECK(k.store->submit(test::numberedRequest(1)).reference == "CMG-9999");
    CHECK(k.store->submit(test::numberedRequest(2)).reference == "CMG-10000");
}

TEST_CASE("references are never reused, even after the last rows are deleted")
{
    Kiosk k;
    for (long i = 0; i < 3; ++i)
        REQUIRE(k.store->submit(test::numberedRequest(i)).status == Status::Saved);
    k.store->database()->exec("DELETE FROM requests WHERE id = 3");
    CHECK(k.store->submit(test::numberedRequest(3)).reference == "CMG-0004");
    k.store->database()->exec("DELETE FROM requests");
    k.close();
    k.open();
    CHECK(k.store->submit(test::numberedRequest(4)).reference == "CMG-0005");
    CHECK(k.store->count() == 1);
}

TEST_CASE("the same data sent again within 10 minutes is one request with one reference")
{
    Kiosk k;
    const CallbackRequest r = fullRequest();
    const SubmitResult first = k.store->submit(r);
    REQUIRE(first.status == Status::Saved);

    SUBCASE("a double tap")
    {
        const SubmitResult again = k.store->submit(r);
        CHECK(again.status == Status::Repeated);
        CHECK(again.reference == first.reference);
        CHECK(again.ok());
        CHECK(k.store->count() == 1);
    }
    SUBCASE("back and send again, in another language, just before 10 minutes")
    {
        k.clock.advance(kRepeatWindowMs - 1);
        CallbackRequest other = r;
        other.lang = Lang::En;
        const SubmitResult again = k.store->submit(other);
        CHECK(again.status == Status::Repeated);
        CHECK(again.reference == first.reference);
        CHECK(k.store->count() == 1);
    }
    SUBCASE("after 10 minutes it is a new request")
    {
        k.clock.advance(kRepeatWindowMs);
        const SubmitResult later = k.store->submit(r);
        CHECK(later.status == Status::Saved);
        CHECK(later.reference == "CMG-0002");
        // and from then on, repeats get the newest reference
        k.clock.advance(60'000);
        CHECK(k.store->submit(r).reference == "CMG-0002");
        CHECK(k.store->count() == 2);
    }
    SUBCASE("the wall clock set back does not make old requests repeats for ever")
    {
        k.clock.advance(-2 * kRepeatWindowMs);
        CHECK(k.store->submit(r).status == Status::Saved);
    }
    SUBCASE("any field changed is a new request")
    {
        std::vector<CallbackRequest> changed(8, r);
        changed[0].name += "a";
        changed[1].phone = "+6285712345679";
        changed[2].dusun = "";
        changed[3].rt = "4";
        changed[4].rw = "";
        changed[5].topic = RequestTopic::Passport;
        changed[6].time = ContactTime::Any;
        changed[7].note += ".";
        for (const CallbackRequest& c : changed)
            CHECK(k.store->submit(c).status == Status::Saved);
        CHECK(k.store->count() == 9);
    }
}

TEST_CASE("the fingerprint tells apart values that only move between fields")
{
    CallbackRequest a, b;
    a.name = "ab";
    a.phone = "c";
    b.name = "a";
    b.phone = "bc";
    CHECK(requestFingerprint(a) != requestFingerprint(b));
    a.name = "x";
    a.phone = "";
    a.dusun = "";
    b.name = "";
    b.phone = "x";
    CHECK(requestFingerprint(a) != requestFingerprint(b));
    CHECK(requestFingerprint(fullRequest()) == requestFingerprint(fullRequest()));
}

TEST_CASE("SQL and spreadsheet formulas in the fields are stored verbatim")
{
    Kiosk k;
    const char* const nasty[] = {"'); DROP TABLE requests;--",
                                 "Robert'); DELETE FROM requests WHERE ('1'='1",
                                 "=HYPERLINK(\"http://contoh.invalid\",\"klik\")",
                                 "+cmd|' /C calc'!A0",
                                 "-2+3",
                                 "@SUM(A1:A9)",
                                 "a,b;\"c\"\n\r\td",
                                 "%s %n ? ?1 :name $1"};
    std::vector<CallbackRequest> sent;
    for (const char* text : nasty) {
        CallbackRequest r = test::numberedRequest(static_cast<long>(sent.size()));
        r.name = text;
        r.dusun = text;
        r.note = text;
        REQUIRE(k.store->submit(r).status == Status::Saved);
        sent.push_back(r);
    }
    checkStoredAsSent(k, sent);
    CHECK(integrityCheck(*k.store->database()) == std::vector<std::string>{"ok"});
}

TEST_CASE("a full database: the request fails as Full, nothing of it is stored or logged")
{
    Kiosk k;
    Db& db = *k.store->database();
    // The database may not grow past the pages it has now; the free room in them soon runs out.
    const std::int64_t pages = db.queryInt("PRAGMA page_count");
    CHECK(db.queryInt("PRAGMA max_page_count = " + std::to_string(pages)) == pages);
    CallbackRequest failed;
    SubmitResult result;
    long saved = 0;
    for (long i = 0; i < 500; ++i) {
        CallbackRequest r = test::numberedRequest(i);
        r.note = std::string(250, 'x') + std::to_string(i);
        result = k.store->submit(r);
        if (!result.ok()) {
            failed = r;
            break;
        }
        ++saved;
    }
    REQUIRE(result.status == Status::Failed);
    CHECK(result.failure == SaveFailure::Full);
    CHECK(result.reference.empty());
    CHECK(k.store->count() == saved);
    for (const StoredRequest& row : k.store->list())
        CHECK(row.request.name != failed.name);

    const std::string log = k.log.str();
    CHECK(log == "kiosk: could not save a callback request: the disk or database is full (SQLITE_FULL)\n");
    CHECK_FALSE(logHoldsAnyField(log, failed));

    // Room again: the same store saves it, without being opened again.
    db.exec("PRAGMA max_page_count = 1073741823");
    CHECK(k.store->submit(failed).status == Status::Saved);
    CHECK(k.store->count() == saved + 1);
}

TEST_CASE("a read-only database file: the request fails and nothing is stored")
{
    Kiosk k;
    REQUIRE(k.store->submit(test::numberedRequest(0)).status == Status::Saved);
    k.close(); // the last connection: the WAL is folded in and removed
    REQUIRE_FALSE(fs::exists(k.dir.path() / "kiosk.db-wal"));
    const std::string before = test::readFile(k.file);
    using fs::perms;
    const auto readAndEnter = perms::owner_read | perms::owner_exec | perms::group_read | perms::group_exec |
                              perms::others_read | perms::others_exec;
    fs::permissions(k.file, perms::owner_read | perms::group_read | perms::others_read);

    const CallbackRequest r = fullRequest();
    // Opens the store and submits as nobody; reports status, failure, availability, then the log.
    const auto attempt = [&] {
        return test::inUnprivilegedChild([&] {
            FakeClock clock;
            std::ostringstream log;
            auto opened = RequestStore::open(k.file, "CMG", clock, log);
            const bool available = opened.store->available();
            const SubmitResult result = opened.store->submit(r);
            std::ostringstream out;
            out << static_cast<int>(result.status) << " " << static_cast<int>(result.failure) << " "
                << (available ? "available" : "unavailable") << "\n"
                << log.str();
            return out.str();
        });
    };
    std::string report, expectedLog;
    SaveFailure expected = SaveFailure::None;
    std::string expectedAvailability;
    SUBCASE("the folder is writable: the store opens read-only and saving fails as ReadOnly")
    {
        fs::permissions(k.dir.path(), perms::all); // nobody may make the -shm beside it
        report = attempt();
        expected = SaveFailure::ReadOnly;
        expectedAvailability = "available";
        expectedLog = "kiosk: could not save a callback request: the database cannot be written (read-only) "
                      "(SQLITE_READONLY)\n";
    }
    SUBCASE("the folder is read-only too: the store cannot open, saving fails as Unavailable")
    {
        fs::permissions(k.dir.path(), readAndEnter); // no -wal or -shm can be made
        report = attempt();
        expected = SaveFailure::Unavailable;
        expectedAvailability = "unavailable";
        expectedLog = "kiosk: could not save a callback request: the database could not be opened "
                      "(SQLITE_READONLY)\n";
    }
    fs::permissions(k.dir.path(), perms::owner_all | readAndEnter);
    fs::permissions(k.file, perms::owner_write, fs::perm_options::add);

    INFO("child: " << report);
    std::istringstream in(report);
    int status = -1, failure = -1;
    std::string availability;
    in >> status >> failure >> availability;
    CHECK(status == static_cast<int>(Status::Failed));
    CHECK(failure == static_cast<int>(expected));
    CHECK(availability == expectedAvailability);
    CHECK(report.size() >= expectedLog.size());
    CHECK(report.substr(report.size() - std::min(report.size(), expectedLog.size())) == expectedLog);
    CHECK_FALSE(logHoldsAnyField(report, r));
    CHECK(test::readFile(k.file) == before);
    k.open();
    CHECK(k.store->count() == 1);
}

TEST_CASE("a database locked past the timeout: the request fails as Busy, then saves")
{
    Kiosk k;
    k.open(StoreOptions{50});
    Db other(k.file, OpenMode::ReadWriteCreate);
    const CallbackRequest r = fullRequest();
    {
        Transaction holding(other);
        const SubmitResult result = k.store->submit(r);
        CHECK(result.status == Status::Failed);
        CHECK(result.failure == SaveFailure::Busy);
        CHECK(k.log.str() ==
              "kiosk: could not save a callback request: the database stayed locked past the timeout "
              "(SQLITE_BUSY)\n");
    }
    CHECK(k.store->submit(r).status == Status::Saved);
    CHECK(k.store->count() == 1);
}

TEST_CASE("a file that is not a database is moved aside, kept, and a new one started")
{
    Kiosk k(false);
    const std::string garbage = randomBytes(8192, 7);
    std::ofstream(k.file, std::ios::binary) << garbage;
    std::ofstream(k.dir.path() / "kiosk.db-wal", std::ios::binary) << "wal bytes";
    k.open();
    REQUIRE(k.store->available());
    const fs::path aside = k.dir.path() / "kiosk.db.corrupt-19700101T001640Z"; // FakeClock: 1,000,000 ms
    CHECK(k.movedAsideTo == aside);
    CHECK(test::readFile(aside) == garbage);
    CHECK(test::readFile(k.dir.path() / "kiosk.db.corrupt-19700101T001640Z-wal") == "wal bytes");
    CHECK(k.log.str().find("moved to " + aside.string()) != std::string::npos);

    const auto events = k.store->events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == kEventMovedAside);
    CHECK(events[0].detail == aside.string());
    CHECK(events[0].atMs == k.clock.now());
    CHECK(k.store->submit(fullRequest()).reference == "CMG-0001");
    CHECK(integrityCheck(*k.store->database()) == std::vector<std::string>{"ok"});

    SUBCASE("damaged again in the same second: a second name, the first kept")
    {
        k.close();
        const std::string second = randomBytes(4096, 8);
        fs::remove(k.file.string() + "-wal");
        fs::remove(k.file.string() + "-shm");
        std::ofstream(k.file, std::ios::binary | std::ios::trunc) << second;
        k.open();
        REQUIRE(k.store->available());
        CHECK(k.movedAsideTo == fs::path(aside.string() + "-2"));
        CHECK(test::readFile(aside) == garbage);
        CHECK(test::readFile(k.movedAsideTo) == second);
    }
}

TEST_CASE("a damaged database is moved aside and the new one goes on with its references")
{
    Kiosk k;
    std::vector<NewRequest> batch;
    for (long i = 0; i < 300; ++i)
        batch.push_back({test::numberedRequest(i), k.clock.now()});
    k.store->insertBatch(batch);
    k.close();
    // Garbage over the last pages (rows and index entries); page 1 (the header) stays.
    std::string bytes = test::readFile(k.file);
    REQUIRE(bytes.size() > 8 * 4096);
    const std::string garbage = randomBytes(3 * 4096, 11);
    bytes.replace(bytes.size() - garbage.size(), garbage.size(), garbage);
    std::ofstream(k.file, std::ios::binary | std::ios::trunc) << bytes;

    k.open();
    REQUIRE(k.store->available());
    REQUIRE_FALSE(k.movedAsideTo.empty());
    CHECK(test::readFile(k.movedAsideTo) == bytes);
    CHECK(k.log.str().find("was damaged") != std::string::npos);
    CHECK(k.store->count() == 0);
    REQUIRE(k.store->events().size() == 1);
    // CMG-0001 … CMG-0300 were given out from the damaged file: never again.
    CHECK(k.store->submit(fullRequest()).reference == "CMG-0301");
}

TEST_CASE("the quick start-up check also finds a damaged file")
{
    Kiosk k;
    std::vector<NewRequest> batch;
    for (long i = 0; i < 300; ++i)
        batch.push_back({test::numberedRequest(i), k.clock.now()});
    k.store->insertBatch(batch);
    k.close();
    std::string bytes = test::readFile(k.file);
    const std::string garbage = randomBytes(3 * 4096, 12);
    bytes.replace(bytes.size() - garbage.size(), garbage.size(), garbage);
    std::ofstream(k.file, std::ios::binary | std::ios::trunc) << bytes;

    k.open(StoreOptions{2000, StartupCheck::Quick});
    REQUIRE(k.store->available());
    CHECK_FALSE(k.movedAsideTo.empty());
    CHECK(k.log.str().find("was damaged") != std::string::npos);
    CHECK(k.store->submit(fullRequest()).reference == "CMG-0301");
}

TEST_CASE("a damaged database is moved aside with its WAL exactly as it was")
{
    Kiosk k;
    std::vector<NewRequest> batch;
    for (long i = 0; i < 300; ++i)
        batch.push_back({test::numberedRequest(i), k.clock.now()});
    k.store->insertBatch(batch);
    k.store->database()->exec("PRAGMA wal_checkpoint(TRUNCATE)"); // these are in the file
    batch.resize(20);
    for (long i = 0; i < 20; ++i)
        batch[static_cast<std::size_t>(i)].request = test::numberedRequest(1000 + i);
    k.store->insertBatch(batch); // these only in the WAL
    // The files as a power cut would leave them, the main file then ruined.
    test::TempDir crash;
    const fs::path file = crash.path() / "kiosk.db";
    const std::string wal = test::readFile(k.dir.path() / "kiosk.db-wal");
    REQUIRE(wal.size() > 4096);
    const std::string garbage = randomBytes(fs::file_size(k.file), 13);
    std::ofstream(file, std::ios::binary) << garbage;
    std::ofstream(crash.path() / "kiosk.db-wal", std::ios::binary) << wal;

    FakeClock clock;
    std::ostringstream log;
    auto opened = RequestStore::open(file, "CMG", clock, log);
    REQUIRE(opened.store->available());
    REQUIRE_FALSE(opened.movedAsideTo.empty());
    CHECK(test::readFile(opened.movedAsideTo) == garbage);
    CHECK(test::readFile(opened.movedAsideTo.string() + "-wal") == wal); // not checkpointed, not deleted
}

TEST_CASE("a folder that cannot hold the database: unavailable, then saving once it can")
{
    Kiosk k(false);
    k.file = k.dir.path() / "not-yet" / "kiosk.db";
    k.open();
    CHECK_FALSE(k.store->available());
    CHECK(k.log.str().find("SQLITE_CANTOPEN") != std::string::npos);
    const CallbackRequest r = fullRequest();
    for (int i = 0; i < 2; ++i) {
        const SubmitResult result = k.store->submit(r);
        CHECK(result.status == Status::Failed);
        CHECK(result.failure == SaveFailure::Unavailable);
    }
    CHECK_FALSE(logHoldsAnyField(k.log.str(), r));
    CHECK_THROWS_AS((void)k.store->count(), SqliteError);

    fs::create_directories(k.file.parent_path());
    const SubmitResult result = k.store->submit(r);
    CHECK(result.status == Status::Saved);
    CHECK(k.store->available());
    CHECK(k.store->count() == 1);
}

TEST_CASE("reading for technicians never creates or changes a database")
{
    test::TempDir dir;
    const auto missing = dir.path() / "missing.db";
    CHECK_THROWS_WITH_AS((void)openForReading(missing), doctest::Contains("does not exist"),
                         std::runtime_error);
    CHECK_FALSE(fs::exists(missing));

    const auto empty = dir.path() / "empty.db";
    std::ofstream(empty).close();
    CHECK_THROWS_WITH_AS((void)openForReading(empty), doctest::Contains("not a kiosk database"),
                         std::runtime_error);

    Kiosk k;
    REQUIRE(k.store->submit(fullRequest()).status == Status::Saved);
    Db reader = openForReading(k.file); // while the kiosk has it open
    CHECK(countRequests(reader) == 1);
    std::vector<StoredRequest> rows;
    forEachRequest(reader, [&](const StoredRequest& r) { rows.push_back(r); });
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].request == fullRequest());
    CHECK(readEvents(reader).empty());
}
