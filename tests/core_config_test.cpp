// kiosk.toml: the shipped file is valid; mistakes keep the default and name their line.
#include "core/config.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("the shipped kiosk.toml loads without a problem")
{
    Problems problems;
    const Config c = Config::load(test::dataDir() / "kiosk.toml", problems);
    CHECK(problems.empty());
    CHECK(c.kioskId == "CMG");
    CHECK(c.idleAfterMs == 90'000);
    CHECK(c.idlePromptMs == 15'000);
    CHECK_FALSE(c.village.empty());
}

TEST_CASE("values out of range keep their defaults and every mistake is reported")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"cmg\"\nvillage = \"Desa X\"\n"
                                              "[idle]\nafter_seconds = 5\nprompt_seconds = \"ten\"\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].find("kiosk.toml:2:") != std::string::npos);
    CHECK(problems[1].find("kiosk.toml:5:") != std::string::npos);
    CHECK(problems[2].find("kiosk.toml:6:") != std::string::npos);
    CHECK(c.kioskId == "KIOSK");
    CHECK(c.village == "Desa X");
    CHECK(c.idleAfterMs == 90'000);
    CHECK(c.idlePromptMs == 15'000);
}

TEST_CASE("a file that is not TOML is one problem, not a crash")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk\nid = CMG\n");
    Problems problems;
    const Config c = Config::load(file, problems);
    CHECK(problems.size() == 1);
    CHECK(c.kioskId == "KIOSK");
    Problems missing;
    (void)Config::load(dir.path() / "nothing.toml", missing);
    CHECK(missing.size() == 1);
}
