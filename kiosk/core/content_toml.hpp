// Reading the content's TOML files: where a problem is, how much fits on the screen, and a reader
// of one table's fields that reports every problem it meets. For the content parsers only.
#pragma once

#include "core/problems.hpp"

#include <toml++/toml.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::parsing {

// How many characters (code points) fit on the screen, and how many items and questions.
inline constexpr std::size_t kMaxTitle = 80;
inline constexpr std::size_t kMaxText = 600;
inline constexpr std::size_t kMaxItem = 200;
inline constexpr std::size_t kMaxLabel = 48;
inline constexpr std::size_t kMaxItems = 12;
inline constexpr std::size_t kMaxQuestions = 9;
// A page's key points to take home: the whole QR text is checked in bytes as well.
inline constexpr std::size_t kMaxTakeHome = 500;

// "FILE:LINE: ", the start of every problem.
[[nodiscard]] std::string at(const std::string& file, const toml::node& node);
[[nodiscard]] std::string at(const std::string& file, std::size_t line);

// Characters content may hold: what the fonts draw, and line breaks.
[[nodiscard]] bool drawable(char32_t c);

// An id of a page, checklist, question, answer or item: 1 to 60 of a-z, 0-9 and -.
[[nodiscard]] bool validId(std::string_view id);

// `text` parsed as TOML; a syntax error is reported at its line, and nothing returned.
[[nodiscard]] std::optional<toml::table> parseToml(std::string_view text, const std::string& file,
                                                   Problems& errors);

// The table's 'verified' date as "YYYY-MM-DD" ("" and a problem when it is missing or not a date).
[[nodiscard]] std::string dateOf(const toml::table& root, const std::string& file, Problems& errors);

// Reads text fields of one table, reporting unknown keys, missing keys, wrong types, length and
// characters that cannot be drawn.
class Fields {
public:
    Fields(const toml::table& table, std::string file, Problems& errors, std::string what);

    std::string text(const char* key, std::size_t maxLength, bool required);
    std::vector<std::string> list(const char* key, std::size_t maxItems, std::size_t maxLength,
                                  bool required);
    bool flag(const char* key);
    // A key read by other means, so finish() does not call it unknown.
    void allow(const char* key) { m_known.insert(key); }
    // Reports every key that was not read.
    void finish();

private:
    void check(const std::string& value, const toml::node& node, const char* key, std::size_t maxLength);

    const toml::table& m_table;
    std::string m_file;
    Problems& m_errors;
    std::string m_what;
    std::set<std::string> m_known;
};

// The table's `sources = ["id", …]`: the ids of sources.toml it cites (whether they exist is checked
// once all is read). Reports a missing or empty list, a list of something else, and the old
// `source = "…"` text, and tells `fields` that both keys are read.
[[nodiscard]] std::vector<std::string> sourceIds(const toml::table& root, const std::string& file,
                                                 Problems& errors, Fields& fields);

} // namespace kiosk::parsing
