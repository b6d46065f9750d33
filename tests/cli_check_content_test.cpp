// `kiosk check-content`: the checklist's sources and date are checked as a page's are, every number
// against the figures of the sources cited, each problem one FILE:LINE line, and any error makes the
// command fail.
#include "cli/check_content.hpp"
#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

struct Checked {
    int code = -1;
    std::string out;
};

Checked checkContent(const std::filesystem::path& dir)
{
    CLI::App cli{"kiosk"};
    const CheckContentCommand command(cli);
    cli.parse(std::vector<std::string>{dir.string(), "check-content"}); // CLI11 takes them last first
    REQUIRE(command.parsed());
    std::ostringstream out;
    Checked checked;
    checked.code = command.run(dir, test::dataDir(), {}, {}, dir / "no-such-kiosk.toml", out);
    checked.out = out.str();
    return checked;
}

// A line of `out` that starts with `file` and a line number and says `text`.
bool says(const std::string& out, const std::string& file, const std::string& text)
{
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        const auto at = line.find(file + ":");
        if (at != std::string::npos && std::isdigit(static_cast<unsigned char>(line[at + file.size() + 1])) &&
            line.find(text) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("check-content passes the shipped content, checklist included")
{
    test::Pack pack;
    const Checked c = checkContent(pack.data);
    INFO(c.out);
    CHECK(c.code == 0);
    CHECK(c.out.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("check-content warns at its line about a Javanese word the glossary keeps off the screen")
{
    test::Pack pack;
    pack.replace("content/jv/ui.toml", "[nav]\nback = \"", "[nav]\nback = \"Entenana ");
    const Checked c = checkContent(pack.data);
    INFO(c.out);
    CHECK(c.code == 0); // a warning, not an error
    CHECK(
        says(c.out, "content/jv/ui.toml", ": warning: 'Entenana' is ngoko; use krama: 'Mangga dipunentosi'"));
}

TEST_CASE("check-content refuses a checklist without its sources or with a date that is not a date")
{
    test::Pack pack;
    pack.erase("content/id/checklists/passport.toml", "sources = [", "]");
    pack.replace("content/en/checklists/passport.toml", "verified = ", "verified = \"last week\" # ");
    const Checked c = checkContent(pack.data);
    INFO(c.out);
    CHECK(c.code == 1);
    CHECK(says(c.out, "content/id/checklists/passport.toml", "needs 'sources'"));
    CHECK(says(c.out, "content/en/checklists/passport.toml", "'verified' should be a date"));
    CHECK(c.out.find("2 errors") != std::string::npos);
}

TEST_CASE("check-content reports a page or a checklist result too long to take home in a QR code")
{
    test::Pack pack;
    // Key points within their own limit (500 letters), but in quotation marks of three bytes each, so
    // that with the title, numbers, sources and date they are more than a QR code read from the screen holds.
    std::string points;
    for (int i = 0; i < 10; ++i)
        points += "Satu sumber yang panjang sekali. Satu. ";
    std::string wide;
    for (int i = 0; i < 140; ++i)
        wide += "\u201c";
    pack.replace("content/id/pages/passport.toml", "takehome = \"\"\"\n",
                 "takehome = \"\"\"\n" + wide + "\n");
    // A fee of 184 characters (at most 200 fit) on every result: the longest grows past the limit.
    pack.replace("content/en/checklists/passport.toml", "[fees.same-day]\ntext = \"",
                 "[fees.same-day]\ntext = \"" + points.substr(0, 117));
    const Checked c = checkContent(pack.data);
    INFO(c.out);
    CHECK(c.code == 1);
    CHECK(says(c.out, "content/id/pages/passport.toml", "the text to take home"));
    CHECK(says(c.out, "content/id/pages/passport.toml", "at most 850"));
    CHECK(says(c.out, "content/en/checklists/passport.toml", "the result to take home for"));
    CHECK(c.out.find("2 errors") != std::string::npos);
}

TEST_CASE("check-content refuses a number that none of the page's sources supports, at its line")
{
    test::Pack pack;
    pack.replace("content/id/pages/trafficking.toml", "Sekitar 1.500 orang", "Sekitar 1.515 orang");
    pack.replace("content/en/pages/passport.toml", "Rp950.000\",", "Rp990.000\",");
    const Checked c = checkContent(pack.data);
    INFO(c.out);
    CHECK(c.code == 1);
    CHECK(says(c.out, "content/id/pages/trafficking.toml",
               "the number '1.515' is not among the figures of this page's sources"));
    CHECK(says(c.out, "content/en/pages/passport.toml", "the number 'Rp990.000' is not among the figures"));
    CHECK(c.out.find("2 errors") != std::string::npos);
}
