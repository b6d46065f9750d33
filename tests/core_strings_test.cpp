// UI words: the shipped files load cleanly, every language has every word, mistakes name their line.
#include "core/strings.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("the shipped ui.toml files load without a problem")
{
    Problems problems;
    const Strings strings = Strings::load(test::dataDir() / "content", problems);
    for (const auto& p : problems)
        FAIL_CHECK(p);
    CHECK(strings.get(Lang::Id, "home.tile.trafficking.label") == "Waspada Perdagangan Orang (TPPO)");
    CHECK(strings.get(Lang::Id, "home.tile.passport.label") == "Syarat Paspor");
}

TEST_CASE("Basa Jawa and English translate every Indonesian text, and nothing more")
{
    Problems problems;
    const Strings strings = Strings::load(test::dataDir() / "content", problems);
    REQUIRE(!strings.table(Lang::Id).empty());
    for (Lang lang : {Lang::Jv, Lang::En}) {
        for (const auto& [key, text] : strings.table(Lang::Id))
            CHECK_MESSAGE(strings.has(lang, key), langCode(lang) << " has no " << key);
        for (const auto& [key, text] : strings.table(lang)) {
            CHECK_MESSAGE(strings.has(Lang::Id, key),
                          "id has no " << key << " (in " << langCode(lang) << ")");
            CHECK_MESSAGE(!text.empty(), langCode(lang) << " " << key << " is empty");
        }
    }
}

TEST_CASE("a missing translation falls back to Indonesian; a missing key shows itself")
{
    Strings s;
    s.set(Lang::Id, "nav.back", "Kembali");
    s.set(Lang::En, "nav.home", "Home");
    CHECK(s.get(Lang::Jv, "nav.back") == "Kembali");
    CHECK(s.get(Lang::En, "nav.home") == "Home");
    CHECK(s.missing().empty());
    CHECK(s.get(Lang::En, "no.such.key") == "[no.such.key]");
    CHECK(s.missing().count("no.such.key") == 1);
}

TEST_CASE("broken files are reported with file and line, and loading goes on")
{
    test::TempDir dir;
    dir.write("id/ui.toml", "[nav]\nback = \"Kembali\"\nhome = 12\n");
    dir.write("jv/ui.toml", "[nav]\nback = \"Bali\n");
    // en/ui.toml missing
    Problems problems;
    const Strings s = Strings::load(dir.path(), problems);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].find("id/ui.toml:3:") != std::string::npos);
    CHECK(problems[0].find("nav.home") != std::string::npos);
    CHECK(problems[1].find("jv/ui.toml:2:") != std::string::npos);
    CHECK(problems[2].find("en/ui.toml") != std::string::npos);
    CHECK(s.get(Lang::En, "nav.back") == "Kembali");
}
