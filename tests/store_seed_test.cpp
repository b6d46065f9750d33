// Tests of the synthetic requests: the same for the same count, valid by core/form's own checks,
// holding every hard case, and inserted in batches.
#include "store/seed.hpp"

#include "core/form.hpp"
#include "core/text.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::store;

namespace {

constexpr Millis kNow = 1'714'552'212'345;
constexpr Millis kThirtyDays = 30LL * 24 * 3600 * 1000;

std::vector<NewRequest> all(std::size_t total)
{
    SyntheticRequests synthetic(total, kNow);
    std::vector<NewRequest> out;
    while (!synthetic.done())
        out.push_back(synthetic.next());
    return out;
}

} // namespace

TEST_CASE("synthetic requests are the same for the same count")
{
    const auto a = all(500);
    const auto b = all(500);
    REQUIRE(a.size() == 500);
    REQUIRE(b.size() == 500);
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].request == b[i].request);
        CHECK(a[i].createdMs == b[i].createdMs);
    }
}

TEST_CASE("every synthetic request passes the form's checks, already normalised")
{
    std::set<RequestTopic> topics;
    std::set<ContactTime> times;
    std::set<Lang> langs;
    Millis last = kNow - kThirtyDays;
    for (const NewRequest& n : all(3000)) {
        const CallbackRequest& r = n.request;
        CAPTURE(r.name);
        CAPTURE(r.note);
        CHECK(checkName(r.name).empty());
        CHECK(normaliseName(r.name) == r.name);
        CHECK(checkPhone(r.phone).normalised == r.phone);
        CHECK(checkDusun(r.dusun).empty());
        CHECK(normaliseName(r.dusun) == r.dusun);
        CHECK(checkAreaNumber(r.rt).empty());
        CHECK(checkAreaNumber(r.rw).empty());
        CHECK(normaliseAreaNumber(r.rt) == r.rt);
        CHECK(normaliseAreaNumber(r.rw) == r.rw);
        CHECK(checkNote(r.note).empty());
        CHECK(normaliseNote(r.note) == r.note);
        CHECK(n.createdMs >= last);
        CHECK(n.createdMs <= kNow);
        last = n.createdMs;
        topics.insert(r.topic);
        times.insert(r.time);
        langs.insert(r.lang);
    }
    CHECK(topics.size() == 4);
    CHECK(times.size() == 4);
    CHECK(langs.size() == 3);
}

TEST_CASE("a few synthetic requests already hold every hard case")
{
    bool longestName = false, longestNote = false, accents = false, quote = false, comma = false,
         newline = false;
    std::set<char> leading;
    for (const NewRequest& n : all(20)) {
        const CallbackRequest& r = n.request;
        longestName = longestName || countCodePoints(r.name) == maxLength(Field::Name);
        longestNote = longestNote || countCodePoints(r.note) == maxLength(Field::Note);
        accents = accents || (r.name.find("é") != std::string::npos && r.name.find("è") != std::string::npos);
        quote = quote || r.note.find('"') != std::string::npos;
        comma = comma || r.note.find(',') != std::string::npos;
        newline = newline || r.note.find('\n') != std::string::npos;
        if (!r.note.empty())
            leading.insert(r.note.front());
    }
    CHECK(longestName);
    CHECK(longestNote);
    CHECK(accents);
    CHECK(quote);
    CHECK(comma);
    CHECK(newline);
    for (char c : {'=', '+', '-', '@'}) {
        CAPTURE(c);
        CHECK(leading.count(c) == 1);
    }
}

TEST_CASE("seeding inserts in batches through the store")
{
    test::TempDir dir;
    FakeClock clock;
    std::ostringstream log;
    auto opened = RequestStore::open(dir.path() / "seed.db", "TRN", clock, log);
    RequestStore& store = *opened.store;
    CHECK(seedRequests(store, 2500, kNow, 1000) == 2500);
    CHECK(store.count() == 2500);
    const auto expected = all(2500);
    std::set<std::string> uids;
    std::size_t i = 0;
    store.forEach([&](const StoredRequest& r) {
        CHECK(r.request == expected[i].request);
        CHECK(r.createdMs == expected[i].createdMs);
        CHECK(r.reference == formatReference("TRN", static_cast<std::int64_t>(i) + 1));
        uids.insert(r.uid);
        ++i;
    });
    CHECK(uids.size() == 2500);
    CHECK(log.str().empty());
}
