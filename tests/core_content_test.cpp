// Content: the shipped pack is clean; each kind of mistake is one clear FILE:LINE error; a broken
// pack falls back to the last good copy, and with none to the maintenance notice.
#include "app/content_store.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

LocalContacts shippedContacts()
{
    Problems p;
    return Config::load(test::dataDir() / "kiosk.toml", p).contacts;
}

ContentLoad loadShipped()
{
    return loadContent(test::dataDir(), test::dataDir().parent_path() / "media", shippedContacts());
}

// A copy of the shipped data/ (and media/) to break one thing in.
struct Pack {
    test::TempDir dir;
    fs::path data = dir.path() / "data";
    fs::path media = dir.path() / "media";
    Pack()
    {
        fs::copy(test::dataDir(), data, fs::copy_options::recursive);
        fs::create_directories(media);
        if (fs::exists(test::dataDir().parent_path() / "media"))
            fs::copy(test::dataDir().parent_path() / "media", media, fs::copy_options::recursive);
    }
    void append(const std::string& rel, const std::string& text) const
    {
        std::ofstream(data / rel, std::ios::app | std::ios::binary) << text;
    }
    void replace(const std::string& rel, const std::string& from, const std::string& to) const
    {
        std::string s = test::readFile(data / rel);
        const auto pos = s.find(from);
        REQUIRE_MESSAGE(pos != std::string::npos, rel << " has no '" << from << "'");
        s.replace(pos, from.size(), to);
        std::ofstream(data / rel, std::ios::binary | std::ios::trunc) << s;
    }
    ContentLoad load() const { return loadContent(data, media, shippedContacts()); }
};

bool has(const Problems& problems, const std::string& file, const std::string& text)
{
    for (const auto& p : problems)
        if (p.find(file) != std::string::npos && p.find(text) != std::string::npos)
            return true;
    return false;
}

std::string dump(const Problems& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += p + "\n";
    return out;
}

} // namespace

TEST_CASE("the shipped content is clean: no errors, no warnings")
{
    const ContentLoad load = loadShipped();
    INFO(dump(load.errors), dump(load.warnings));
    CHECK(load.errors.empty());
    CHECK(load.warnings.empty());
    for (const char* page : {"trafficking", "work-abroad", "passport", "hotlines"})
        for (Lang lang : kAllLangs) {
            INFO(page, " ", langCode(lang));
            REQUIRE(load.content.page(page, lang));
            CHECK_FALSE(load.content.page(page, lang)->blocks.empty());
        }
    CHECK(load.content.checklist("passport"));
    CHECK_FALSE(load.content.oldestVerified().empty());
}

TEST_CASE("every page keeps its facts' source and date")
{
    const ContentLoad load = loadShipped();
    for (const auto& [id, langs] : load.content.pages)
        for (const auto& page : langs) {
            REQUIRE(page);
            CHECK_FALSE(page->source.empty());
            CHECK(page->verified.size() == 10);
        }
}

TEST_CASE("a TOML syntax error names its file and line")
{
    Pack pack;
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"paragraph\ntext = 1\n");
    const ContentLoad load = pack.load();
    CHECK_FALSE(load.ok());
    CHECK(has(load.errors, "id/pages/hotlines.toml:", ""));
}

TEST_CASE("unknown keys, missing keys and unknown block types are errors")
{
    Pack pack;
    pack.append("content/en/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"x\"\ncolour = \"red\"\n");
    pack.append("content/jv/pages/hotlines.toml", "\n[[blocks]]\ntype = \"poster\"\ntext = \"x\"\n");
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"warning\"\ntitle = \"x\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "en/pages/hotlines.toml:", "unknown key 'colour'"));
    CHECK(has(load.errors, "jv/pages/hotlines.toml:", "unknown block type 'poster'"));
    CHECK(has(load.errors, "id/pages/hotlines.toml:", "needs 'text'"));
}

TEST_CASE("a page without its source or with a date that is not a date is refused")
{
    Pack pack;
    std::string page = test::readFile(pack.data / "content/id/pages/passport.toml");
    const auto start = page.find("source");
    page.erase(start, page.find('\n', start) - start);
    std::ofstream(pack.data / "content/id/pages/passport.toml", std::ios::trunc) << page;
    pack.replace("content/en/pages/passport.toml", "verified = ", "verified = \"yesterday\" # ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/passport.toml:", "needs 'source'"));
    CHECK(has(load.errors, "en/pages/passport.toml:", "'verified' should be a date"));
}

