// The desk's follow-up queue on both stores: order, each filter, search by name, phone and
// reference, strings that would break spliced SQL, paging, and the days waited.
#include "ledger/queue.hpp"

#include "office_support.hpp"

using namespace kiosk;
using namespace kiosk::office;
using test::kDay;
using test::kHourMs;
using test::kOfficeT0;

namespace {

const Villages kVillages{{"CMG", "Desa Cemeng"}, {"KRJ", "Desa Karangjati"}};
const std::vector<std::string> kPartners{"Disnaker Sragen", "SAPA 129"};
const std::int64_t kNow = kOfficeT0 + 10 * kDay;

CallbackRequest person(const std::string& name, const std::string& phone, RequestTopic topic)
{
    CallbackRequest r = test::numberedRequest(1);
    r.name = name;
    r.phone = phone;
    r.topic = topic;
    return r;
}

// The ledger:
//   CMG  Séno Widodo        +6281210000001  passport     day 0    (then selesai)
//   CMG  Dewi 50% Lestari   +6281210000002  work-abroad  day 1
//   CMG  Sri_Rahayu         +6285712345678  trafficking  day 2
//   CMG  Ma'ruf             +6281310000004  other        day 3
//   KRJ  Bambang            +6281210000005  passport     day 1.5  (then reached: dihubungi)
//   KRJ  O'Brien "Kutip"    +6282199990006  trafficking  day 4
// imported on day 5; now is day 10.
struct Ledger {
    test::TempDir stickDir;
    test::OfficeKeys keys;
    test::Kiosk cmg{"CMG"};
    test::Kiosk krj{"KRJ"};

    explicit Ledger(Store& store)
    {
        test::useKioskTimeZone();
        const std::vector<store::NewRequest> a{
            {person("Séno Widodo", "+6281210000001", RequestTopic::Passport), kOfficeT0},
            {person("Dewi 50% Lestari", "+6281210000002", RequestTopic::WorkAbroad), kOfficeT0 + kDay},
            {person("Sri_Rahayu", "+6285712345678", RequestTopic::Trafficking), kOfficeT0 + 2 * kDay},
            {person("Ma'ruf", "+6281310000004", RequestTopic::Other), kOfficeT0 + 3 * kDay}};
        cmg.opened.store->insertBatch(a);
        REQUIRE(cmg.exportTo(stickDir.path(), kOfficeT0 + 4 * kDay, keys.pair.publicKey).count == 4);
        const std::vector<store::NewRequest> b{
            {person("Bambang", "+6281210000005", RequestTopic::Passport), kOfficeT0 + kDay + 12 * kHourMs},
            {person("O'Brien \"Kutip\"", "+6282199990006", RequestTopic::Trafficking), kOfficeT0 + 4 * kDay}};
        krj.opened.store->insertBatch(b);
        REQUIRE(krj.exportTo(stickDir.path(), kOfficeT0 + 4 * kDay + kHourMs, keys.pair.publicKey).count ==
                2);
        const std::vector<std::filesystem::path> paths{stickDir.path()};
        REQUIRE(importPaths(store, paths, test::importOptions(keys.pair.secretKey, kOfficeT0 + 5 * kDay))
                    .added() == 6);
        follow(store, "Séno Widodo", Outcome::Done, kOfficeT0 + 6 * kDay);
        follow(store, "Bambang", Outcome::Reached, kOfficeT0 + 6 * kDay);
    }

