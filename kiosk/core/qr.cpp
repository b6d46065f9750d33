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

std::optional<QrCode> makeQr(const std::string& text)
{
    struct Deleter {
        void operator()(QRcode* q) const { QRcode_free(q); }
    };
    std::unique_ptr<QRcode, Deleter> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
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
