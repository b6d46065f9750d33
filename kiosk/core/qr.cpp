// QR encoding with libqrencode.
#include "core/qr.hpp"

#include <qrencode.h>

#include <cctype>
#include <memory>

namespace kiosk {

std::string telLink(const std::string& number)
{
    std::string out = "tel:";
    for (char c : number)
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && out.size() == 4))
            out += c;
    return out;
}

std::optional<QrCode> makeQr(const std::string& text, QrCorrection correction)
{
    const QRecLevel level = correction == QrCorrection::Low ? QR_ECLEVEL_L : QR_ECLEVEL_M;
    struct Deleter {
        void operator()(QRcode* q) const { QRcode_free(q); }
    };
    // Every byte in 8-bit mode: the version follows from the length alone (libqrencode's mix of
    // numeric and 8-bit parts can come out a version larger for text with many short numbers).
    std::unique_ptr<QRcode, Deleter> code(QRcode_encodeString8bit(text.c_str(), 0, level));
    if (!code || code->width <= 0)
        return std::nullopt;
    QrCode qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<std::size_t>(qr.size * qr.size));
    for (std::size_t i = 0; i < qr.dark.size(); ++i)
        qr.dark[i] = (code->data[i] & 1) != 0;
    return qr;
}

} // namespace kiosk
