// Tests of the usage counts: local days, adding in one transaction, reading the last days back.
#include "store/schema.hpp"
#include "store/usage.hpp"

#include "store_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::store;

TEST_CASE("a local day is the date in the kiosk's time zone")
{
    test::useKioskTimeZone();
    // 2025-11-29T16:59:59.999Z is 23:59:59 in UTC+7; a millisecond later it is the next day.
    CHECK(localDay(1'764'435'599'999) == "2025-11-29");
    CHECK(localDay(1'764'435'600'000) == "2025-11-30");
    CHECK(localDay(0) == "1970-01-01");
    ::setenv("TZ", "NST+3:30", 1); // behind UTC: the Unix epoch is still the evening before
    ::tzset();
    CHECK(localDay(0) == "1969-12-31");
    CHECK(localDay(-1) == "1969-12-31");
    test::useKioskTimeZone();
    CHECK(localDay(-25'200'001) == "1969-12-31"); // one millisecond before local midnight
}

TEST_CASE("usage adds up per day, screen and language, and reads back newest day first")
{
    Db db = test::migratedMemory();
    const UsageCount first[] = {{"2025-11-28", "home", "id", 3},
                                {"2025-11-29", "page/passport", "en", 1},
                                {"2025-11-29", "home", "jv", 2},
                                {"2025-11-29", "home", "id", 4}};
    addUsage(db, first);
    const UsageCount second[] = {{"2025-11-29", "home", "id", 5}, {"2025-11-30", "callback", "id", 0}};
    addUsage(db, second);
    addUsage(db, {}); // nothing to add: nothing happens

    CHECK(usageSince(db, "2025-11-28") == std::vector<UsageCount>{{"2025-11-30", "callback", "id", 0},
                                                                  {"2025-11-29", "home", "id", 9},
                                                                  {"2025-11-29", "home", "jv", 2},
                                                                  {"2025-11-29", "page/passport", "en", 1},
                                                                  {"2025-11-28", "home", "id", 3}});
    CHECK(usageSince(db, "2025-11-30").size() == 1);
    CHECK(usageSince(db, "2025-12-01").empty());
    CHECK(usageSince(db, "").size() == 5);
}

TEST_CASE("one bad count adds none of the counts sent with it")
{
    Db db = test::migratedMemory();
    const UsageCount before[] = {{"2025-11-29", "home", "id", 1}};
    addUsage(db, before);
    const UsageCount withNegative[] = {{"2025-11-29", "home", "id", 10}, {"2025-11-29", "home", "en", -1}};
    CHECK_THROWS_AS(addUsage(db, withNegative), SqliteError);
    const UsageCount withBadDay[] = {{"2025-11-29", "home", "id", 10}, {"29-11-2025", "home", "id", 1}};
    CHECK_THROWS_AS(addUsage(db, withBadDay), SqliteError);
    CHECK_FALSE(db.inTransaction());
    CHECK(usageSince(db, "2025-01-01") == std::vector<UsageCount>{{"2025-11-29", "home", "id", 1}});
}
