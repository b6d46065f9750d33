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

// Encodes `text` (libqrencode, error correction M). Nothing if it cannot be encoded.
[[nodiscard]] std::optional<QrCode> makeQr(const std::string& text);

} // namespace kiosk
