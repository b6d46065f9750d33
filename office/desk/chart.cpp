// The report chart as SVG text: sums per village, round ticks, patterned bars, escaped words.
#include "desk/chart.hpp"

#include <ctemplate/template_modifiers.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace kiosk::office {

namespace {

constexpr double kWidth = 960, kHeight = 420;
constexpr double kLeft = 64, kRight = 16, kTop = 84, kBottom = 84;

struct Series {
    const char* id;    // the pattern's id
    const char* label; // in the legend and the descriptions
    const char* colour;
};
// Told apart in grey print by the pattern as much as by the colour.
constexpr std::array<Series, 4> kSeries{{
    {"grafik-diterima", "Diterima", "#1d4e89"},
    {"grafik-dihubungi", "Dihubungi", "#4f86c6"},
    {"grafik-dirujuk", "Dirujuk", "#b8860b"},
    {"grafik-selesai", "Selesai", "#2e7d32"},
}};

// The patterns: solid, diagonal lines, dots, a cross-hatch, each over its colour.
constexpr const char* kPatterns =
    "<defs>"
    "<pattern id=\"grafik-diterima\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"8\" height=\"8\" fill=\"#1d4e89\"/></pattern>"
    "<pattern id=\"grafik-dihubungi\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
    "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#4f86c6\"/>"
    "<rect width=\"3\" height=\"8\" fill=\"#ffffff\"/></pattern>"
    "<pattern id=\"grafik-dirujuk\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"7\" height=\"7\" fill=\"#b8860b\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"1.8\" "
    "fill=\"#ffffff\"/>"
    "</pattern>"
    "<pattern id=\"grafik-selesai\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"8\" height=\"8\" fill=\"#2e7d32\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#ffffff\" "
    "stroke-width=\"1.5\"/></pattern>"
    "</defs>";

struct Village {
    std::string name;
    std::array<std::int64_t, 4> values{}; // received, reached, referred, done
};

std::vector<Village> perVillage(const std::vector<ReportLine>& lines)
{
    std::vector<Village> out;
    for (const ReportLine& l : lines) {
        auto it = std::find_if(out.begin(), out.end(), [&](const Village& v) { return v.name == l.village; });
        if (it == out.end())
            it = out.insert(out.end(), Village{l.village, {}});
        it->values[0] += l.received;
        it->values[1] += l.reached;
        it->values[2] += l.referred;
        it->values[3] += l.done;
    }
    return out;
}

// A round step giving about four ticks up to `max` (≥ 1): 1, 2, 5 times a power of ten.
std::int64_t tickStep(std::int64_t max)
{
    const double raw = static_cast<double>(max) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double m : {1.0, 2.0, 5.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    return std::max<std::int64_t>(1, std::llround(step));
}

std::string num(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

// At most `chars` characters of `text` (whole UTF-8 characters), "…" when cut.
std::string shortened(const std::string& text, std::size_t chars)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (count == chars)
            return text.substr(0, i) + "…";
        ++count;
    }
    return text;
}

std::string lowered(const char* label)
{
    std::string out = label;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string escapedText(std::string_view text)
{
    std::string clean;
    clean.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r')
            clean.push_back(' ');
        else if (u < 0x20 || u == 0x7f)
            clean += "\xEF\xBF\xBD";
        else
            clean.push_back(c);
    }
    return ctemplate::html_escape(clean);
}

std::string monthName(std::string_view month)
{
    static constexpr const char* kMonths[] = {"Januari",   "Februari", "Maret",    "April",
                                              "Mei",       "Juni",     "Juli",     "Agustus",
                                              "September", "Oktober",  "November", "Desember"};
    const auto digit = [&](std::size_t i) { return month[i] >= '0' && month[i] <= '9'; };
    if (month.size() != 7 || month[4] != '-' || !digit(0) || !digit(1) || !digit(2) || !digit(3) ||
        !digit(5) || !digit(6))
        return std::string(month);
    const int m = (month[5] - '0') * 10 + (month[6] - '0');
    if (m < 1 || m > 12)
        return std::string(month);
    return std::string(kMonths[m - 1]) + " " + std::string(month.substr(0, 4));
}

std::string reportChartSvg(const std::vector<ReportLine>& lines, const std::string& month)
{
    const std::vector<Village> villages = perVillage(lines);
    const std::string title = "Permintaan per desa, " + monthName(month);
    std::string desc;
    std::int64_t max = 0;
    for (const Village& v : villages) {
        desc += v.name + ":";
        for (std::size_t s = 0; s < kSeries.size(); ++s) {
            desc += std::string(s ? "," : "") + " " + lowered(kSeries[s].label) + " " +
                    std::to_string(v.values[s]);
            max = std::max(max, v.values[s]);
        }
        desc += ". ";
    }
    if (villages.empty())
        desc = "Tidak ada permintaan pada bulan ini.";

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 420\" class=\"grafik\" "
                      "role=\"img\" aria-labelledby=\"grafik-judul grafik-uraian\" "
                      "font-family=\"sans-serif\">";
    svg += "<title id=\"grafik-judul\">" + escapedText(title) + "</title>";
    svg += "<desc id=\"grafik-uraian\">" + escapedText(desc) + "</desc>";
    svg += kPatterns;
    svg += "<rect width=\"960\" height=\"420\" fill=\"#ffffff\"/>";
    svg += "<text x=\"" + num(kLeft) + "\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#111111\">" +
           escapedText(title) + "</text>";

    // The legend, in one row under the title.
    double x = kLeft;
    for (const Series& s : kSeries) {
        svg += "<rect x=\"" + num(x) + "\" y=\"44\" width=\"22\" height=\"16\" fill=\"url(#" + s.id +
               ")\" stroke=\"#111111\" stroke-width=\"0.8\"/>";
        svg += "<text x=\"" + num(x + 28) + "\" y=\"57\" font-size=\"14\" fill=\"#111111\">" + s.label +
               "</text>";
        x += 150;
    }

    const double plotW = kWidth - kLeft - kRight;
    const double plotH = kHeight - kTop - kBottom;
    const double baseY = kTop + plotH;
    if (villages.empty()) {
        svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(baseY) + "\" x2=\"" + num(kWidth - kRight) +
               "\" y2=\"" + num(baseY) + "\" stroke=\"#111111\"/>";
        svg +=
            "<text x=\"480\" y=\"" + num(kTop + plotH / 2) +
            "\" font-size=\"18\" text-anchor=\"middle\" fill=\"#333333\">Tidak ada permintaan pada bulan ini."
            "</text></svg>";
        return svg;
    }

    // The y axis: round ticks from 0 to at least the largest bar, with light grid lines.
    const std::int64_t step = tickStep(std::max<std::int64_t>(max, 1));
    const std::int64_t top = std::max<std::int64_t>(step, (max + step - 1) / step * step);
    const auto yOf = [&](std::int64_t v) {
        return baseY - plotH * static_cast<double>(v) / static_cast<double>(top);
    };
    for (std::int64_t t = 0; t <= top; t += step) {
        const std::string y = num(yOf(t));
        svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + y + "\" x2=\"" + num(kWidth - kRight) + "\" y2=\"" +
               y + "\" stroke=\"" + (t == 0 ? "#111111" : "#cccccc") + "\" stroke-width=\"1\"/>";
        svg += "<text x=\"" + num(kLeft - 8) + "\" y=\"" + num(yOf(t) + 5) +
               "\" font-size=\"13\" text-anchor=\"end\" fill=\"#111111\">" + std::to_string(t) + "</text>";
    }
    svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(kLeft) + "\" y2=\"" +
           num(baseY) + "\" stroke=\"#111111\"/>";

    // The groups: four bars each, the number above each bar, the village's name below.
    const double groupW = plotW / static_cast<double>(villages.size());
    const double barW = std::min(32.0, groupW * 0.8 / 4.0);
    const bool slanted = groupW < 110;
    const std::size_t labelChars = slanted ? 18 : static_cast<std::size_t>(std::max(4.0, groupW / 8.0));
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const Village& v = villages[i];
        const double groupX = kLeft + groupW * static_cast<double>(i);
        const double firstX = groupX + (groupW - 4 * barW) / 2;
        svg += "<g><title>" + escapedText(v.name) + "</title>";
        for (std::size_t s = 0; s < kSeries.size(); ++s) {
            const double bx = firstX + barW * static_cast<double>(s);
            const double by = yOf(v.values[s]);
            svg += "<rect x=\"" + num(bx) + "\" y=\"" + num(by) + "\" width=\"" + num(barW - 1) +
                   "\" height=\"" + num(baseY - by) + "\" fill=\"url(#" + kSeries[s].id +
                   ")\" stroke=\"#111111\" stroke-width=\"0.6\"><title>" +
                   escapedText(v.name + " · " + kSeries[s].label + ": " + std::to_string(v.values[s])) +
                   "</title></rect>";
            if (barW >= 9)
                svg += "<text x=\"" + num(bx + barW / 2) + "\" y=\"" + num(by - 4) + "\" font-size=\"" +
                       (barW >= 18 ? "12" : "9") + "\" text-anchor=\"middle\" fill=\"#111111\">" +
                       std::to_string(v.values[s]) + "</text>";
        }
        const double labelX = groupX + groupW / 2;
        const double labelY = baseY + 20;
        svg += "<text x=\"" + num(labelX) + "\" y=\"" + num(labelY) + "\" font-size=\"13\" fill=\"#111111\"" +
               (slanted
                    ? " text-anchor=\"end\" transform=\"rotate(-35 " + num(labelX) + " " + num(labelY) + ")\""
                    : std::string(" text-anchor=\"middle\"")) +
               ">" + escapedText(shortened(v.name, labelChars)) + "</text></g>";
    }
    svg += "</svg>";
    return svg;
}

} // namespace kiosk::office
