// Content: the shipped pack is clean; each kind of mistake is one clear FILE:LINE error.
#include "core/config.hpp"
#include "core/content.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string_view>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

ContentLoad loadShipped()
{
    return loadContent(test::dataDir(), test::dataDir().parent_path() / "media", test::shippedContacts());
}

bool has(const Problems& problems, const std::string& file, const std::string& text)
{
    for (const auto& p : problems)
        if (p.find(file) != std::string::npos && p.find(text) != std::string::npos)
            return true;
    return false;
}

// A problem in `file` that names a real line (not 0).
bool hasLine(const Problems& problems, const std::string& file)
{
    for (const auto& p : problems) {
        const auto at = p.find(file + ":");
        if (at != std::string::npos && p[at + file.size() + 1] >= '1' && p[at + file.size() + 1] <= '9')
            return true;
    }
    return false;
}

std::string dump(const Problems& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += p + "\n";
    return out;
}

// Every word a resident reads on a page: its title, key points and blocks.
std::string pageWords(const Page& page)
{
    std::string out = page.title + "\n" + page.takehome + "\n";
    for (const auto& b : page.blocks) {
        out += b.text + "\n" + b.title + "\n" + b.name + "\n" + b.purpose + "\n" + b.hours + "\n" +
               b.caption + "\n" + b.label + "\n";
        for (const auto& item : b.items)
            out += item + "\n";
    }
    return out;
}

// An acronym: two or more letters, all capitals (digits allowed), such as TPPO, KP2MI or SAPA.
bool isAcronym(const std::string& word)
{
    int letters = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z')
            ++letters;
        else if (!(c >= '0' && c <= '9'))
            return false;
    }
    return letters >= 2;
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

TEST_CASE("the migrant workers' ministry has its name since Perpres 165/2024 on every page")
{
    const ContentLoad load = loadShipped();
    for (const auto& [id, langs] : load.content.pages)
        for (const auto& page : langs) {
            REQUIRE(page);
            INFO(id);
            const std::string words = pageWords(*page);
            CHECK(words.find("KemenP2MI") == std::string::npos);
            CHECK(words.find("BP2MI /") == std::string::npos);
            for (const auto& b : page->blocks)
                if (b.number == "0800-1000")
                    CHECK(b.name.find("KP2MI") != std::string::npos);
        }
}

TEST_CASE("no page title or heading leads with an acronym: plain words first, the acronym after them")
{
    const ContentLoad load = loadShipped();
    for (const auto& [id, langs] : load.content.pages)
        for (const auto& page : langs) {
            REQUIRE(page);
            std::vector<std::string> titles{page->title};
            for (const auto& b : page->blocks)
                if (b.type == BlockType::Heading)
                    titles.push_back(b.text);
            for (const auto& title : titles) {
                INFO(id, ": ", title);
                CHECK_FALSE(isAcronym(title.substr(0, title.find_first_of(" :?"))));
            }
        }
    CHECK(isAcronym("TPPO"));
    CHECK(isAcronym("KP2MI"));
    CHECK_FALSE(isAcronym("Waspada"));
    CHECK_FALSE(isAcronym("M-Paspor"));
}

TEST_CASE("a TOML syntax error names its file and line")
{
    test::Pack pack;
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"paragraph\ntext = 1\n");
    const ContentLoad load = pack.load();
    CHECK_FALSE(load.ok());
    CHECK(hasLine(load.errors, "id/pages/hotlines.toml"));
}

TEST_CASE("unknown keys, missing keys and unknown block types are errors")
{
    test::Pack pack;
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
    test::Pack pack;
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
    test::Pack pack;
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
    test::Pack pack;
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
    test::Pack pack;
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"caf\xff\"\n");
    pack.append("content/jv/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"Awas \xf0\x9f\x98\x80\"\n");
    pack.append("content/en/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"heading\"\ntext = \"" + std::string(81, 'a') + "\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(hasLine(load.errors, "id/pages/hotlines.toml"));
    CHECK(has(load.errors, "jv/pages/hotlines.toml:", "U+1F600, which the kiosk cannot show"));
    CHECK(has(load.errors, "en/pages/hotlines.toml:", "at most 80 fit"));
}

