// Tests of officer settings in the database: defaults, bad rows, changes audited with the rows.
#include "store/officer.hpp"
#include "store/schema.hpp"
#include "store/settings.hpp"

#include "store_support.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace kiosk;
using namespace kiosk::store;

TEST_CASE("settings: defaults when none were changed, then what was saved, audited with the change")
{
    Db db = test::migratedMemory();
    std::ostringstream log;
    const KioskSettings defaults = loadSettings(db, log);
    CHECK(defaults == KioskSettings{});
    CHECK(log.str().empty());

    KioskSettings changed = defaults;
    changed.volume = 50;
    changed.theme = Theme::HighContrast;
    saveSettings(db, 1'000, defaults, changed);
    CHECK(loadSettings(db, log) == changed);
    CHECK(db.queryInt("SELECT count(*) FROM settings") == 2); // only what changed has a row

    const auto audit = recentAudit(db, 5);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].kind == kAuditSettings);
    CHECK(audit[0].atMs == 1'000);
    CHECK(audit[0].detail == "volume: 80 -> 50; theme: standard -> high-contrast");

    // Saving the same again writes nothing, not even an audit row.
    saveSettings(db, 2'000, changed, changed);
    CHECK(recentAudit(db, 5).size() == 1);

    KioskSettings back = changed;
    back.defaultLang = Lang::Jv;
    back.speechRate = 140;
    saveSettings(db, 3'000, changed, back);
    CHECK(loadSettings(db, log) == back);
    CHECK(recentAudit(db, 1)[0].detail == "speech_rate: 155 -> 140; default_language: id -> jv");
}

TEST_CASE("settings: a hand-edited row that makes no sense falls back to its default and is reported")
{
    Db db = test::migratedMemory();
    db.exec("INSERT INTO settings VALUES ('volume', 'loud', 1), ('speech_rate', '999', 1), "
            "('theme', 'high-contrast', 1), ('colour', 'pink', 1), ('default_language', 'fr', 1)");
    std::ostringstream log;
    const KioskSettings s = loadSettings(db, log);
    CHECK(s.volume == KioskSettings{}.volume);
    CHECK(s.speechRate == KioskSettings::kRateDefault);
    CHECK(s.defaultLang == Lang::Id);
    CHECK(s.theme == Theme::HighContrast); // the good row still counts
    for (const char* name : {"'volume'", "'speech_rate'", "'colour'", "'default_language'"})
        CHECK(log.str().find(name) != std::string::npos);
    CHECK(log.str().find("'theme'") == std::string::npos);
}

TEST_CASE("settings: a failed audit leaves the settings as they were")
{
    Db db = test::migratedMemory();
    db.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit full'); END");
    KioskSettings changed;
    changed.volume = 30;
    CHECK_THROWS_AS(saveSettings(db, 1, KioskSettings{}, changed), SqliteError);
    std::ostringstream log;
    CHECK(loadSettings(db, log) == KioskSettings{});
}
