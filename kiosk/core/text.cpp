// UTF-8 decoding and the character classes the callback form needs.
#include "core/text.hpp"

#include <algorithm>

namespace kiosk {

std::optional<Decoded> decodeUtf8(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return std::nullopt;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80)
        return Decoded{b0, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (pos + length > text.size())
        return std::nullopt;
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    return Decoded{cp, length};
}

void appendUtf8(std::string& out, char32_t cp)
{
    const auto put = [&](unsigned v) { out.push_back(static_cast<char>(static_cast<unsigned char>(v))); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0 | (cp >> 6));
        put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        put(0xE0 | (cp >> 12));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    } else {
        put(0xF0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 0x3F));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    }
}

bool isControl(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

bool isDrawable(char32_t cp)
{
    if (isControl(cp) || cp == 0xAD) // a soft hyphen is invisible: refuse rather than lose it
        return false;
    for (const CodeRange& r : kDrawableRanges)
        if (cp >= r.first && cp <= r.last)
            return true;
    return false;
}

bool isLetter(char32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    return cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7; // not × or ÷
}

std::vector<char32_t> codePoints(std::string_view text)
{
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto d = decodeUtf8(text, pos);
        out.push_back(d ? d->cp : U'\uFFFD');
        pos += d ? d->length : 1;
    }
    return out;
}

std::size_t countCodePoints(std::string_view text)
{
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::size_t boundaryAtOrBefore(std::string_view text, std::size_t pos)
{
    pos = std::min(pos, text.size());
    while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
        --pos;
    return pos;
}

std::size_t previousBoundary(std::string_view text, std::size_t pos)
{
    pos = boundaryAtOrBefore(text, pos);
    if (pos == 0)
        return 0;
    return boundaryAtOrBefore(text, pos - 1);
}

CleanText cleanText(std::string_view in, bool multiline)
{
    CleanText out;
    out.text.reserve(in.size());
    for (std::size_t pos = 0; pos < in.size();) {
        const auto d = decodeUtf8(in, pos);
        if (!d) {
            out.refused = true;
            ++pos;
            continue;
        }
        pos += d->length;
        const char32_t cp = d->cp;
        if (cp == '\n' || cp == '\r') {
            if (multiline && cp == '\n')
                out.text.push_back('\n');
            else if (!multiline)
                out.text.push_back(' ');
        } else if (cp == '\t') {
            out.text.push_back(' ');
        } else if (isControl(cp)) {
            // stripped: never shown, never stored
        } else if (isDrawable(cp)) {
            appendUtf8(out.text, cp);
        } else {
            out.refused = true;
        }
    }
    return out;
}

std::string withValues(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values)
{
    for (const auto& [from, to] : values)
        for (std::size_t pos = text.find(from); pos != std::string::npos;
             pos = text.find(from, pos + to.size()))
            text.replace(pos, from.size(), to);
    return text;
}

} // namespace kiosk
