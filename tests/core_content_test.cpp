// Content: the shipped pack is clean; each kind of mistake is one clear FILE:LINE error.
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/glossary.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
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

// The line (from 1) of the first line of `file` that contains `text`; 0 if none does.
std::size_t lineOf(const fs::path& file, const std::string& text)
{
    std::istringstream lines(test::readFile(file));
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line);) {
        ++n;
        if (line.find(text) != std::string::npos)
            return n;
    }
    return 0;
}

// The glossary's warnings: every warning that cites it.
Problems glossaryWarnings(const Problems& warnings)
{
    Problems out;
    for (const auto& w : warnings)
        if (w.find("(glossary in README.md)") != std::string::npos)
            out.push_back(w);
    return out;
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
    for (const char* page :
         {"trafficking", "work-abroad", "passport", "hotlines", "abroad", "scam-jobs", "placement-costs"})
        for (Lang lang : kAllLangs) {
            INFO(page, " ", langCode(lang));
            REQUIRE(load.content.page(page, lang));
            CHECK_FALSE(load.content.page(page, lang)->blocks.empty());
        }
    CHECK(load.content.checklist("passport"));
    CHECK_FALSE(load.content.oldestVerified().empty());
}

TEST_CASE("every page keeps its facts' sources and date")
{
    const ContentLoad load = loadShipped();
    for (const auto& [id, langs] : load.content.pages)
        for (const auto& page : langs) {
            REQUIRE(page);
            CHECK_FALSE(page->sources.empty());
            CHECK(page->verified.size() == 10);
        }
}

