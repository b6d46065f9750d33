// The desk's report chart, read back as XML with Expat: well formed, a hostile village name only
// ever text, the numbers and round ticks there, grey-readable patterns, an empty month said so.
#include "desk/chart.hpp"

#include <doctest/doctest.h>

#include <expat.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace kiosk::office;

namespace {

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text; // its own character data
};

// The SVG parsed: every element in document order; `error` set when it is not well-formed XML.
struct Parsed {
    std::vector<Element> elements;
    std::vector<std::size_t> open;
    std::string error;

    [[nodiscard]] std::vector<const Element*> named(const std::string& name) const
    {
        std::vector<const Element*> out;
        for (const Element& e : elements)
            if (e.name == name)
                out.push_back(&e);
        return out;
    }
    [[nodiscard]] std::vector<std::string> texts(const std::string& name) const
    {
        std::vector<std::string> out;
        for (const Element* e : named(name))
            out.push_back(e->text);
        return out;
    }
    [[nodiscard]] bool anyText(const std::string& name, const std::string& part) const
    {
        const std::vector<std::string> all = texts(name);
        return std::any_of(all.begin(), all.end(),
                           [&](const std::string& t) { return t.find(part) != std::string::npos; });
    }
};

Parsed parse(const std::string& svg)
{
    Parsed p;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &p);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* self = static_cast<Parsed*>(data);
            Element e;
            e.name = name;
            for (const XML_Char** a = attributes; *a; a += 2)
                e.attributes[a[0]] = a[1];
            self->open.push_back(self->elements.size());
            self->elements.push_back(std::move(e));
        },
        [](void* data, const XML_Char*) { static_cast<Parsed*>(data)->open.pop_back(); });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
        auto* self = static_cast<Parsed*>(data);
        if (!self->open.empty())
            self->elements[self->open.back()].text.append(s, static_cast<std::size_t>(len));
    });
    if (XML_Parse(parser, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_ERROR)
        p.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at column " +
                  std::to_string(XML_GetCurrentColumnNumber(parser));
    XML_ParserFree(parser);
    return p;
}

ReportLine line(const std::string& village, const std::string& topic, std::int64_t received,
                std::int64_t reached, std::int64_t referred, std::int64_t done)
{
    ReportLine l;
    l.village = village;
    l.topic = topic;
    l.received = received;
    l.reached = reached;
    l.referred = referred;
    l.done = done;
    return l;
}

} // namespace

TEST_CASE("desk chart: grouped bars per village with their numbers, round ticks, a legend, a title")
{
    const std::vector<ReportLine> lines{line("Desa Cemeng", "passport", 12, 7, 0, 5),
                                        line("Desa Cemeng", "trafficking", 3, 3, 2, 1),
                                        line("Desa Karangjati", "other", 4, 1, 0, 0)};
    const std::string svg = reportChartSvg(lines, "2026-11");
    const Parsed p = parse(svg);
    REQUIRE_MESSAGE(p.error.empty(), p.error, "\n", svg);
    REQUIRE(!p.elements.empty());
    const Element& root = p.elements.front();
    CHECK(root.name == "svg");
    CHECK(root.attributes.at("viewBox") == "0 0 960 420");
    CHECK(root.attributes.at("role") == "img");
    CHECK(root.attributes.at("xmlns") == "http://www.w3.org/2000/svg");
    CHECK(p.elements[1].name == "title"); // the accessible name comes first
    CHECK(p.elements[1].text == "Permintaan per desa, November 2026");
    CHECK(p.elements[2].name == "desc");
    CHECK(p.elements[2].text ==
          "Desa Cemeng: diterima 15, dihubungi 10, dirujuk 2, selesai 6. Desa Karangjati: "
          "diterima 4, dihubungi 1, dirujuk 0, selesai 0. ");

    // Eight bars (two villages × four), each filled with its pattern and titled with its number.
    std::vector<std::string> barTitles;
    std::map<std::string, int> fills;
    for (const Element* r : p.named("rect"))
        if (r->attributes.count("fill") && r->attributes.at("fill").rfind("url(#grafik-", 0) == 0)
            ++fills[r->attributes.at("fill")];
    CHECK(fills["url(#grafik-diterima)"] == 3); // two bars and the legend's swatch
    CHECK(fills["url(#grafik-dihubungi)"] == 3);
    CHECK(fills["url(#grafik-dirujuk)"] == 3);
    CHECK(fills["url(#grafik-selesai)"] == 3);
    CHECK(p.named("pattern").size() == 4);
    CHECK(p.anyText("title", "Desa Cemeng · Diterima: 15"));
    CHECK(p.anyText("title", "Desa Karangjati · Selesai: 0"));
    // The numbers above the bars, the legend, the village names, the ticks 0, 5, 10, 15.
    const std::vector<std::string> texts = p.texts("text");
    for (const std::string want : {"15", "10", "2", "6", "4", "1", "0", "Diterima", "Dihubungi", "Dirujuk",
                                   "Selesai", "Desa Cemeng", "Desa Karangjati", "5"})
        CHECK_MESSAGE(std::find(texts.begin(), texts.end(), want) != texts.end(), want);
    CHECK(std::find(texts.begin(), texts.end(), "20") == texts.end()); // 15 fits under a tick of 15

    // Taller numbers, taller bars: the received bar of Cemeng (15) is 15/4 of Karangjati's (4).
    double cemeng = 0, karangjati = 0;
    for (const Element* r : p.named("rect")) {
        if (r->attributes.count("height") == 0 || r->attributes.at("fill") != "url(#grafik-diterima)")
            continue;
        const double h = std::stod(r->attributes.at("height"));
        if (h > 100)
            cemeng = h;
        else if (h > 20)
            karangjati = h;
    }
    CHECK(cemeng == doctest::Approx(karangjati * 15 / 4).epsilon(0.01));
}

