// The Font Awesome 4.7 glyphs the kiosk uses (fonts-font-awesome), as UTF-8 strings.
// Only these code points are put in the font atlas; add a glyph here before using it.
#pragma once

#include <array>

namespace kiosk::ui::icon {

inline constexpr const char* kUser = "\uF007";          // fa-user
inline constexpr const char* kCheck = "\uF00C";         // fa-check
inline constexpr const char* kHome = "\uF015";          // fa-home
inline constexpr const char* kClock = "\uF017";         // fa-clock-o
inline constexpr const char* kRefresh = "\uF021";       // fa-refresh
inline constexpr const char* kBook = "\uF02D";          // fa-book
inline constexpr const char* kPencil = "\uF040";        // fa-pencil
inline constexpr const char* kMapMarker = "\uF041";     // fa-map-marker
inline constexpr const char* kChevronRight = "\uF054";  // fa-chevron-right
inline constexpr const char* kQuestion = "\uF059";      // fa-question-circle
inline constexpr const char* kInfo = "\uF05A";          // fa-info-circle
inline constexpr const char* kArrowLeft = "\uF060";     // fa-arrow-left
inline constexpr const char* kArrowRight = "\uF061";    // fa-arrow-right
inline constexpr const char* kArrowUp = "\uF062";       // fa-arrow-up
inline constexpr const char* kWarning = "\uF071";       // fa-exclamation-triangle
inline constexpr const char* kPlane = "\uF072";         // fa-plane
inline constexpr const char* kComments = "\uF086";      // fa-comments
inline constexpr const char* kPhone = "\uF095";         // fa-phone
inline constexpr const char* kSquare = "\uF096";        // fa-square-o
inline constexpr const char* kGlobe = "\uF0AC";         // fa-globe
inline constexpr const char* kBriefcase = "\uF0B1";     // fa-briefcase
inline constexpr const char* kUsers = "\uF0C0";         // fa-users
inline constexpr const char* kMoney = "\uF0D6";         // fa-money
inline constexpr const char* kLightbulb = "\uF0EB";     // fa-lightbulb-o
inline constexpr const char* kFile = "\uF0F6";          // fa-file-text-o
inline constexpr const char* kBuilding = "\uF0F7";      // fa-building-o
inline constexpr const char* kShield = "\uF132";        // fa-shield
inline constexpr const char* kLevelDown = "\uF149";     // fa-level-down
inline constexpr const char* kCheckSquare = "\uF14A";   // fa-check-square
inline constexpr const char* kLongArrowLeft = "\uF177"; // fa-long-arrow-left
inline constexpr const char* kMoon = "\uF186";          // fa-moon-o
inline constexpr const char* kGraduation = "\uF19D";    // fa-graduation-cap
inline constexpr const char* kChild = "\uF1AE";         // fa-child
inline constexpr const char* kPaperPlane = "\uF1D8";    // fa-paper-plane
inline constexpr const char* kWhatsapp = "\uF232";      // fa-whatsapp
inline constexpr const char* kHandPointer = "\uF25A";   // fa-hand-pointer-o
inline constexpr const char* kCalendarCheck = "\uF274"; // fa-calendar-check-o
inline constexpr const char* kIdCard = "\uF2C3";        // fa-id-card-o
inline constexpr const char* kLock = "\uF023";          // fa-lock
inline constexpr const char* kBarChart = "\uF080";      // fa-bar-chart
inline constexpr const char* kKey = "\uF084";           // fa-key
inline constexpr const char* kSignOut = "\uF08B";       // fa-sign-out
inline constexpr const char* kHdd = "\uF0A0";           // fa-hdd-o
inline constexpr const char* kCopy = "\uF0C5";          // fa-files-o
inline constexpr const char* kDatabase = "\uF1C0";      // fa-database
inline constexpr const char* kHistory = "\uF1DA";       // fa-history
inline constexpr const char* kUsb = "\uF287";           // fa-usb
inline constexpr const char* kVolumeUp = "\uF028";      // fa-volume-up
inline constexpr const char* kStop = "\uF04D";          // fa-stop
inline constexpr const char* kPlus = "\uF067";          // fa-plus
inline constexpr const char* kMinus = "\uF068";         // fa-minus
inline constexpr const char* kAdjust = "\uF042";        // fa-adjust (contrast)
inline constexpr const char* kCog = "\uF013";           // fa-cog
inline constexpr const char* kTachometer = "\uF0E4";    // fa-tachometer (speed)
inline constexpr const char* kHeart = "\uF004";         // fa-heart
inline constexpr const char* kQrcode = "\uF029";        // fa-qrcode
inline constexpr const char* kLaptop = "\uF109";        // fa-laptop (online scam work)
inline constexpr const char* kSearch = "\uF002";        // fa-search (the company search)
inline constexpr const char* kTimes = "\uF00D";         // fa-times ("no")
inline constexpr const char* kInbox = "\uF01C";         // fa-inbox (a request's news from the office)

// Code points of the glyphs above, for the atlas.
inline constexpr std::array<unsigned, 60> kCodepoints{
    0xF007, 0xF00C, 0xF015, 0xF017, 0xF021, 0xF02D, 0xF040, 0xF041, 0xF054, 0xF059, 0xF05A, 0xF060,
    0xF061, 0xF062, 0xF071, 0xF072, 0xF086, 0xF095, 0xF096, 0xF0AC, 0xF0B1, 0xF0C0, 0xF0D6, 0xF0EB,
    0xF0F6, 0xF0F7, 0xF132, 0xF149, 0xF14A, 0xF177, 0xF186, 0xF19D, 0xF1AE, 0xF1D8, 0xF232, 0xF25A,
    0xF274, 0xF2C3, 0xF023, 0xF080, 0xF084, 0xF08B, 0xF0A0, 0xF0C5, 0xF1C0, 0xF1DA, 0xF287, 0xF028,
    0xF04D, 0xF067, 0xF068, 0xF042, 0xF013, 0xF0E4, 0xF004, 0xF029, 0xF109, 0xF002, 0xF00D, 0xF01C};

} // namespace kiosk::ui::icon
