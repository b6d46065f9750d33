// QR codes of phone numbers, so a resident can take a number home on their own phone.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct QrCode {
    int size = 0;           // modules per side
    std::vector<bool> dark; // row by row

    [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// A "tel:" link for `number` ("0800-1000", "+62 21 29244800"): digits and a leading + kept.
[[nodiscard]] std::string telLink(const std::string& number);

// How much of a code may be lost and still read: Low (7 %) leaves more room for text, so for the
// same text the modules are larger; Medium (15 %) for small codes that must survive more.
enum class QrCorrection { Low, Medium };

// Encodes `text` (libqrencode, all in 8-bit mode, error correction M unless told). Nothing if it
// cannot be encoded (too long, or a NUL in it).
[[nodiscard]] std::optional<QrCode> makeQr(const std::string& text,
                                           QrCorrection correction = QrCorrection::Medium);

} // namespace kiosk
