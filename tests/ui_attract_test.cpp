// Headless tests of the attract screen: whose service it is (partners, logo), the numbers to call
// and Help, the topic cards in every language, everything inside the window at three sizes, and a
// card change that changes only the card.
#include "shell/tour.hpp"
#include "test_support.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk;
using test::Harness;

namespace {

// Every logo asked for is there, 400 x 300 pixels (a headless kiosk draws no pictures).
class AnyPicture final : public PictureSource {
public:
    std::optional<Picture> picture(const std::string& file) override
    {
        asked.insert(file);
        return Picture{1, 400, 300};
    }
    std::set<std::string> asked;
};

bool apart(const WidgetBox& a, const WidgetBox& b)
{
    return a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
}

bool inside(const WidgetBox& a, float w, float h)
{
    return a.x >= -0.5f && a.y >= -0.5f && a.x + a.w <= w + 0.5f && a.y + a.h <= h + 0.5f;
}

const std::pair<float, float> kSizes[] = {{1920.f, 1080.f}, {1080.f, 1920.f}, {1280.f, 800.f}};

} // namespace

TEST_CASE("the attract screen says whose service it is, shows the three numbers and Help")
{
    Harness k;
    REQUIRE(k.map().screen == "attract");
    CHECK(k.map().values.at("attract.partners") ==
          "Kantor Imigrasi Surakarta \u00b7 BP3MI Jawa Tengah \u00b7 Disnaker Sragen");
    const WidgetBox* service = k.map().area("attract.service");
    REQUIRE(service);
    CHECK(service->label.find("Layanan informasi dari") != std::string::npos);
    CHECK(service->label.find("Kantor Imigrasi Surakarta") != std::string::npos);
    const std::string& numbers = k.map().values.at("attract.numbers");
    for (const char* n : {"110", "129", "0800-1000"})
        CHECK(numbers.find(n) != std::string::npos);
    CHECK(k.map().area("attract.numbers"));
    CHECK(k.map().find("help.open"));
    CHECK(k.map().find("attract.start"));
    CHECK_FALSE(k.map().area("attract.logo")); // none configured

    // Help is a touch away: it wakes the kiosk straight to the numbers.
    k.tap("help.open");
    CHECK(k.map().screen == "help");
}

TEST_CASE("with no partners configured the attract screen names the programme and the village")
{
    Harness k(1920, 1080, [](Config& c) { c.partners.clear(); });
    REQUIRE(k.map().screen == "attract");
    CHECK(k.map().values.at("attract.partners") == "Desa Binaan Imigrasi");
    const WidgetBox* service = k.map().area("attract.service");
    REQUIRE(service);
    CHECK(service->label.find("Layanan informasi dari Desa Binaan Imigrasi") != std::string::npos);
}

TEST_CASE("the cards show each topic in every language in turn, with its icon's topic and one sentence")
{
    Harness k;
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::string> order;
    const int cards = static_cast<int>(kAllTopics.size()) * 3;
    for (int i = 0; i < cards; ++i) {
        const auto& v = k.map().values;
        seen.insert({v.at("attract.card"), v.at("attract.card.lang")});
        order.push_back(v.at("attract.card") + "/" + v.at("attract.card.lang"));
        CHECK(v.at("attract.card.text")
                  .find(k.strings().get(*langFromCode(v.at("attract.card.lang")),
                                        "attract.topic." + v.at("attract.card"))) != std::string::npos);
        k.wait(k.shell().config().attractCycleMs);
    }
    CHECK(seen.size() == static_cast<std::size_t>(cards)); // every topic, three languages
    CHECK(order[0] == "trafficking/id");
    CHECK(order[1] == "trafficking/jv");
    CHECK(order[2] == "trafficking/en");
    CHECK(order[3] == "scam-jobs/id");
    CHECK(seen.count({"abroad", "jv"}));
    CHECK(k.map().values.at("attract.card") == "trafficking"); // and round again
}