TEST_CASE("links to pages or checklists that do not exist are errors")
{
    Pack pack;
    pack.append("content/id/pages/trafficking.toml",
                "\n[[blocks]]\ntype = \"link\"\nlabel = \"x\"\npage = \"nowhere\"\n");
    pack.append("content/jv/pages/trafficking.toml",
                "\n[[blocks]]\ntype = \"link\"\nlabel = \"x\"\nchecklist = \"visa\"\n");
    const ContentLoad load = pack.load();
    CHECK(has(load.errors, "id/pages/trafficking.toml", "the page 'nowhere', which does not exist"));
    CHECK(has(load.errors, "jv/pages/trafficking.toml", "the checklist 'visa', which does not exist"));
}

TEST_CASE("a missing picture, an unknown local contact and a bad number are errors")
{
    Pack pack;
    pack.append("content/id/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"image\"\nfile = \"nothing.png\"\n"
                "\n[[blocks]]\ntype = \"contact\"\nname = \"X\"\nlocal = \"nobody\"\n"
                "\n[[blocks]]\ntype = \"contact\"\nname = \"Y\"\nnumber = \"call me\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/hotlines.toml", "the picture 'nothing.png' is not in"));
    CHECK(has(load.errors, "id/pages/hotlines.toml", "the local contact 'nobody'"));
    CHECK(has(load.errors, "id/pages/hotlines.toml", "may only have digits"));
}

TEST_CASE("invalid UTF-8, characters the fonts lack, and text too long for its block are errors")
{
    Pack pack;
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"caf\xff\"\n");
    pack.append("content/jv/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"Awas \xf0\x9f\x98\x80\"\n");
    pack.append("content/en/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"heading\"\ntext = \"" + std::string(81, 'a') + "\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/hotlines.toml:", ""));
    CHECK(has(load.errors, "jv/pages/hotlines.toml:", "U+1F600, which the kiosk cannot show"));
    CHECK(has(load.errors, "en/pages/hotlines.toml:", "at most 80 fit"));
}

TEST_CASE("checklist rules and words must name the same questions, answers, documents and fees")
{
    Pack pack;
    pack.append("checklists/passport.toml",
                "\n[[documents]]\nid = \"kk\"\nicon = \"users\"\n"
                "\n[[documents]]\nid = \"visa\"\nicon = \"unicorn\"\nwhen = { colour = [\"red\"] }\n");
    pack.append("content/id/checklists/passport.toml",
                "\n[documents.unicorn]\nname = \"x\"\nexplain = \"y\"\nwhere = \"z\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "checklists/passport.toml:", "the id 'kk' is there twice"));
    CHECK(has(load.errors, "checklists/passport.toml:", "unknown icon 'unicorn'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "unknown question 'colour'"));
    CHECK(has(load.errors,
              "id/checklists/passport.toml:", "the document 'unicorn' is not in the checklist's rules"));
    CHECK(has(load.errors, "id/checklists/passport.toml:", "no words for the document 'visa'"));
}

TEST_CASE("a missing translation is a warning, shown in Indonesian")
{
    Pack pack;
    fs::remove(pack.data / "content/en/pages/hotlines.toml");
    pack.replace("content/jv/ui.toml", "back = ", "# back = ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(load.ok());
    CHECK(has(load.warnings, "en/pages/hotlines.toml", "shown in Indonesian"));
    CHECK(has(load.warnings, "jv/ui.toml", "'nav.back'"));
    CHECK(load.content.page("hotlines", Lang::En) == load.content.page("hotlines", Lang::Id));
}

TEST_CASE("a page that exists only in a translation, or a tile's page missing, is an error")
{
    Pack pack;
    fs::copy(pack.data / "content/en/pages/hotlines.toml", pack.data / "content/en/pages/extra.toml");
    fs::remove(pack.data / "content/id/pages/work-abroad.toml");
    fs::remove(pack.data / "content/jv/pages/work-abroad.toml");
    fs::remove(pack.data / "content/en/pages/work-abroad.toml");
    // Links to it would be errors of their own: take them out.
    const ContentLoad load = pack.load();
    CHECK(has(load.errors, "id/pages/extra.toml", "must exist in Indonesian"));
    CHECK(has(load.errors, "id/pages/work-abroad.toml", "the home screen opens this page"));
}

TEST_CASE("broken content falls back to the last good copy, and with none to the notice")
{
    Pack pack;
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

TEST_CASE("the loader survives nonsense")
{
    Problems errors;
    for (const char* text :
         {"", "=", "[[blocks]]\n[[blocks]]", "blocks = 3", "blocks = [1, 2]", "title = [\"x\"]",
          "[[blocks]]\ntype = \"bullets\"\nitems = \"x\"", "[[blocks]]\ntype = 7",
          "a = {b = {c = {d = {e = 1}}}}", "\xef\xbb\xbf\x00\x01"}) {
        errors.clear();
        (void)parsePage(text, "x.toml", "x", errors);
        CHECK_FALSE(errors.empty());
    }
}
