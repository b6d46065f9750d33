// Which content is shown: data/ when it passes, else the last good copy, else the notice.
#include "packs/content_store.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace kiosk;
namespace fs = std::filesystem;
using test::shippedContacts;

TEST_CASE("broken content falls back to the last good copy, and with none to the notice")
{
    test::Pack pack;
    test::TempDir state;
    const fs::path good = state.path() / "content-good";
    std::ostringstream log;

    ShownContent first = loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    CHECK(first.origin == ShownContent::Origin::Data);
    CHECK(fs::exists(good / "content/id/pages/passport.toml"));

    pack.replace("content/id/pages/passport.toml", "title", "tittle");
    ShownContent second = loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    CHECK(second.origin == ShownContent::Origin::LastGood);
    CHECK_FALSE(second.errors.empty());
    REQUIRE(second.content.page("passport", Lang::Id));
    CHECK_FALSE(second.content.page("passport", Lang::Id)->title.empty());
    // The broken content did not replace the good copy.
    CHECK(loadContent(good, pack.media, shippedContacts()).ok());

    ShownContent third =
        loadShownContent(pack.data, pack.media, shippedContacts(), state.path() / "none", log);
    CHECK(third.origin == ShownContent::Origin::None);
    CHECK(third.content.empty());
    CHECK(log.str().find("maintenance") != std::string::npos);
}

TEST_CASE("a later good edit refreshes the copy; an unchanged start writes nothing")
{
    test::Pack pack;
    test::TempDir state;
    const fs::path good = state.path() / "content-good";
    std::ostringstream log;
    (void)loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    const auto stamp = fs::last_write_time(good / "content/id/pages/hotlines.toml");

    (void)loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    CHECK(fs::last_write_time(good / "content/id/pages/hotlines.toml") == stamp);

    pack.replace("content/id/pages/hotlines.toml", "title = \"", "title = \"Baru: ");
    (void)loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    CHECK(test::readFile(good / "content/id/pages/hotlines.toml").find("Baru: ") != std::string::npos);
    CHECK_FALSE(fs::exists(good.string() + ".new"));
}

TEST_CASE("the last good copy keeps its own pictures, and a half-made copy is ignored")
{
    test::Pack pack;
    test::TempDir state;
    const fs::path good = state.path() / "content-good";
    std::ostringstream log;
    (void)loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    REQUIRE(fs::exists(good / "media" / "work-abroad-steps.png"));

    // The picture disappears and a page breaks: the copy still stands, pictures included.
    fs::remove(pack.media / "work-abroad-steps.png");
    fs::create_directories(good.string() + ".new/content"); // as if a copy was cut short
    const ShownContent shown = loadShownContent(pack.data, pack.media, shippedContacts(), good, log);
    CHECK(shown.origin == ShownContent::Origin::LastGood);
    CHECK(shown.mediaDir == good / "media");
}
