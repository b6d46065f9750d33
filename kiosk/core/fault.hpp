// What went wrong beneath a message in officer mode, in parts: the officer's screen words each part
// in the officer's language (ui.toml's officer.detail.*), and only the raw identifiers — a file, a
// key id, an error code — stay as they are. The English text of the same fault goes to the log and
// the technicians' commands. Never personal data.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>

namespace kiosk {

struct FaultDetail {
    enum class Source {
        None,
        System,   // an errno value
        Database, // a SQLite result code
    };
    std::string file{};  // the file or folder concerned ("content/id/pages/passport.toml")
    int line = 0;        // its line, when known
    std::string keyId{}; // a signing key, by its first hex digits
    Source source = Source::None;
    int code = 0;           // the errno value or SQLite's primary result code
    std::string codeName{}; // "EIO", "SQLITE_FULL"
    std::int64_t count = 0; // problems found in all, when there were several

    [[nodiscard]] bool empty() const
    {
        return file.empty() && keyId.empty() && source == Source::None && count == 0;
    }
    friend bool operator==(const FaultDetail&, const FaultDetail&) = default;
};

// "EIO" for EIO: the symbolic name of an errno value, or "errno" when it has none.
[[nodiscard]] std::string errnoName(int code);
// A system error by its errno, never its English text. An error code of another category than the
// system's carries no errno: it gives no detail.
[[nodiscard]] FaultDetail systemFault(const std::error_code& code);
// A std::system_error as systemFault; any other exception gives no detail (its words are English).
[[nodiscard]] FaultDetail faultOf(const std::exception& e);
// The file and line of a problem written "FILE:LINE: message" (content and kiosk.toml checks); no
// detail when it is not written so.
[[nodiscard]] FaultDetail problemPlace(std::string_view problem);

} // namespace kiosk