TEST_CASE("desk chart: a village named <script> and other markup stays text")
{
    const std::vector<ReportLine> lines{line("<script>alert(1)</script>", "passport", 2, 1, 0, 0),
                                        line("Desa \"Kutip\" & 'Apos' </text></svg>", "other", 1, 0, 0, 1),
                                        line("Kendali\x01\x1b\ttab\nbaris", "other", 1, 0, 0, 0)};
    const std::string svg = reportChartSvg(lines, "<b>2026-11</b>");
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("</svg>") == svg.size() - 6); // only the chart's own end
    CHECK(svg.find('\x01') == std::string::npos);
    CHECK(svg.find('\x1b') == std::string::npos);
    const Parsed p = parse(svg);
    REQUIRE_MESSAGE(p.error.empty(), p.error, "\n", svg);
    CHECK(p.named("script").empty());
    CHECK(p.named("b").empty());
    // Read back, the names are exactly what they were (control characters as U+FFFD).
    CHECK(p.anyText("text", "<script>alert(1)</script>"));
    CHECK(p.anyText("title", "<script>alert(1)</script> · Diterima: 2"));
    CHECK(p.anyText("title", "Desa \"Kutip\" & 'Apos' </text></svg>"));
    CHECK(p.anyText("title", "Kendali\xEF\xBF\xBD\xEF\xBF\xBD tab baris"));
    CHECK(p.elements[1].text == "Permintaan per desa, <b>2026-11</b>");
    CHECK(escapedText("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("desk chart: an empty month says so; many villages still fit; month names")
{
    const std::string empty = reportChartSvg({}, "2026-02");
    const Parsed p = parse(empty);
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    CHECK(p.elements.front().attributes.at("viewBox") == "0 0 960 420");
    CHECK(p.elements[1].text == "Permintaan per desa, Februari 2026");
    CHECK(p.anyText("text", "Tidak ada permintaan pada bulan ini."));
    CHECK(p.elements[2].text == "Tidak ada permintaan pada bulan ini.");
    CHECK(p.named("g").empty());

    std::vector<ReportLine> many;
    for (int i = 0; i < 40; ++i)
        many.push_back(line("Desa dengan nama yang panjang sekali nomor " + std::to_string(i), "other",
                            100 + i, i, 0, 0));
    const Parsed wide = parse(reportChartSvg(many, "2026-11"));
    REQUIRE(wide.error.empty());
    CHECK(wide.named("g").size() == 40);
    for (const Element* r : wide.named("rect")) {
        if (!r->attributes.count("x"))
            continue;
        const double x = std::stod(r->attributes.at("x"));
        CHECK(x >= 0);
        CHECK(x + std::stod(r->attributes.at("width")) <= 960);
    }
    CHECK(wide.anyText("title", "Desa dengan nama yang panjang sekali nomor 39 · Diterima: 139"));
    // Ticks of a round step up to at least 139: 0, 50, 100, 150.
    const std::vector<std::string> texts = wide.texts("text");
    for (const std::string tick : {"0", "50", "100", "150"})
        CHECK_MESSAGE(std::find(texts.begin(), texts.end(), tick) != texts.end(), tick);

    CHECK(monthName("2026-01") == "Januari 2026");
    CHECK(monthName("2026-12") == "Desember 2026");
    CHECK(monthName("2026-13") == "2026-13");
    CHECK(monthName("2026-1") == "2026-1");
    CHECK(monthName("') OR 1=1") == "') OR 1=1");
}