TEST_CASE("every card in every language at three sizes, with and without a logo: all inside the window, "
          "nothing overflowing, the card clear of the numbers")
{
    for (const auto& [w, h] : kSizes) {
        AnyPicture pictures;
        Harness k(w, h);
        k.shell().setPictures(&pictures);
        for (Lang lang : kAllLangs)
            for (const std::optional<std::string>& logo :
                 {std::optional<std::string>(), std::optional<std::string>("kanim.png")})
                for (long step = 0; step < 15; ++step) {
                    Still still{"attract", Route::home(), IdleTimer::Phase::Attract};
                    still.attractStep = step;
                    still.logo = logo;
                    k.stage().show(still, lang);
                    k.frames(2);
                    INFO(w, "x", h, " ", langCode(lang), " step ", step, logo ? " logo" : "");
                    REQUIRE(k.map().screen == "attract");
                    CHECK(k.map().lang == langCode(lang));
                    for (const char* id :
                         {"attract.numbers", "attract.service", "attract.card", "attract.touch"})
                        REQUIRE_MESSAGE(k.map().area(id), id);
                    CHECK(static_cast<bool>(k.map().area("attract.logo")) == logo.has_value());
                    for (const WidgetBox& a : k.map().areas) {
                        INFO(a.id, ": ", a.label);
                        CHECK(inside(a, w, h));
                        CHECK_FALSE(a.overflow);
                        for (const WidgetBox& b : k.map().areas)
                            if (&a != &b)
                                CHECK_MESSAGE(apart(a, b), a.id << " overlaps " << b.id);
                    }
                    for (const WidgetBox& b : k.map().widgets)
                        CHECK(inside(b, w, h));
                    // Help and the numbers in their band, above everything else.
                    const WidgetBox* help = k.map().find("help.open");
                    REQUIRE(help);
                    CHECK(apart(*help, *k.map().area("attract.numbers")));
                    CHECK(apart(*help, *k.map().area("attract.card")));
                    CHECK(help->h >= 96.f * ui::uiScale(w, h) - 0.5f);
                }
        if (w == 1920.f)
            CHECK(pictures.asked == std::set<std::string>{"kanim.png"});
    }
}

TEST_CASE("a new card changes only the card; nothing new changes nothing; another screen, everything")
{
    Harness k;
    REQUIRE(k.map().screen == "attract");
    k.frames(2);
    CHECK(k.shell().change().still);
    REQUIRE(k.shell().change().only);
    CHECK(k.shell().change().only->z <= k.shell().change().only->x); // the same picture again

    const WidgetBox card = *k.map().area("attract.card");
    k.wait(k.shell().config().attractCycleMs);
    REQUIRE(k.shell().change().only);
    const ImVec4 only = *k.shell().change().only;
    CHECK(only.x <= card.x);
    CHECK(only.y <= card.y);
    CHECK(only.z >= card.x + card.w);
    CHECK(only.w >= card.y + card.h);
    CHECK((only.z - only.x) * (only.w - only.y) < 0.5f * 1920 * 1080); // far from the whole screen
    // What lies outside it stayed where it was.
    CHECK(k.map().area("attract.card")->y == card.y);
    CHECK(k.map().area("attract.card")->h == card.h);

    // Awake, and back: the first attract frame is drawn whole.
    k.wake();
    CHECK(k.map().screen == "home");
    CHECK_FALSE(k.shell().change().still);
    k.wait(200'000);
    REQUIRE(k.map().screen == "attract");
    CHECK(k.shell().change().still);
    CHECK_FALSE(k.shell().change().only);
}

TEST_CASE("a card change costs one frame, and nothing else draws on the attract screen")
{
    Harness k;
    k.frames(5);
    REQUIRE(k.map().screen == "attract");
    CHECK_FALSE(k.shell().needsFrame());
    const Millis cycle = k.shell().config().attractCycleMs;
    const Millis due = k.shell().nextDue();
    CHECK(due > k.clock().now());
    CHECK(due <= k.clock().now() + cycle);
    k.clock().advance(due - k.clock().now() - 1);
    CHECK_FALSE(k.shell().needsFrame());
    k.clock().advance(1);
    CHECK(k.shell().needsFrame());
    k.frame();
    CHECK_FALSE(k.shell().needsFrame());
}

TEST_CASE("a logo missing from the media folder: a plain message, and the screen without a logo")
{
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[kiosk]\nid = \"CMG\"\nlogo = \"kanim.png\"\n");
    Problems problems;
    Config config = Config::load(file, problems);
    config.checkLogo(dir.path() / "media", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("kiosk.toml:3: kiosk.logo") != std::string::npos);
    AnyPicture pictures;
    Harness k(1920, 1080, [&](Config& c) { c.logo = config.logo; });
    k.shell().setPictures(&pictures);
    k.frames(2);
    REQUIRE(k.map().screen == "attract");
    CHECK_FALSE(k.map().area("attract.logo"));
    CHECK(pictures.asked.empty());

    // Configured and there: shown beside the partners' names.
    Harness shown(1920, 1080, [](Config& c) { c.logo = "kanim.png"; });
    shown.shell().setPictures(&pictures);
    shown.frames(2);
    const WidgetBox* logo = shown.map().area("attract.logo");
    REQUIRE(logo);
    CHECK(logo->x + logo->w <= shown.map().area("attract.service")->x);
    CHECK(logo->h == doctest::Approx(150.0));
    CHECK(logo->w == doctest::Approx(200.0)); // 400 x 300, as tall as the words
}
