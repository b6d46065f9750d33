// UTF-8 text as residents type it: decoding, and which characters the kiosk's fonts can draw.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

// Code points the text fonts are built with (ui/fonts uses this table too): Basic Latin and
// Latin-1 (é, è, ñ, ·), and general punctuation (dashes, quotes, •, …).
struct CodeRange {
    char32_t first, last;
};
inline constexpr CodeRange kDrawableRanges[] = {{0x0020, 0x00FF}, {0x2010, 0x2027}};

// One code point decoded from `text` at byte `pos`: its value and its length in bytes. Invalid
// UTF-8 (stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF) gives nullopt.
struct Decoded {
    char32_t cp;
    std::size_t length;
};
[[nodiscard]] std::optional<Decoded> decodeUtf8(std::string_view text, std::size_t pos);
void appendUtf8(std::string& out, char32_t cp);

[[nodiscard]] bool isControl(char32_t cp);
// The fonts have a glyph for it, and it is not a control character.
[[nodiscard]] bool isDrawable(char32_t cp);
// Letters of the scripts the kiosk draws: A–Z, a–z and the Latin-1 letters (é, è, ñ, ß, …).
[[nodiscard]] bool isLetter(char32_t cp);

// The code points of `text`; invalid UTF-8 becomes U+FFFD, which nothing draws.
[[nodiscard]] std::vector<char32_t> codePoints(std::string_view text);
// Number of code points in valid UTF-8 text.
[[nodiscard]] std::size_t countCodePoints(std::string_view text);
// The byte offset of the code point boundary at or before `pos`.
[[nodiscard]] std::size_t boundaryAtOrBefore(std::string_view text, std::size_t pos);
// The byte offset of the code point before the one starting at `pos` (0 stays 0).
[[nodiscard]] std::size_t previousBoundary(std::string_view text, std::size_t pos);

struct CleanText {
    std::string text;
    bool refused = false; // something was left out: invalid UTF-8 or a character the fonts lack
};
// Keeps what can be drawn; strips control characters (keeping newlines if `multiline`), turns tabs
// into spaces, and leaves out invalid UTF-8 and characters the fonts cannot draw (emoji), saying so.
[[nodiscard]] CleanText cleanText(std::string_view in, bool multiline);

// `text` with each placeholder ("{n}") replaced by its value.
[[nodiscard]] std::string withValues(std::string text,
                                     std::initializer_list<std::pair<std::string_view, std::string>> values);

} // namespace kiosk
