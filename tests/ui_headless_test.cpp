// Headless UI tests: the real shell and screens with no window and no GL, driven by synthetic
// taps on the UI map, asserting on the navigation state.
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/dates.hpp"
#include "platform/font_files.hpp"
#include "shell/shell.hpp"
#include "shell/tour.hpp"
#include "store/requests.hpp"
#include "test_support.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/screens.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <memory>
#include <sstream>

using namespace kiosk;
using T = PointerEvent::Type;
using test::fontFiles;
using test::Harness;

TEST_CASE("the kiosk opens on the attract screen; the first touch wakes it to home")
{
    Harness k;
    CHECK(k.map().screen == "attract");
    k.wake();
    CHECK(k.map().screen == "home");
    CHECK(k.session().nav.atHome());
}

TEST_CASE("the UI map counts the touches and wheel steps taken and says when the picture stands still")
{
    Harness k;
    const UiMap::Input first = k.map().input;
    CHECK(first.frame == 2);
    CHECK(first.touches == 0);
    const WidgetBox start = *k.map().find("attract.start");
    k.wake();
    const UiMap::Input woke = k.map().input;
    CHECK(woke.touches == 1);
    CHECK(woke.touchX == doctest::Approx(start.centerX()));
    CHECK(woke.touchY == doctest::Approx(start.centerY()));
    CHECK(woke.frame > first.frame);
    k.frames(10);
    CHECK(k.map().input.settled);
    k.tap("home.tile.callback");
    CHECK(k.map().input.touches == 2);
    CHECK_FALSE(k.map().input.settled); // the new screen is still being drawn
    REQUIRE(k.reveal("form.consent"));
    CHECK(k.map().input.wheelSteps > 0);
    CHECK(k.map().input.touches == 2);
    k.frames(10);
    CHECK(k.map().input.settled);
    const std::string json = k.map().toJson();
    CHECK(json.find("\"wheel_steps\"") != std::string::npos);
    CHECK(json.find("\"settled\": true") != std::string::npos);
}

