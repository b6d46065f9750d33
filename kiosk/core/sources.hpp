// Where the kiosk's facts come from: data/sources.toml lists each source once (who published it,
// its title or the regulation's name and number, its date, address and confidence, and the figures
// it supports). Pages and checklists cite sources by id; the screen shows them in full, the text to
// take home by their short names, and check-content refuses a number that no cited source supports.
#pragma once

#include "core/language.hpp"
#include "core/problems.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Source {
    std::string id;
    std::string publisher;             // "Pemerintah Republik Indonesia"
    std::string title;                 // the regulation's name and number, or the article's title
    std::string shortName;             // `short`: "PP 45/2024", for the text to take home (title if none)
    std::string date;                  // "2024-10-18", "2024-10" or "2024"; "" when undated
    std::string address;               // optional
    std::string confidence;            // H, M or L, as in the facts file
    std::vector<std::string> supports; // the figures it supports, as written ("Rp350.000", "45/2024")
    std::size_t line = 0;              // in sources.toml
};

using Sources = std::map<std::string, Source>;

// A number as a text states it: `text` as written ("Rp350.000", "+62 21 29244800") and `value`,
// the same number written one way ("350000", "622129244800", "1.5") so that the Indonesian and the
// English spelling of a figure are one value.
struct StatedNumber {
    std::string text;
    std::string value;
    friend bool operator==(const StatedNumber& a, const StatedNumber& b)
    {
        return a.text == b.text && a.value == b.value;
    }
};

// The numbers that `text` states, in order. A digit group that touches a letter belongs to a name
// (SISKOP2MI, BP3MI, AK-1, siskop2mi.bp2mi.go.id) and is no number, except after the currency
// prefixes Rp and US$ (Rp350.000 is 350000). "." or "," followed by exactly three digits separates
// thousands (3.703 and 3,703 are 3703); another one between digits is a decimal point (1,5 and
// 1.5 are 1.5). A phone-like token, starting with + or 0 with digit groups parted by single spaces,
// - or parentheses, is one number (+62 21 29244800, 0800-1000). "/" and "-" between other numbers
// part them ("18/2017" is 18 and 2017, "22-30" is 22 and 30).
[[nodiscard]] std::vector<StatedNumber> statedNumbers(std::string_view text);

// The values of every number in `texts`, as statedNumbers gives them.
[[nodiscard]] std::set<std::string> figuresOf(const std::vector<std::string>& texts);

// The sources of data/sources.toml's text, every problem with its line: missing fields, a date
// that is not one, a confidence other than H, M or L, unknown keys.
[[nodiscard]] Sources parseSources(std::string_view text, const std::string& file, Problems& errors);

// A source's date in the resident's language: "18 Oktober 2024", "April 2024" (month only), "2024";
// "" when undated. With `monthOnly`, a full date is shown by its month ("April 2024").
[[nodiscard]] std::string formatSourceDate(const std::string& date, Lang lang, bool monthOnly = false);

// The source as a reader follows it: "Pemerintah Republik Indonesia: Peraturan Pemerintah Nomor 45
// Tahun 2024 (tarif PNBP), 18 Oktober 2024", with `undated` in place of a date it does not have.
[[nodiscard]] std::string readableSource(const Source& source, Lang lang, const std::string& undated);

// Whether the source dated `date` ("2024-04-04", "2024-04", "2024") is more than `years` years older
// than `today` ("2026-12-02"). A month-only or year-only date counts from its last day. Undated or
// unreadable dates are not old (there is nothing to compare).
[[nodiscard]] bool olderThanYears(const std::string& date, const std::string& today, int years);

} // namespace kiosk