TEST_CASE("the migrant workers' ministry has its name since Perpres 165/2024 on every page and button")
{
    const ContentLoad load = loadShipped();
    for (Lang lang : kAllLangs)
        for (const auto& [key, text] : load.content.strings.table(lang)) {
            INFO(langCode(lang), " ", key);
            CHECK(text.find("KemenP2MI") == std::string::npos);
            CHECK(text.find("BP2MI /") == std::string::npos);
        }
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

TEST_CASE("a page without its sources or with a date that is not a date is refused")
{
    test::Pack pack;
    pack.erase("content/id/pages/passport.toml", "sources = [", "]");
    pack.replace("content/en/pages/passport.toml", "verified = ", "verified = \"yesterday\" # ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/passport.toml:", "needs 'sources'"));
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

TEST_CASE("a checklist without its sources or with a date that is not a date is refused, like a page")
{
    test::Pack pack;
    pack.erase("content/id/checklists/passport.toml", "sources = [", "]");
    pack.replace("content/jv/checklists/passport.toml", "verified = ", "verified = \"wingi\" # ");
    pack.replace("content/en/checklists/passport.toml", "verified = ", "# verified = ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/checklists/passport.toml:", "needs 'sources'"));
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

TEST_CASE("every answer of a checklist needs an icon the kiosk has; a checklist asks at most nine questions")
{
    test::Pack pack;
    pack.replace("checklists/passport.toml", "icons = { self = \"user\", child = \"child\" }",
                 "icons = { self = \"user\", child = \"unicorn\", aunt = \"user\" }");
    pack.replace("checklists/passport.toml", "icons = { new = \"plus\", renewal = \"history\" }",
                 "icons = { renewal = 3 }");
    // Five more questions after the passport's five: ten.
    for (const std::string colour : {"red", "green", "blue", "white", "black"}) {
        pack.append("checklists/passport.toml", "\n[[questions]]\nid = \"" + colour +
                                                    "\"\nanswers = [\"yes\"]\n" +
                                                    "icons = { yes = \"heart\" }\n");
        pack.append("content/id/checklists/passport.toml", "\n[questions." + colour +
                                                               "]\ntext = \"Warna?\"\n[questions." + colour +
                                                               ".answers]\nyes = \"Ya\"\n");
    }
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "checklists/passport.toml:", "unknown icon 'unicorn'"));
    CHECK(has(load.errors,
              "checklists/passport.toml:", "'icons' names 'aunt', which is not an answer of 'who'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "the icon of 'renewal' should be text in quotes"));
    CHECK(has(load.errors,
              "checklists/passport.toml:", "the answer 'new' of 'first' needs an icon in 'icons'"));
    CHECK(has(load.errors, "checklists/passport.toml:", "a checklist asks at most 9 questions"));
}

TEST_CASE("a sign naming a question or an answer that does not exist is an error at its line; so is a "
          "source that is not in sources.toml")
{
    test::Pack pack;
    pack.append("checklists/offer.toml", "\n[[signs]]\nid = \"colour\"\nwhen = { colour = [\"red\"] }\n"
                                         "sources = [\"pp-10-2020\"]\n"
                                         "\n[[signs]]\nid = \"aunt\"\nwhen = { passport = [\"aunt\"] }\n"
                                         "sources = [\"no-such-source\"]\n"
                                         "\n[[signs]]\nid = \"unsourced\"\nwhen = { visa = [\"visit\"] }\n");
    for (const char* sign : {"colour", "aunt", "unsourced"})
        pack.append("content/id/checklists/offer.toml",
                    "\n[signs." + std::string(sign) + "]\nname = \"Tanda\"\nwhy = \"Karena.\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    const fs::path rules = pack.data / "checklists/offer.toml";
    // At the sign's own line: its [[signs]], just above its id.
    const auto at = [&](const std::string& id) {
        return "checklists/offer.toml:" + std::to_string(lineOf(rules, id) - 1) + ": ";
    };
    CHECK(has(load.errors, at("id = \"colour\""), "names the unknown question 'colour'"));
    CHECK(has(load.errors, at("id = \"aunt\""), "the question 'passport' has no answer 'aunt'"));
    CHECK(has(load.errors, at("id = \"aunt\""), "the source 'no-such-source' is not in sources.toml"));
    CHECK(has(load.errors, at("id = \"unsourced\""), "needs 'sources'"));
    // Words only in Indonesian: the other languages warn, as for every item.
    CHECK(has(load.warnings, "jv/checklists/offer.toml:", "no words for the sign 'colour'"));
    CHECK(has(load.warnings, "en/checklists/offer.toml:", "no words for the sign 'aunt'"));
}

TEST_CASE("every sign needs its words in Indonesian; a sign checklist needs next steps; a checklist has "
          "signs or documents, not both")
{
    test::Pack pack;
    pack.append("checklists/offer.toml", "\n[[signs]]\nid = \"wordless\"\nsources = [\"pp-10-2020\"]\n"
                                         "\n[[documents]]\nid = \"ktp\"\nicon = \"id-card\"\n");
    pack.erase("content/jv/checklists/offer.toml", "steps = [", "]\n");
    pack.replace("content/en/checklists/passport.toml", "verified = ", "steps = [\"Go.\"]\nverified = ");
    pack.replace("content/id/checklists/offer.toml", "[signs.too-good]", "[signs.too-good-x]");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/checklists/offer.toml:", "no words for the sign 'wordless'"));
    CHECK(has(load.errors, "id/checklists/offer.toml:", "no words for the sign 'too-good'"));
    CHECK(has(load.errors,
              "id/checklists/offer.toml:", "the sign 'too-good-x' is not in the checklist's rules"));
    CHECK(has(load.errors, "checklists/offer.toml:", "either [[signs]]"));
    CHECK(hasLine(load.errors, "checklists/offer.toml"));
    CHECK(has(load.warnings, "jv/checklists/offer.toml:", "a sign checklist needs 'steps'"));
    CHECK(has(load.errors, "en/checklists/passport.toml:", "'steps' are for a checklist of [[signs]]"));
}

TEST_CASE("a sign's words may state only what the checklist's or the sign's own sources support")
{
    test::Pack pack;
    // 3.703 is Tempo's figure, a source of the online-job sign only; 2.433 is the visit visa's.
    pack.replace("content/id/checklists/offer.toml", "Kemlu menangani 3.703 WNI",
                 "Kemlu menangani 2.433 WNI");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(
        has(load.errors,
            "id/checklists/offer.toml:" +
                std::to_string(lineOf(pack.data / "content/id/checklists/offer.toml", "[signs.online-job]")) +
                ":",
            "the number '2.433' is not among the figures of this sign's sources"));
    CHECK(load.content.checklists.empty() == false);
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
    (void)parsePage("title = \"t\"\nsources = [\"s\"]\nverified = 2026-11-29\n"
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

TEST_CASE("a number that none of the page's sources supports is an error at its line")
{
    test::Pack pack;
    // The trafficking page cites Kemlu's 1.500 victims; a planted 1.501 is no source's figure.
    pack.replace("content/id/pages/trafficking.toml", "Sekitar 1.500 orang", "Sekitar 1.501 orang");
    pack.append("content/jv/pages/hotlines.toml",
                "\n[[blocks]]\ntype = \"contact\"\nname = \"Nomer sanes\"\nnumber = \"0800-1001\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    const std::string page = test::readFile(pack.data / "content/id/pages/trafficking.toml");
    // The line of the paragraph's [[blocks]] header.
    const auto at = page.rfind("[[blocks]]", page.find("1.501"));
    const auto line = 1 + std::count(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    CHECK(has(load.errors, "id/pages/trafficking.toml:" + std::to_string(line) + ":",
              "the number '1.501' is not among the figures of this page's sources (uu-21-2007, "));
    CHECK(has(load.errors, "id/pages/trafficking.toml:", "kemlu-online-scam-merahputih-2025"));
    CHECK(has(load.errors, "id/pages/trafficking.toml:",
              "add it to the source's supports in sources.toml, or "
              "take it out"));
    // English spells the same figures its own way ("1,500"): still supported.
    CHECK_FALSE(has(load.errors, "en/pages/trafficking.toml", "1,500"));
    CHECK(has(load.errors, "jv/pages/hotlines.toml:", "the number '0800-1001' is not among the figures"));
    CHECK(load.errors.size() == 2);
}

TEST_CASE("a checklist's numbers are checked against its sources too; kiosk.toml's numbers are allowed")
{
    test::Pack pack;
    pack.replace("content/id/checklists/passport.toml", "Rp950.000", "Rp975.000");
    // A local number the office filled in may be written in a page's text.
    pack.replace("kiosk.toml", "[contacts.kanim]\n# Kantor Imigrasi Kelas I TPI Surakarta\nnumber = \"\"",
                 "[contacts.kanim]\n# Kantor Imigrasi Kelas I TPI Surakarta\nnumber = \"0271-123456\"");
    pack.append("content/id/pages/passport.toml",
                "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"Atau telepon 0271-123456.\"\n");
    Problems configErrors;
    const Config config = Config::load(pack.data / "kiosk.toml", configErrors);
    REQUIRE(configErrors.empty());
    const ContentLoad load = loadContent(pack.data, pack.media, config.contacts);
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/checklists/passport.toml:",
              "the number 'Rp975.000' is not among the figures of this checklist's sources"));
    CHECK(hasLine(load.errors, "id/checklists/passport.toml"));
    CHECK(load.errors.size() == 1);
}

TEST_CASE("a source id that sources.toml lacks is an error at its line; a source nobody cites, a warning")
{
    test::Pack pack;
    pack.replace("content/en/pages/passport.toml", "\"pp-45-2024\"", "\"pp-45-2042\"");
    pack.replace("content/jv/pages/hotlines.toml", "source = \"polri-110\"", "source = \"polri-911\"");
    pack.append("sources.toml",
                "\n[nobody-cites-me]\npublisher = \"X\"\ntitle = \"Y\"\nconfidence = \"L\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "en/pages/passport.toml:", "the source 'pp-45-2042' is not in sources.toml"));
    CHECK(hasLine(load.errors, "en/pages/passport.toml"));
    CHECK(has(load.errors, "jv/pages/hotlines.toml:", "the source 'polri-911' is not in sources.toml"));
    CHECK(hasLine(load.errors, "jv/pages/hotlines.toml"));
    CHECK(
        has(load.warnings, "sources.toml:", "the source 'nobody-cites-me' is cited by no page or checklist"));
}

TEST_CASE("the old source line and a broken sources.toml are errors")
{
    test::Pack pack;
    pack.replace("content/id/pages/hotlines.toml", "sources = [", "source = \"Polri\"\n# [");
    pack.replace("sources.toml", "confidence = \"M\"", "confidence = \"maybe\"");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(has(load.errors, "id/pages/hotlines.toml:", "'source' is now 'sources'"));
    CHECK(has(load.errors, "sources.toml:", "'confidence' is H, M or L"));
    std::filesystem::remove(pack.data / "sources.toml");
    CHECK(has(pack.load().errors, "sources.toml:0:", "missing"));
}

TEST_CASE("a shipped number and a local one: kiosk.toml's number, once filled in, replaces it")
{
    Block b;
    b.type = BlockType::Contact;
    b.name = "KDEI Taipei";
    b.number = "+886 901 132 000";
    b.local = "kdei-taipei";
    b.hours = "24 jam";
    LocalContacts contacts;
    ShownContact shown = shownContact(b, contacts);
    CHECK(shown.number == "+886 901 132 000");
    CHECK(shown.shipped);
    contacts["kdei-taipei"] = {"", "", "", ""}; // in kiosk.toml, not filled in: the shipped one stays
    CHECK(shownContact(b, contacts).number == "+886 901 132 000");
    contacts["kdei-taipei"] = {"+886 2 1234 5678", "+886 900 000 000", "", "Taipei"};
    shown = shownContact(b, contacts);
    CHECK(shown.number == "+886 2 1234 5678");
    CHECK(shown.whatsapp == "+886 900 000 000");
    CHECK(shown.hours == "24 jam");
    CHECK(shown.address == "Taipei");
    CHECK_FALSE(shown.shipped);

    // Such a block loads: `local` with a shipped number needs no kiosk.toml entry.
    test::Pack pack;
    pack.append("content/id/pages/hotlines.toml", "\n[[blocks]]\ntype = \"contact\"\nlocal = \"kp2mi\"\n"
                                                  "name = \"KP2MI\"\nnumber = \"0800-1000\"\n"
                                                  "source = \"kp2mi-pengaduan-2025\"\n");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    CHECK(load.ok());
}

TEST_CASE("shipped numbers whose source is more than two years old are listed for the office to check again")
{
    const Content& content = test::shippedContent();
    const auto old = numbersToRecheck(content, {}, "2026-12-02 10:00");
    // The abroad page's numbers from 2020 (Kemlu, Singapore, Riyadh, Jeddah) are old; KP2MI's of
    // April 2025 and the embassies' of 2024-2025 are not.
    const auto singapore =
        std::find_if(old.begin(), old.end(), [](const auto& o) { return o.name == "KBRI Singapura"; });
    REQUIRE(singapore != old.end());
    CHECK(singapore->page == "abroad");
    CHECK(singapore->number == "+65 9295 3964");
    CHECK(singapore->sourceDate == "2020-02-08");
    CHECK(singapore->local == "kbri-singapura");
    for (const auto& o : old) {
        INFO(o.name);
        CHECK(o.sourceDate < "2024-12-02");
        CHECK(o.name.find("KP2MI") == std::string::npos);
    }
    // In 2021 the numbers of 2020 were not old yet (Taiwan's 1955 of 2009 was); once kiosk.toml has
    // its own number, nothing to check for it.
    const auto in2021 = numbersToRecheck(content, {}, "2021-12-02");
    CHECK(std::none_of(in2021.begin(), in2021.end(), [](const auto& o) { return o.sourceDate >= "2020"; }));
    CHECK(in2021.size() < old.size());
    LocalContacts filled;
    filled["kbri-singapura"] = {"+65 0000 0000", "", "", ""};
    const auto after = numbersToRecheck(content, filled, "2026-12-02");
    CHECK(after.size() == old.size() - 1);
    CHECK(
        std::none_of(after.begin(), after.end(), [](const auto& o) { return o.local == "kbri-singapura"; }));
}

TEST_CASE("the content review of a day: the numbers to check again and how old the company list is")
{
    Content content = test::shippedContent();
    // The shipped list has no companies: no age, never old.
    const ContentReview shipped = reviewContent(content, {}, "2026-12-02 10:00", 90);
    CHECK(shipped.today == "2026-12-02");
    CHECK(shipped.recheck.size() == numbersToRecheck(content, {}, "2026-12-02").size());
    CHECK_FALSE(shipped.registryAgeDays.has_value());
    CHECK_FALSE(shipped.registryOld);

    Company company;
    company.name = "PT Maju Jaya Abadi";
    company.licence = "UJI-1";
    content.registry = {true, {"SISKOP2MI (KP2MI)", "2026-09-03", ""}, {company}};
    const ContentReview fresh = reviewContent(content, {}, "2026-12-02 10:00", 90);
    CHECK(fresh.registryAgeDays == 90L);
    CHECK_FALSE(fresh.registryOld); // 90 days is not older than 90
    const ContentReview old = reviewContent(content, {}, "2026-12-03", 90);
    CHECK(old.registryAgeDays == 91L);
    CHECK(old.registryOld);
    CHECK_FALSE(reviewContent(content, {}, "2026-12-03", 91).registryOld);
    CHECK(reviewContent(content, {}, "2026-09-04", 1).registryAgeDays == 1L);
    // A kiosk whose clock is behind the list's date, or a day not known: no age, no warning.
    const ContentReview behind = reviewContent(content, {}, "2026-08-01", 90);
    CHECK(behind.registryAgeDays == -33L);
    CHECK_FALSE(behind.registryOld);
    const ContentReview unknown = reviewContent(content, {}, "?", 1);
    CHECK_FALSE(unknown.registryAgeDays.has_value());
    CHECK_FALSE(unknown.registryOld);
    CHECK(unknown.recheck.empty());
}

TEST_CASE("the Basa Jawa glossary: a planted ngoko word and a misspelling are warned at their lines")
{
    test::Pack pack;
    const fs::path ui = pack.data / "content/jv/ui.toml";
    pack.replace("content/jv/ui.toml", "[nav]\nback = \"", "[nav]\nback = \"Gawanen ");
    const std::size_t backLine = lineOf(ui, "Gawanen");
    // Over several lines: the misspelling is on the page's second line of text, the clean line
    // before it says nothing, and "dan" inside an official name the glossary keeps is not reported.
    pack.append("content/jv/pages/passport.toml",
                "\n[[blocks]]\ntype = \"paragraph\"\ntext = \"\"\"\n"
                "Mangga dipunbekta KTP, Kementerian Imigrasi dan Pemasyarakatan.\n"
                "Kula badhe DHAPTAR wonten M-Paspor.\n\"\"\"\n");
    const fs::path page = pack.data / "content/jv/pages/passport.toml";
    pack.replace("content/jv/checklists/passport.toml", "[questions.who]\ntext = \"",
                 "[questions.who]\ntext = \"Hubungi ");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors), dump(load.warnings));
    CHECK(load.ok());
    const std::string uiAt = "content/jv/ui.toml:" + std::to_string(backLine) + ": ";
    CHECK(has(load.warnings, uiAt,
              "'Gawanen' is ngoko; use krama: 'Mangga dipunbekta' (glossary in README.md)"));
    const std::size_t wrong = lineOf(page, "DHAPTAR");
    CHECK(has(load.warnings, "content/jv/pages/passport.toml:" + std::to_string(wrong) + ": ",
              "'DHAPTAR' is not the glossary's spelling: 'daftar, ndaftar'"));
    CHECK_FALSE(has(load.warnings, "content/jv/pages/passport.toml:" + std::to_string(wrong - 1) + ": ", ""));
    CHECK_FALSE(has(load.warnings, "content/jv/pages/passport.toml", "'dan'"));
    CHECK(has(load.warnings,
              "content/jv/checklists/passport.toml:" +
                  std::to_string(lineOf(pack.data / "content/jv/checklists/passport.toml", "Hubungi")) + ": ",
              "'Hubungi' is Indonesian, not Javanese; use 'sesambetan kaliyan, dipuntelepon'"));
    // Only Basa Jawa is checked: the same words in Indonesian are not.
    pack.replace("content/id/ui.toml", "[nav]\nback = \"", "[nav]\nback = \"Gawanen ");
    CHECK_FALSE(has(pack.load().warnings, "content/id/ui.toml", "Gawanen"));
}

TEST_CASE("the Basa Jawa glossary: whole words, any case, the longer of two, and its table's columns")
{
    Problems problems;
    const Glossary g = parseGlossary(
        "Intro\n\n| a | b |\n| --- | --- |\n| x | y |\n\n"
        "| Bahasa Indonesia | krama: use | ngoko | other spellings | Indonesian words | note |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| bawalah | *Mangga dipunbekta* | Gawanen | — | bawalah | |\n"
        "| orang | tiyang | wong, uwong | — | — | |\n"
        "| perdagangan orang | perdagangan orang | — | perdagangan wong (mixed) | — | |\n"
        "| a row | with too few cells |\n"
        "| Kantor Imigrasi dan Pemasyarakatan | the same | — | — | — | |\n"
        "| dan | saha | lan | — | dan | |\n",
        "data/README.md", problems);
    CHECK(problems ==
          Problems{"data/README.md:12: this row of the Basa Jawa glossary has 2 cells; its header has 6"});
    const auto found = [&](std::string_view text) {
        std::string out;
        for (const auto& hit : findAvoided(g, text))
            out += std::string(text.substr(hit.offset, hit.length)) + "|";
        return out;
    };
    CHECK(found("GAWANEN KTP") == "GAWANEN|");
    CHECK(found("Gawanenipun, kawongan, swong") == ""); // inside other words
    CHECK(found("tiyang, wong. (Uwong)") == "wong|Uwong|");
    CHECK(found("perdagangan\n  wong lan wong") == "perdagangan\n  wong|lan|wong|");
    CHECK(found("Kantor Imigrasi dan Pemasyarakatan dan") == "dan|");
    CHECK(found("Mangga dipunbekta. Bawalah") == "Bawalah|");
    CHECK(g.avoid.front().use == "Mangga dipunbekta");

    Problems none;
    CHECK(parseGlossary("# The kiosk's content\n\n| key | what |\n| --- | --- |\n| a | b |\n", "README.md",
                        none)
              .empty());
    CHECK(none.empty());
}

TEST_CASE("a content folder whose README.md has no glossary, or no README.md, is not checked against it")
{
    test::Pack pack;
    pack.replace("content/jv/ui.toml", "[nav]\nback = \"", "[nav]\nback = \"Gawanen ");
    REQUIRE_FALSE(glossaryWarnings(pack.load().warnings).empty());
    std::ofstream(pack.data / "README.md", std::ios::trunc) << "# The kiosk's content\n\nNo glossary here.\n";
    ContentLoad load = pack.load();
    CHECK(load.ok());
    CHECK(glossaryWarnings(load.warnings).empty());
    fs::remove(pack.data / "README.md");
    load = pack.load();
    CHECK(load.ok());
    CHECK(glossaryWarnings(load.warnings).empty());
}

TEST_CASE("the consent sentence must name the office that receives the request and when the kiosk deletes it")
{
    test::Pack pack;
    pack.replace("content/en/ui.toml", "goes to {office}", "goes to the office");
    pack.replace("content/jv/ui.toml", "{retention_days} dinten sasampunipun dipunpendhet, data menika",
                 "data menika");
    const ContentLoad load = pack.load();
    INFO(dump(load.errors));
    const std::string en = "content/en/ui.toml:" +
                           std::to_string(lineOf(pack.data / "content/en/ui.toml", "goes to the office")) +
                           ": ";
    CHECK(has(load.errors, en,
              "'form.consent.text' must name the office that receives the request ({office})"));
    CHECK(has(load.errors, "content/jv/ui.toml", "'form.consent.text' must name the office"));
    CHECK(load.errors.size() == 2);
}