TEST_CASE("the touch that wakes the kiosk does not also open the tile under the finger")
{
    Harness k;
    k.wake();
    const WidgetBox tile = *k.map().find("home.tile.passport");
    k.wait(100'000); // prompt, countdown, attract again
    k.wait(20'000);
    REQUIRE(k.map().screen == "attract");
    k.tapAt(tile.centerX(), tile.centerY());
    CHECK(k.map().screen == "home");
}

TEST_CASE("home has a tile for every topic; each opens its screen; Back and Home return")
{
    Harness k;
    k.wake();
    for (const char* id : {"home.tile.trafficking", "home.tile.scam-jobs", "home.tile.work-abroad",
                           "home.tile.recruiter", "home.tile.passport", "home.tile.abroad",
                           "home.tile.hotlines", "home.tile.callback", "lang.id", "lang.jv", "lang.en"})
        CHECK_MESSAGE(k.map().find(id), id);
    CHECK_FALSE(k.map().find("nav.back"));
    CHECK_FALSE(k.map().find("nav.home"));

    for (Topic topic : kAllTopics) {
        const std::string id(topicId(topic));
        k.tap("home.tile." + id);
        CHECK(k.map().screen == id);
        CHECK(k.map().find("nav.back"));
        CHECK(k.map().find("nav.home"));
        k.tap("nav.back");
        CHECK(k.map().screen == "home");
        k.tap("home.tile." + id);
        k.tap("nav.home");
        CHECK(k.map().screen == "home");
        CHECK(k.session().nav.depth() == 1);
    }
}

TEST_CASE("the language switch changes every label and the map's language, not the ids")
{
    Harness k;
    k.wake();
    CHECK(k.map().lang == "id");
    CHECK(k.map().find("home.tile.trafficking")->label == "Waspada Perdagangan Orang (TPPO)");
    k.tap("lang.en");
    CHECK(k.map().lang == "en");
    CHECK(k.session().lang == Lang::En);
    CHECK(k.map().find("home.tile.trafficking")->label == "Beware of Human Trafficking (TPPO)");
    k.tap("home.tile.passport");
    k.tap("lang.jv");
    CHECK(k.map().screen == "passport"); // switching language keeps the place
    CHECK(k.map().find("nav.back")->label == "Wangsul");
    k.tap("lang.id");
    CHECK(k.map().find("nav.back")->label == "Kembali");
}

TEST_CASE("a tap shorter than a frame still clicks")
{
    Harness k;
    k.wake();
    const WidgetBox* w = k.map().find("home.tile.hotlines");
    REQUIRE(w);
    // Press and release both arrive before the next frame.
    k.shell().push({T::Down, w->centerX(), w->centerY(), k.clock().now(), 0});
    k.shell().push({T::Up, w->centerX(), w->centerY(), k.clock().now() + 5, 0});
    k.frames(3);
    CHECK(k.map().screen == "hotlines");
}

TEST_CASE("two quick taps in one frame are two clicks")
{
    Harness k;
    k.wake();
    const WidgetBox tile = *k.map().find("home.tile.passport");
    k.tap("home.tile.trafficking");
    const WidgetBox back = *k.map().find("nav.back");
    // Back, then (on home) the passport tile, all queued at once: each press gets its own frame.
    const Millis t = k.clock().now();
    k.shell().push({T::Down, back.centerX(), back.centerY(), t, 0});
    k.shell().push({T::Up, back.centerX(), back.centerY(), t + 1, 0});
    k.shell().push({T::Down, tile.centerX(), tile.centerY(), t + 2, 0});
    k.shell().push({T::Up, tile.centerX(), tile.centerY(), t + 3, 0});
    k.frames(6);
    CHECK(k.map().screen == "passport");
    CHECK(k.session().nav.depth() == 2);
}

TEST_CASE("a drag that starts and ends on a tile does not open it")
{
    Harness k(1080, 1920);
    k.wake();
    const WidgetBox w = *k.map().find("home.tile.work-abroad");
    const float x = w.centerX(), y0 = w.centerY();
    k.shell().push({T::Down, x, y0, k.clock().now(), 0});
    k.frame();
    // Out past the drag threshold and back: the finger lifts where it went down, on the tile.
    for (float dy : {-10.f, -25.f, -40.f, -25.f, -10.f, 0.f}) {
        k.shell().push({T::Move, x, y0 + dy, k.clock().now(), 0});
        k.frame();
    }
    k.shell().push({T::Up, x, y0, k.clock().now(), 0});
    k.frames(4);
    CHECK(k.map().screen == "home");
    CHECK_FALSE(ImGui::IsAnyItemActive());
    // The same press and release without the drag does open it.
    k.tapAt(x, y0);
    CHECK(k.map().screen == "work-abroad");
}

TEST_CASE("a drag on a long page scrolls it; a tap on a link afterwards still works")
{
    Harness k(1280, 800);
    k.wake();
    k.tap("home.tile.passport");
    REQUIRE(k.map().screen == "passport");
    const WidgetBox before = *k.map().find("page.link.checklist.passport");
    // Drag the page up by 300 px, slowly (no glide).
    float y = 600;
    k.shell().push({T::Down, 640, y, k.clock().now(), 0});
    k.frame();
    for (int i = 0; i < 15; ++i) {
        y -= 20;
        k.clock().advance(50);
        k.shell().push({T::Move, 640, y, k.clock().now(), 0});
        k.frame();
    }
    k.clock().advance(300);
    k.shell().push({T::Up, 640, y, k.clock().now(), 0});
    k.frames(4);
    const WidgetBox* after = k.map().find("page.link.checklist.passport");
    CHECK((after == nullptr || after->y < before.y - 100)); // moved up, or scrolled out of sight
    CHECK(k.map().screen == "passport");
    // Back to the top by dragging down, then the link opens the checklist.
    k.shell().push({T::Down, 640, 200, k.clock().now(), 0});
    k.frame();
    for (int i = 0; i < 30; ++i) {
        k.clock().advance(50);
        k.shell().push({T::Move, 640, 200.f + static_cast<float>(i) * 20, k.clock().now(), 0});
        k.frame();
    }
    k.clock().advance(300);
    k.shell().push({T::Up, 640, 780, k.clock().now(), 0});
    k.frames(4);
    k.tap("page.link.checklist.passport");
    CHECK(k.map().screen == "checklist-passport");
}

TEST_CASE("the checklist: answers lead to the documents; ticking one shows it as held; help opens the form")
{
    Harness k;
    k.wake();
    k.tap("home.tile.passport");
    k.tap("page.link.checklist.passport");
    REQUIRE(k.map().screen == "checklist-passport");
    k.tap("checklist.answer.self");
    k.tap("checklist.answer.work");
    k.tap("checklist.answer.18-or-older");
    k.tap("checklist.answer.new");
    CHECK(k.map().find("checklist.doc.ktp"));
    k.tap("checklist.doc.ktp");
    CHECK(k.reveal("checklist.doc.disnaker-recommendation"));
    CHECK_FALSE(k.reveal("checklist.doc.parents-ktp"));
    CHECK(k.session().checklist.have.count("ktp") == 1);
    // Back takes back the last answer.
    k.tap("nav.back");
    CHECK(k.map().find("checklist.answer.renewal"));
    k.tap("checklist.answer.renewal");
    CHECK(k.reveal("checklist.doc.old-passport"));
    k.revealAndTap("checklist.help");
    CHECK(k.map().screen == "callback");
    CHECK(k.session().nav.current().id == "passport");
}

TEST_CASE("the job-offer check from the scam-jobs page: answers by offer.answer.<question>.<answer>, then "
          "the result; a grave sign first, with the numbers to call, and help reports trafficking")
{
    Harness k(1280, 800);
    k.wake();
    k.tap("home.tile.scam-jobs");
    k.revealAndTap("page.link.checklist.offer");
    REQUIRE(k.map().screen == "offer-check");
    const std::pair<const char*, const char*> answers[] = {
        {"country", "other"},    {"job", "listed"},     {"pay", "no"},
        {"recruiter", "social"}, {"fee", "yes"},        {"payment", "personal"},
        {"contract", "clear"},   {"passport", "agent"}, {"visa", "work"}};
    for (const auto& [question, answer] : answers) {
        INFO(question);
        CHECK_FALSE(k.map().find("offer.result"));
        k.tap("offer.answer." + std::string(question) + "." + answer);
    }
    REQUIRE(k.map().find("offer.result"));
    CHECK(k.map().find("offer.result")->label.find("5") != std::string::npos); // five signs found
    // Grave first: the passport held by others above the fee.
    const WidgetBox* held = k.map().find("offer.sign.passport-held");
    REQUIRE(held);
    CHECK(held->y > k.map().find("offer.result")->y);
    if (const WidgetBox* fee = k.map().find("offer.sign.fee"))
        CHECK(fee->y > held->y);
    else
        CHECK(k.reveal("offer.sign.fee")); // below the first screenful, so below the grave sign
    CHECK(k.reveal("help.number.police"));
    CHECK(k.reveal("help.number.sapa"));
    k.revealAndTap("offer.help");
    CHECK(k.map().screen == "callback");
    CHECK(k.session().nav.current().id == "trafficking");
    CHECK(k.session().form.dangerCard); // the numbers to call now come first there too
    // The officer reads which signs the resident found.
    const std::string note = k.session().form.at(Field::Note).text;
    CHECK(note.rfind("Cek tawaran kerja: ", 0) == 0);
    const ChecklistText* words = k.content().checklistText("offer", Lang::Id);
    REQUIRE(words);
    CHECK(note.find(words->signs.at("fee").name) != std::string::npos);
    // And from the result to the company search.
    k.tap("nav.back");
    k.revealAndTap("offer.company");
    CHECK(k.map().screen == "recruiter");
}

TEST_CASE("the job-offer check with no sign says so without calling the offer safe; help asks about work "
          "abroad; Back takes back an answer; restart starts again")
{
    Harness k;
    k.wake();
    k.tap("home.tile.work-abroad");
    k.revealAndTap("page.link.checklist.offer");
    REQUIRE(k.map().screen == "offer-check");
    const std::pair<const char*, const char*> answers[] = {
        {"country", "other"}, {"job", "other"},      {"pay", "no"},      {"recruiter", "company"},
        {"fee", "no"},        {"contract", "clear"}, {"passport", "me"}, {"visa", "work"}};
    for (const auto& [question, answer] : answers)
        k.tap("offer.answer." + std::string(question) + "." + answer);
    CHECK_FALSE(k.map().find("offer.answer.payment.personal")); // not asked: no money was asked for
    const WidgetBox* result = k.map().find("offer.result");
    REQUIRE(result);
    CHECK(result->label.find(k.strings().get(Lang::Id, "offer.none")) != std::string::npos);
    CHECK(result->label.find("aman") == std::string::npos);
    for (const auto& sign : k.content().checklist("offer")->signs)
        CHECK_FALSE(k.map().find("offer.sign." + sign.id));
    CHECK_FALSE(k.reveal("help.number.police"));
    // Back: the last question again.
    k.tap("nav.back");
    CHECK(k.map().find("offer.answer.visa.visit"));
    k.tap("offer.answer.visa.visit");
    CHECK(k.reveal("offer.sign.visit-visa"));
    k.tap("nav.back");
    k.tap("offer.answer.visa.work");
    k.revealAndTap("offer.help");
    CHECK(k.map().screen == "callback");
    CHECK(k.session().nav.current().id == "work-abroad");
    CHECK(k.session().form.at(Field::Note).text.empty()); // no sign: nothing to note
    k.tap("nav.back");
    REQUIRE(k.map().screen == "offer-check");
    k.revealAndTap("offer.restart");
    CHECK(k.map().find("offer.answer.country.other"));
    CHECK(k.session().checklist.answers.empty());
}

TEST_CASE("the checklist asks for whom first; a parent's child gets the child's documents; the result "
          "says where its facts come from and when they were checked, in the resident's language")
{
    Harness k;
    k.wake();
    k.tap("lang.jv");
    k.tap("home.tile.passport");
    k.tap("page.link.checklist.passport");
    REQUIRE(k.map().screen == "checklist-passport");
    CHECK(k.map().find("checklist.answer.self"));
    k.tap("checklist.answer.child");
    k.tap("checklist.answer.study");
    CHECK_FALSE(k.map().find("checklist.answer.under-17")); // no "how old are you?" for a child
    k.tap("checklist.answer.no");
    k.tap("checklist.answer.new");
    CHECK(k.reveal("checklist.doc.child-birth-certificate"));
    CHECK(k.reveal("checklist.doc.parents-present"));
    CHECK_FALSE(k.reveal("checklist.doc.ktp"));
    const ChecklistText* words = k.content().checklistText("passport", Lang::Jv);
    REQUIRE(words);
    CHECK(k.reveal("checklist.restart")); // at the end: the source and date stand above it
    REQUIRE(k.map().values.count("verified"));
    REQUIRE_FALSE(words->sources.empty());
    const Source& first = k.content().sources.at(words->sources.front());
    CHECK(k.map().values.at("source").find(readableSource(first, Lang::Jv, "")) == 0);
    CHECK(k.map().values.at("verified") == formatDate(words->verified, Lang::Jv));
    CHECK(k.map().values.at("verified").find('-') == std::string::npos);
    // A guidance page shows its date the same way.
    k.tap("lang.en");
    k.tap("nav.home");
    k.tap("home.tile.passport");
    const Page* page = k.content().page("passport", Lang::En);
    REQUIRE(page);
    REQUIRE(k.map().values.count("verified"));
    CHECK(k.map().values.at("verified") == formatDate(page->verified, Lang::En));
}

TEST_CASE("every icon a checklist may name has its glyph")
{
    for (const std::string& name : checklistIcons())
        CHECK_MESSAGE(ui::checklistIcon(name) != nullptr, name);
    CHECK(ui::checklistIcon("unicorn") == nullptr);
}

TEST_CASE("the icons drawn in the display size have their glyphs, not a question mark")
{
    const ui::FontSet set = ui::buildFontSet(test::fontFiles(), 1.f);
    for (const char* icon : {ui::icon::kInfo, ui::icon::kHandPointer, ui::icon::kPhone}) {
        // Font Awesome's icons are three bytes of UTF-8 each.
        const auto* u = reinterpret_cast<const unsigned char*>(icon);
        const unsigned cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
        CHECK_MESSAGE(set.fonts.display->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr, cp);
    }
}

TEST_CASE("after a tap the pointer is gone, so nothing stays highlighted")
{
    Harness k;
    k.wake();
    k.tap("lang.en");
    k.frames(2);
    CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX);
    CHECK_FALSE(ImGui::IsAnyItemHovered());
    CHECK_FALSE(ImGui::IsAnyItemActive());
}

TEST_CASE("idle: the prompt after 90 s, a touch keeps the visit, the countdown wipes it")
{
    Harness k;
    k.wake();
    k.tap("lang.jv");
    k.tap("home.tile.passport");
    k.wait(89'000);
    CHECK(k.map().screen == "passport");
    k.wait(1'500);
    CHECK(k.map().screen == "idle-prompt");
    CHECK(k.map().find("idle.continue"));
    CHECK_FALSE(k.map().find("nav.home")); // the prompt covers the screen

    k.tap("idle.continue");
    CHECK(k.map().screen == "passport");
    CHECK(k.session().lang == Lang::Jv);

    // Touching anywhere also dismisses it, and presses nothing underneath.
    k.wait(91'000);
    REQUIRE(k.map().screen == "idle-prompt");
    k.tapAt(10, 10);
    CHECK(k.map().screen == "passport");

    k.wait(91'000);
    REQUIRE(k.map().screen == "idle-prompt");
    k.wait(15'000);
    CHECK(k.map().screen == "attract");
    CHECK(k.session().lang == Lang::Id);
    CHECK(k.session().nav.atHome());
    k.wake();
    CHECK(k.map().screen == "home");
    CHECK(k.map().lang == "id");
}

TEST_CASE("the render loop rests when nothing changes and wakes for input and the clock")
{
    Harness k;
    k.wake();
    k.frames(5);
    CHECK_FALSE(k.shell().needsFrame());
    CHECK(k.shell().nextDue() > k.clock().now() + 60'000); // next: the idle prompt
    k.shell().push({T::Down, 5, 500, k.clock().now(), 0});
    CHECK(k.shell().needsFrame());
    k.frames(5);
    k.shell().push({T::Up, 5, 500, k.clock().now(), 0});
    k.frames(5);
    CHECK_FALSE(k.shell().needsFrame());
    k.clock().advance(91'000);
    CHECK(k.shell().needsFrame());
}

TEST_CASE("every screen in every language at every size, with larger text too: all words present, targets "
          "large, words inside them, no overlap")
{
    struct Size {
        float w, h;
    };
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{1280, 800}}) {
        Harness k(size.w, size.h);
        const float scale = ui::uiScale(size.w, size.h);
        const auto stills = tourStills(k.content());
        for (Lang lang : kAllLangs) {
            for (const Still& still : stills) {
                k.stage().show(still, lang);
                k.frames(4);
                INFO(size.w, "x", size.h, " ", still.name, " ", langCode(lang));
                CHECK(k.map().screen == (still.phase == IdleTimer::Phase::Active ? still.route.screenId()
                                         : still.phase == IdleTimer::Phase::Prompt
                                             ? std::string("idle-prompt")
                                             : std::string("attract")));
                CHECK_FALSE(k.map().widgets.empty());
                for (const WidgetBox& w : k.map().widgets) {
                    INFO("widget ", w.id);
                    if (!w.clipped)
                        CHECK(w.h >= 96.f * scale - 0.5f);
                    CHECK_MESSAGE(!w.overflow, w.id << " (" << w.label << ") does not hold its words");
                    CHECK(w.x >= 0);
                    CHECK(w.y >= 0);
                    CHECK(w.x + w.w <= size.w + 0.5f);
                    CHECK(w.y + w.h <= size.h + 0.5f);
                    for (const WidgetBox& o : k.map().widgets) {
                        if (&o == &w)
                            continue;
                        const bool apart =
                            w.x + w.w <= o.x || o.x + o.w <= w.x || w.y + w.h <= o.y || o.y + o.h <= w.y;
                        CHECK_MESSAGE(apart, w.id << " overlaps " << o.id);
                    }
                }
            }
        }
        for (const auto& key : k.strings().missing())
            FAIL_CHECK("no text for " << key);
    }
}

namespace {

// Types `text` key by key on the on-screen keyboard, as a finger would.
void typeOnKeyboard(Harness& k, const std::string& text)
{
    for (const char c : text) {
        std::string id(1, c);
        if (c == ' ')
            id = "space";
        else if (c == '.')
            id = "period";
        else if (c == ',')
            id = "comma";
        k.tap("osk.key." + id);
    }
}

} // namespace

TEST_CASE("a resident fills the whole form with the on-screen keyboard alone, sends it, and the request "
          "is in the database with the reference shown")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    auto opened = store::RequestStore::open(dir.path() / "kiosk.db", "CMG", wall, log);
    REQUIRE(opened.store->available());
    Harness k;
    k.saveTo(*opened.store);
    k.wake();
    k.tap("home.tile.callback");
    REQUIRE(k.map().screen == "callback");
    CHECK_FALSE(k.map().find("osk.key.a")); // no keyboard until a field is touched

    k.tap("form.field.name");
    REQUIRE(k.map().find("osk.key.q"));
    typeOnKeyboard(k, "siti aminah");
    k.tap("osk.key.next");
    CHECK(k.session().form.editing == Field::Phone);
    CHECK(k.map().find("osk.key.0"));       // the number pad
    CHECK_FALSE(k.map().find("osk.key.q")); // not the letters
    typeOnKeyboard(k, "0812 3456 7890");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "krajan");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "3");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "05");
    k.tap("osk.key.next");
    CHECK(k.session().form.editing == Field::Note);
    typeOnKeyboard(k, "tolong telepon sore, terima kasih.");
    k.tap("osk.key.done");
    CHECK_FALSE(k.map().find("osk.key.a"));

    // The map tells a test driving a slow machine whether its touch was taken (appliance test).
    const auto valueOf = [&](const char* id) {
        const WidgetBox* w = k.map().find(id);
        REQUIRE(w);
        return w->value;
    };
    k.revealAndTap("form.topic.work-abroad");
    CHECK(valueOf("form.topic.work-abroad") == "chosen");
    CHECK(valueOf("form.topic.passport").empty());
    k.revealAndTap("form.time.afternoon");
    CHECK(valueOf("form.time.afternoon") == "chosen");
    k.reveal("form.consent");
    CHECK(valueOf("form.consent").empty());
    k.revealAndTap("form.consent");
    CHECK(valueOf("form.consent") == "ticked");
    k.revealAndTap("form.review");
    REQUIRE(k.map().screen == "callback-review");
    k.tap("form.send");
    REQUIRE(k.map().screen == "callback-done");
    const std::string reference = k.map().values.at("reference");
    CHECK(reference == "CMG-0001");

    const auto rows = opened.store->list();
    REQUIRE(rows.size() == 1);
    const StoredRequest& row = rows.front();
    CHECK(row.reference == reference);
    CHECK(row.request.name == "Siti Aminah"); // each word started with a capital by itself
    CHECK(row.request.phone == "+6281234567890");
    CHECK(row.request.dusun == "Krajan");
    CHECK(row.request.rt == "3");
    CHECK(row.request.rw == "5");
    CHECK(row.request.topic == RequestTopic::WorkAbroad);
    CHECK(row.request.time == ContactTime::Afternoon);
    CHECK(row.request.note == "tolong telepon sore, terima kasih.");
    CHECK(row.request.lang == Lang::Id);

    // Nothing of it is left for the next resident.
    k.tap("form.finish");
    CHECK(k.session().nav.atHome());
    k.tap("home.tile.callback");
    CHECK(k.session().form.at(Field::Name).text.empty());
    CHECK(log.str().empty());
}

TEST_CASE("backspace: a tap deletes one character, holding it deletes on and on, letting go adds none")
{
    Harness k;
    k.wake();
    k.tap("home.tile.callback");
    k.tap("form.field.name");
    typeOnKeyboard(k, "abcdefghijklmnop");
    const std::string& name = k.session().form.at(Field::Name).text;
    REQUIRE(name.size() == 16);
    k.tap("osk.key.backspace");
    CHECK(name.size() == 15);

    const WidgetBox* key = k.map().find("osk.key.backspace");
    REQUIRE(key);
    const float x = key->centerX(), y = key->centerY();
    k.shell().push({T::Down, x, y, k.clock().now(), 0});
    k.frame();
    for (int i = 0; i < 60; ++i) {     // about a second
        CHECK(k.shell().needsFrame()); // the repeat needs frames although nothing else moves
        k.frame();
    }
    const std::size_t held = name.size();
    CHECK(held <= 15 - 4);
    CHECK(held >= 15 - 9);
    k.shell().push({T::Up, x, y, k.clock().now(), 0});
    k.frames(3);
    CHECK(name.size() == held);

    // A touch that lands on backspace and turns into a drag deletes nothing, at once or later.
    k.shell().push({T::Down, x, y, k.clock().now(), 0});
    k.frame();
    for (int i = 1; i <= 12; ++i) {
        k.shell().push({T::Move, x, y - 10.f * static_cast<float>(i), k.clock().now(), 0});
        k.frame();
    }
    k.wait(1000);
    k.shell().push({T::Up, x, y - 120.f, k.clock().now(), 0});
    k.frames(3);
    CHECK(name.size() == held);
}

TEST_CASE("the idle wipe takes the form, the keyboard and the reference with it")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    auto opened = store::RequestStore::open(dir.path() / "kiosk.db", "CMG", wall, log);
    Harness k;
    k.saveTo(*opened.store);
    k.wake();
    k.tap("home.tile.callback");
    k.tap("form.field.name");
    typeOnKeyboard(k, "siti");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "081234567890");
    // Left half-typed with the keyboard open: prompt, countdown, wipe.
    k.wait(91'000);
    CHECK(k.map().screen == "idle-prompt");
    k.wait(16'000);
    CHECK(k.map().screen == "attract");
    k.wake();
    k.tap("home.tile.callback");
    CHECK(k.session().form.at(Field::Name).text.empty());
    CHECK(k.session().form.at(Field::Phone).text.empty());
    CHECK_FALSE(k.session().form.editing);
    CHECK_FALSE(k.map().find("osk.key.a"));

    // A confirmation left on screen goes too.
    k.tap("form.field.name");
    typeOnKeyboard(k, "tri");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "085711112222");
    k.tap("osk.key.done");
    k.revealAndTap("form.topic.other");
    k.revealAndTap("form.consent");
    k.revealAndTap("form.review");
    k.tap("form.send");
    REQUIRE(k.map().screen == "callback-done");
    k.wait(91'000);
    k.wait(16'000);
    CHECK(k.map().screen == "attract");
    CHECK(k.session().reference.empty());
    k.wake();
    CHECK(k.map().screen == "home");
}

TEST_CASE("when the request cannot be saved, the resident is told calmly and keeps everything typed")
{
    test::TempDir dir;
    SystemClock wall;
    std::ostringstream log;
    // A folder that does not exist: no database can be made there.
    auto opened = store::RequestStore::open(dir.path() / "no-such-folder" / "kiosk.db", "CMG", wall, log);
    CHECK_FALSE(opened.store->available());
    Harness k;
    k.saveTo(*opened.store);
    k.wake();
    k.tap("home.tile.callback");
    k.tap("form.field.name");
    typeOnKeyboard(k, "tri");
    k.tap("osk.key.next");
    typeOnKeyboard(k, "085711112222");
    k.tap("osk.key.done");
    k.revealAndTap("form.topic.other");
    k.revealAndTap("form.consent");
    k.revealAndTap("form.review");
    REQUIRE(k.map().screen == "callback-review");
    k.tap("form.send");
    CHECK(k.map().screen == "callback-review");
    CHECK(k.session().form.sendFailure == SaveFailure::Unavailable);
    const WidgetBox* retry = k.map().find("form.send");
    REQUIRE(retry);
    CHECK(retry->label == k.strings().get(Lang::Id, "review.retry"));
    CHECK(k.session().form.at(Field::Name).text == "Tri");
    // The log says what failed, never who.
    CHECK(log.str().find("Tri") == std::string::npos);
    CHECK(log.str().find("0857") == std::string::npos);
    // Back to the form: still filled.
    k.tap("form.edit");
    CHECK(k.map().screen == "callback");
    CHECK(k.session().form.at(Field::Phone).text == "085711112222");
}

TEST_CASE("bad typing gets a message in the resident's language beside the field, and nothing is lost")
{
    Harness k;
    k.wake();
    k.tap("lang.jv");
    k.tap("home.tile.callback");
    k.tap("form.field.phone");
    typeOnKeyboard(k, "0271");
    k.revealAndTap("form.field.name"); // leaving the phone field checks it
    CHECK(k.session().form.errorOf(Field::Phone) == "form.error.phone_landline");
    CHECK(k.session().form.at(Field::Phone).text == "0271");
    CHECK(k.strings().get(Lang::Jv, "form.error.phone_landline").find("nomer HP") != std::string::npos);
    // Tapping in the text moves the caret there.
    k.tap("osk.key.done");
    const WidgetBox* box = k.map().find("form.field.phone");
    REQUIRE(box);
    k.tapAt(box->x + 5, box->centerY()); // at the very start of the text
    CHECK(k.session().form.editing == Field::Phone);
    CHECK(k.session().form.at(Field::Phone).caret == 0);
}

namespace {

// A picture that cannot be drawn throws, as a broken file or a full GPU memory might.
class BrokenPictures final : public PictureSource {
public:
    std::optional<Picture> picture(const std::string& file) override
    {
        ++asked;
        throw std::runtime_error("cannot decode " + file);
    }
    int asked = 0;
};

} // namespace

TEST_CASE(
    "a frame that throws: a calm message and home; many in a row end the kiosk for its service to restart")
{
    Harness k;
    BrokenPictures broken;
    k.shell().setPictures(&broken);
    k.wake();
    k.revealAndTap("home.tile.work-abroad"); // its steps picture throws while the page is drawn
    CHECK(broken.asked > 0);
    k.frames(2);
    CHECK(k.map().screen == "home");
    CHECK(k.session().nav.current().kind == ScreenKind::Home);
    REQUIRE(k.map().values.count("error"));
    CHECK(k.map().values.at("error") == k.strings().get(Lang::Id, "error.frame"));
    // The message goes by itself; the kiosk goes on as before.
    k.wait(7'000);
    k.frames(2);
    CHECK_FALSE(k.map().values.count("error"));
    k.tap("home.tile.passport");
    CHECK(k.map().screen != "home");

    // A page that fails every time it is shown, 19 times in a row: each time home again.
    for (int i = 0; i < 19; ++i) {
        k.stage().show(Route::page("work-abroad"), Lang::Id);
        k.shell().update();
        CHECK(k.shell().frame() == nullptr);
    }
    // The 20th in a row: the kiosk gives up so that systemd starts it afresh (exit 70 in runKiosk).
    k.stage().show(Route::page("work-abroad"), Lang::Id);
    k.shell().update();
    CHECK_THROWS_AS((void)k.shell().frame(), FatalFrameError);
}