TEST_CASE("checklist rules and words must name the same questions, answers, documents and fees")
{
    test::Pack pack;
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

TEST_CASE("a checklist without its source or with a date that is not a date is refused, like a page")
{
    test::Pack pack;
    pack.replace("content/id/checklists/passport.toml", "source = ", "# source = ");
    pack.replace("content/jv/checklists/passport.toml", "verified = ", "verified = \"wingi\" # ");
    pack.replace("content/en/checklists/passport.toml", "verified = ", "# verified = ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/checklists/passport.toml:", "needs 'source'"));
    CHECK(has(load.errors, "jv/checklists/passport.toml:", "'verified' should be a date"));
    CHECK(has(load.errors, "en/checklists/passport.toml:", "needs 'verified'"));
}

TEST_CASE("checklist conditions: one, or a list of which any one is enough, each naming what exists")
{
    test::Pack pack;
    pack.append("checklists/passport.toml",
                "\n[[documents]]\nid = \"a\"\nicon = \"file\"\nwhen = [{ who = [\"self\"] }, { colour = "
                "[\"red\"] }]\n"
                "\n[[documents]]\nid = \"b\"\nicon = \"file\"\nwhen = [{ who = [\"aunt\"] }, 1]\n"
                "\n[[documents]]\nid = \"c\"\nicon = \"file\"\nwhen = []\n"
                "\n[[fees]]\nid = \"d\"\nwhen = {}\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "checklists/passport.toml:", "unknown question 'colour'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "the question 'who' has no answer 'aunt'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "each condition in 'when' should look like"));
    CHECK(has(load.errors, "checklists/passport.toml:", "'when' should look like"));
    CHECK(has(load.errors, "checklists/passport.toml:", "a condition in 'when' names no question"));
    CHECK(hasLine(load.errors, "checklists/passport.toml"));
}

TEST_CASE("every answer of a checklist needs an icon the kiosk has; a checklist asks at most five questions")
{
    test::Pack pack;
    pack.replace("checklists/passport.toml", "icons = { self = \"user\", child = \"child\" }",
                 "icons = { self = \"user\", child = \"unicorn\", aunt = \"user\" }");
    pack.replace("checklists/passport.toml", "icons = { new = \"plus\", renewal = \"history\" }",
                 "icons = { renewal = 3 }");
    pack.append("checklists/passport.toml",
                "\n[[questions]]\nid = \"colour\"\nanswers = [\"red\"]\nicons = { red = \"heart\" }\n");
    pack.append("content/id/checklists/passport.toml",
                "\n[questions.colour]\ntext = \"Warna?\"\n[questions.colour.answers]\nred = \"Merah\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "checklists/passport.toml:", "unknown icon 'unicorn'"));
    CHECK(has(load.errors,
              "checklists/passport.toml:", "'icons' names 'aunt', which is not an answer of 'who'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "the icon of 'renewal' should be text in quotes"));
    CHECK(has(load.errors,
              "checklists/passport.toml:", "the answer 'new' of 'first' needs an icon in 'icons'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "a checklist asks at most 5 questions"));
}

TEST_CASE("a missing translation is a warning, shown in Indonesian")
{
    test::Pack pack;
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
    test::Pack pack;
    fs::copy(pack.data / "content/en/pages/hotlines.toml", pack.data / "content/en/pages/extra.toml");
    fs::remove(pack.data / "content/id/pages/work-abroad.toml");
    fs::remove(pack.data / "content/jv/pages/work-abroad.toml");
    fs::remove(pack.data / "content/en/pages/work-abroad.toml");
    // (Links to it are errors of their own, reported too.)
    const ContentLoad load = pack.load();
    CHECK(has(load.errors, "id/pages/extra.toml", "must exist in Indonesian"));
    CHECK(has(load.errors, "id/pages/work-abroad.toml", "the home screen opens this page"));
}

TEST_CASE("every topic tile that opens a page needs that page: the new topics too")
{
    for (const char* id : {"abroad", "scam-jobs"}) {
        test::Pack pack;
        for (const char* lang : {"id", "jv", "en"})
            fs::remove(pack.data / "content" / lang / "pages" / (std::string(id) + ".toml"));
        const ContentLoad load = pack.load();
        INFO(id);
        CHECK_FALSE(load.ok());
        CHECK(has(load.errors, "id/pages/" + std::string(id) + ".toml", "the home screen opens this page"));
    }
}

TEST_CASE("the loader survives nonsense")
{
    using namespace std::string_view_literals;
    Problems errors;
    for (std::string_view text :
         {""sv, "="sv, "[[blocks]]\n[[blocks]]"sv, "blocks = 3"sv, "blocks = [1, 2]"sv, "title = [\"x\"]"sv,
          "[[blocks]]\ntype = \"bullets\"\nitems = \"x\""sv, "[[blocks]]\ntype = 7"sv,
          "a = {b = {c = {d = {e = 1}}}}"sv, "\xef\xbb\xbf\x00\x01title = \"x\""sv}) {
        errors.clear();
        (void)parsePage(text, "x.toml", "x", errors);
        CHECK_FALSE(errors.empty());
        errors.clear();
        (void)parseChecklistRules(text, "x.toml", "x", errors);
        CHECK_FALSE(errors.empty());
    }
}

TEST_CASE("rules that could never apply, empty items and number-less numbers are refused")
{
    Problems errors;
    (void)parseChecklistRules("[[questions]]\nid = \"age\"\nanswers = [\"child\"]\n"
                              "[[documents]]\nid = \"x\"\nicon = \"file\"\nwhen = { age = [] }\n"
                              "[[documents]]\nid = \"Bad Id\"\nicon = \"file\"\n",
                              "r.toml", "r", errors);
    INFO(dump(errors));
    CHECK(has(errors, "r.toml:7:", "could never apply"));
    CHECK(has(errors, "r.toml:", "'Bad Id' may only have"));
    errors.clear();
    (void)parsePage("title = \"t\"\nsource = \"s\"\nverified = 2026-11-29\n"
                    "[[blocks]]\ntype = \"bullets\"\nitems = [\"a\", \" \"]\n"
                    "[[blocks]]\ntype = \"contact\"\nname = \"X\"\nnumber = \"---\"\n",
                    "p.toml", "p", errors);
    INFO(dump(errors));
    CHECK(has(errors, "p.toml:", "an item of 'items' is empty"));
    CHECK(has(errors, "p.toml:", "has no digits"));
}

TEST_CASE("ui.toml: unknown keys and missing words are errors with their lines")
{
    test::Pack pack;
    pack.replace("content/id/ui.toml", "help = \"Minta", "helpp = \"Minta");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(hasLine(load.errors, "id/ui.toml"));
    CHECK(has(load.errors, "id/ui.toml:", "unknown key 'checklist.helpp'"));
    CHECK(has(load.errors, "id/ui.toml:0:", "the word for 'checklist.help' is missing"));
}

TEST_CASE("two buttons to one place on a page, and a picture that is not one, are errors")
{
    test::Pack pack;
    pack.append("content/id/pages/trafficking.toml",
                "\n[[blocks]]\ntype = \"link\"\nlabel = \"x\"\npage = \"hotlines\"\n"
                "\n[[blocks]]\ntype = \"image\"\nfile = \"fake.png\"\n");
    std::ofstream(pack.media / "fake.png") << "not a picture";
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/trafficking.toml:", "a second button to the page hotlines"));
    CHECK(has(load.errors, "id/pages/trafficking.toml:", "'fake.png' is not a PNG or JPEG"));
    CHECK(hasLine(load.errors, "id/pages/trafficking.toml"));
}