    static void follow(Store& store, const std::string& name, Outcome outcome, std::int64_t at)
    {
        FollowUp f;
        f.request = store.query("SELECT uid FROM requests WHERE name = $1", {name}).at(0).text(0);
        f.outcome = outcome;
        f.who = "petugas-b";
        f.atMs = at;
        (void)addFollowUp(store, f, kPartners);
    }
};

QueuePage run(Store& store, QueueQuery q)
{
    if (q.nowMs == 0)
        q.nowMs = kNow;
    return queryQueue(store, q, kVillages);
}

// The names on a page, in order.
std::vector<std::string> names(const QueuePage& page)
{
    std::vector<std::string> out;
    for (const QueueRow& r : page.rows)
        out.push_back(r.request.name);
    return out;
}

std::vector<std::string> namesFor(Store& store, const std::string& search)
{
    QueueQuery q;
    q.status = std::string(kAllStatuses);
    q.search = search;
    return names(run(store, q));
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("a phone number searched: the digits of the stored form +628…")
{
    CHECK(phoneSearchDigits("0812-1000-0002") == "6281210000002");
    CHECK(phoneSearchDigits("+62 812 1000") == "628121000");
    CHECK(phoneSearchDigits("62812") == "62812");
    CHECK(phoneSearchDigits("+62 0812 1") == "628121");
    CHECK(phoneSearchDigits("1234 5678") == "12345678");
    CHECK(phoneSearchDigits("(0857) 123") == "62857123");
    CHECK(phoneSearchDigits("081") == "");
    CHECK(phoneSearchDigits("CMG-0001") == "");
    CHECK(phoneSearchDigits("08%12") == "");
    CHECK(phoneSearchDigits("0812+3") == "");
    CHECK(phoneSearchDigits("") == "");
}

TEST_CASE_TEMPLATE("desk queue: trafficking first then oldest, the filters, the days waited", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    Ledger ledger(*store);

    // The follow-up queue: everything not selesai.
    QueuePage page = run(*store, {});
    CHECK(names(page) == Names{"Sri_Rahayu", "O'Brien \"Kutip\"", "Dewi 50% Lestari", "Bambang", "Ma'ruf"});
    CHECK(page.total == 5);
    CHECK(page.page == 1);
    CHECK(page.pages == 1);
    REQUIRE(page.rows.size() == 5);
    const QueueRow& sri = page.rows[0];
    CHECK(sri.waitingDays == 8);
    CHECK(sri.request.priority == 0);
    CHECK(sri.request.topic == "trafficking");
    CHECK(sri.request.village == "Desa Cemeng");
    CHECK(sri.request.kioskId == "CMG");
    CHECK(sri.request.phone == "+6285712345678");
    CHECK(sri.request.status == "baru");
    CHECK(sri.request.reference.rfind("CMG-", 0) == 0);
    CHECK_FALSE(sri.request.uid.empty());
    CHECK_FALSE(sri.request.purged);
    CHECK_FALSE(sri.request.conflict);
    CHECK(page.rows[3].waitingDays == 8); // Bambang: day 1.5 to day 10
    CHECK(page.rows[3].request.status == "dihubungi");
    CHECK(page.rows[4].waitingDays == 7);

    // All, and each status.
    QueueQuery q;
    q.status = std::string(kAllStatuses);
    page = run(*store, q);
    CHECK(page.total == 6);
    CHECK(page.rows.size() == 6);
    CHECK(page.rows[2].request.name == "Séno Widodo");
    CHECK(page.rows[2].waitingDays == 6); // selesai on day 6: the wait ended then
    q.status = "selesai";
    CHECK(names(run(*store, q)) == Names{"Séno Widodo"});
    q.status = "dihubungi";
    CHECK(names(run(*store, q)) == Names{"Bambang"});
    q.status = "dirujuk";
    CHECK(run(*store, q).total == 0);
    CHECK(run(*store, q).rows.empty());
    CHECK(run(*store, q).pages == 1);
    q.status = "tidak-ada";
    CHECK(run(*store, q).total == 0);

    // Village (by name or kiosk id), topic, age.
    q = {};
    q.village = "Desa Karangjati";
    CHECK(names(run(*store, q)) == Names{"O'Brien \"Kutip\"", "Bambang"});
    q.village = "CMG";
    CHECK(names(run(*store, q)) == Names{"Sri_Rahayu", "Dewi 50% Lestari", "Ma'ruf"});
    q.village = "Desa Lain";
    CHECK(run(*store, q).total == 0);
    q = {};
    q.topic = "passport";
    CHECK(names(run(*store, q)) == Names{"Bambang"});
    q.topic = "trafficking";
    q.village = "Desa Cemeng";
    CHECK(names(run(*store, q)) == Names{"Sri_Rahayu"});
    q = {};
    q.minAgeDays = 8; // made on day 2 or before
    CHECK(names(run(*store, q)) == Names{"Sri_Rahayu", "Dewi 50% Lestari", "Bambang"});
    q.minAgeDays = 9;
    CHECK(names(run(*store, q)) == Names{"Dewi 50% Lestari"});
    q.minAgeDays = 30;
    CHECK(run(*store, q).total == 0);
    q.minAgeDays = -3;
    CHECK(run(*store, q).total == 5);
}

TEST_CASE_TEMPLATE("desk queue: search by name, phone or reference; SQL and LIKE characters find nothing",
                   Kind, test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    Ledger ledger(*store);

    CHECK(namesFor(*store, "bambang") == Names{"Bambang"});
    CHECK(namesFor(*store, "  BAMBANG ") == Names{"Bambang"});
    CHECK(namesFor(*store, "widodo") == Names{"Séno Widodo"});
    CHECK(namesFor(*store, "ma'ruf") == Names{"Ma'ruf"});
    CHECK(namesFor(*store, "O'Brien \"Kutip\"") == Names{"O'Brien \"Kutip\""});
    // The phone in any way it is written, whole or a part.
    CHECK(namesFor(*store, "0857-1234-5678") == Names{"Sri_Rahayu"});
    CHECK(namesFor(*store, "+62 857 1234 5678") == Names{"Sri_Rahayu"});
    CHECK(namesFor(*store, "6285712345678") == Names{"Sri_Rahayu"});
    CHECK(namesFor(*store, "12345678") == Names{"Sri_Rahayu"});
    CHECK(namesFor(*store, "0812 1000 000") ==
          Names{"Séno Widodo", "Dewi 50% Lestari", "Bambang"}); // three numbers begin so
    // The reference, whole or its number.
    const std::string reference =
        store->query("SELECT reference FROM requests WHERE name = 'Ma''ruf'").at(0).text(0);
    CHECK(namesFor(*store, reference) == Names{"Ma'ruf"});
    CHECK(namesFor(*store, reference.substr(0, 3)) ==
          Names{"Sri_Rahayu", "Séno Widodo", "Dewi 50% Lestari", "Ma'ruf"});
    std::string lower = reference;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(namesFor(*store, lower) == Names{"Ma'ruf"});

    // % and _ stand for themselves, not for any text.
    CHECK(namesFor(*store, "%") == Names{"Dewi 50% Lestari"});
    CHECK(namesFor(*store, "50%") == Names{"Dewi 50% Lestari"});
    CHECK(namesFor(*store, "_") == Names{"Sri_Rahayu"});
    CHECK(namesFor(*store, "B_mbang").empty());
    CHECK(namesFor(*store, "S%o").empty());
    CHECK(namesFor(*store, "\\").empty());
    // Quotes are letters like any other.
    CHECK(namesFor(*store, "'") == Names{"O'Brien \"Kutip\"", "Ma'ruf"});
    CHECK(namesFor(*store, "\"") == Names{"O'Brien \"Kutip\""});
    // What would break spliced SQL finds nothing and breaks nothing.
    for (const std::string bad :
         {"''", "'; DROP TABLE requests; --", "' OR '1'='1", "\" OR 1=1 --", "1; DELETE FROM requests",
          "'); DROP TABLE desk_users; --", "$1", "?", "\\' OR 1=1 --", "%' OR '%'='"}) {
        CHECK_MESSAGE(namesFor(*store, bad).empty(), bad);
        QueueQuery q;
        q.status = bad;
        CHECK_MESSAGE(run(*store, q).total == 0, bad);
        q = {};
        q.village = bad;
        CHECK_MESSAGE(run(*store, q).total == 0, bad);
        q = {};
        q.topic = bad;
        CHECK_MESSAGE(run(*store, q).total == 0, bad);
    }
    CHECK(test::countOf(*store, "SELECT COUNT(*) FROM requests") == 6);
    CHECK(run(*store, {}).total == 5);

    // A search's pages: counted in the same scan; beyond the last, the last.
    QueueQuery paged;
    paged.status = std::string(kAllStatuses);
    paged.search = "0812 1000 000";
    paged.pageSize = 2;
    QueuePage found = run(*store, paged);
    CHECK(found.total == 3);
    CHECK(found.pages == 2);
    CHECK(names(found) == Names{"Séno Widodo", "Dewi 50% Lestari"});
    paged.page = 2;
    CHECK(names(run(*store, paged)) == Names{"Bambang"});
    paged.page = 7;
    found = run(*store, paged);
    CHECK(found.page == 2);
    CHECK(found.total == 3);
    CHECK(names(found) == Names{"Bambang"});
    paged.search = "tidak ada yang begini";
    found = run(*store, paged);
    CHECK(found.total == 0);
    CHECK(found.page == 1);
    CHECK(found.pages == 1);
    CHECK(found.rows.empty());

    // Search and filters together.
    QueueQuery q;
    q.search = "0812";
    q.village = "Desa Cemeng";
    CHECK(names(run(*store, q)) == Names{"Dewi 50% Lestari"}); // Séno is selesai
}

TEST_CASE_TEMPLATE("desk queue: pages in order, a page beyond the last gives the last", Kind,
                   test::SqliteKind, test::PostgresKind)
{
    test::TempDir dir;
    auto store = Kind::open(dir);
    test::TempDir stick;
    test::OfficeKeys keys;
    test::Kiosk kiosk("CMG");
    test::useKioskTimeZone();
    kiosk.add(120, kOfficeT0); // every fourth a trafficking report
    REQUIRE(kiosk.exportTo(stick.path(), kOfficeT0 + 3 * kHourMs, keys.pair.publicKey).count == 120);
    const std::vector<std::filesystem::path> paths{stick.path()};
    REQUIRE(importPaths(*store, paths, test::importOptions(keys.pair.secretKey)).added() == 120);

    QueueQuery q;
    q.pageSize = 50;
    std::vector<QueueRow> seen;
    for (std::size_t p = 1; p <= 3; ++p) {
        q.page = p;
        const QueuePage page = run(*store, q);
        CHECK(page.total == 120);
        CHECK(page.pages == 3);
        CHECK(page.page == p);
        CHECK(page.rows.size() == (p < 3 ? 50 : 20));
        seen.insert(seen.end(), page.rows.begin(), page.rows.end());
    }
    REQUIRE(seen.size() == 120);
    std::set<std::string> uids;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        uids.insert(seen[i].request.uid);
        if (i > 0) {
            const LedgerRequest& a = seen[i - 1].request;
            const LedgerRequest& b = seen[i].request;
            CHECK((a.priority < b.priority || (a.priority == b.priority && a.createdMs <= b.createdMs)));
        }
    }
    CHECK(uids.size() == 120);
    CHECK(seen[29].request.priority == 0);
    CHECK(seen[30].request.priority == 1);

    q.page = 99;
    QueuePage last = run(*store, q);
    CHECK(last.page == 3);
    CHECK(last.rows.size() == 20);
    CHECK(last.rows.back().request.uid == seen.back().request.uid);
    q.page = 0;
    CHECK(run(*store, q).page == 1);
    q.page = 1;
    q.pageSize = 0; // the default, 50
    CHECK(run(*store, q).rows.size() == 50);
    q.pageSize = 100'000; // at most 500
    CHECK(run(*store, q).rows.size() == 120);
    CHECK(run(*store, q).pages == 1);
}
