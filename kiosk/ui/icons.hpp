// The Font Awesome 4.7 glyphs the kiosk uses (fonts-font-awesome), as UTF-8 strings.
// Only these code points are put in the font atlas; add a glyph here before using it.
#pragma once

#include <array>

namespace kiosk::ui::icon {

inline constexpr const char* kCheck = "\xef\x80\x8c";       // U+F00C fa-check
inline constexpr const char* kHome = "\xef\x80\x95";        // U+F015 fa-home
inline constexpr const char* kClock = "\xef\x80\x97";       // U+F017 fa-clock-o
inline constexpr const char* kBook = "\xef\x80\xad";        // U+F02D fa-book
inline constexpr const char* kInfo = "\xef\x81\x9a";        // U+F05A fa-info-circle
inline constexpr const char* kArrowLeft = "\xef\x81\xa0";   // U+F060 fa-arrow-left
inline constexpr const char* kWarning = "\xef\x81\xb1";     // U+F071 fa-exclamation-triangle
inline constexpr const char* kPlane = "\xef\x81\xb2";       // U+F072 fa-plane
inline constexpr const char* kPhone = "\xef\x82\x95";       // U+F095 fa-phone
inline constexpr const char* kGlobe = "\xef\x82\xac";       // U+F0AC fa-globe
inline constexpr const char* kBriefcase = "\xef\x82\xb1";   // U+F0B1 fa-briefcase
inline constexpr const char* kComments = "\xef\x82\x86";    // U+F086 fa-comments
inline constexpr const char* kShield = "\xef\x84\xb2";      // U+F132 fa-shield
inline constexpr const char* kHandPointer = "\xef\x89\x9a"; // U+F25A fa-hand-pointer-o

// Code points of the glyphs above, for the atlas.
inline constexpr std::array<unsigned, 14> kCodepoints{0xF00C, 0xF015, 0xF017, 0xF02D, 0xF05A, 0xF060, 0xF071,
                                                      0xF072, 0xF095, 0xF0AC, 0xF0B1, 0xF086, 0xF132, 0xF25A};

} // namespace kiosk::ui::icon
