// Frame layout: the same header and footer on every screen, the screen's content between them.
#include "ui/ui.hpp"

#include "ui/icons.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
// The screen itself stays at the back. (ImGui puts a new window with this flag at the back of the
// display order, so overlays must not have it.)
constexpr ImGuiWindowFlags kBackground = ImGuiWindowFlags_NoBringToFrontOnFocus;

void beginFullScreen(const char* name, ImGuiWindowFlags extra)
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin(name, nullptr, kFullScreen | extra);
}

} // namespace

void Ui::setLayout(const Fonts& fonts, const Metrics& metrics)
{
    m_fonts = fonts;
    m_metrics = metrics;
}

DrawResult Ui::draw(const ViewState& view, UiMap& map)
{
    DrawResult result;
    map.clear();
    map.lang = std::string(langCode(view.session.lang));
    Frame f{m_strings, m_content, m_contacts, m_pictures, view.session.lang, m_metrics, m_fonts, map};
    f.languages = m_languages;
    if (view.session.voice.spot)
        f.reading = &*view.session.voice.spot;
    const Metrics& m = m_metrics;

    if (view.maintenance) {
        map.screen = "maintenance";
        beginFullScreen("maintenance", kBackground);
        m_maintenance.draw(f);
        ImGui::End();
        return result;
    }

    if (view.phase == IdleTimer::Phase::Attract) {
        map.screen = "attract";
        map.lang = std::string(langCode(view.session.homeLang));
        beginFullScreen("attract", kBackground);
        m_attract.draw(f, view.attractStep);
        ImGui::End();
        return result;
    }

    if (view.session.visit != m_visit) {
        m_visit = view.session.visit;
        m_callbackForm.forget();
    }
    const Route& route = view.session.nav.current();
    map.screen = route.screenId();
    beginFullScreen("kiosk", kBackground);
    ImGui::PushFont(m_fonts.body);
    const ImVec2 size = ImGui::GetWindowSize();

    if (Asked a = drawHeader(f, view))
        result.asked = std::move(a);

    ImGui::SetCursorPos(ImVec2(0, m.headerHeight));
    // Every new screen (and every checklist step, and every visit) starts at the top. One content
    // window serves them all: a new ImGui window would ignore taps on its first frame.
    std::string screenKey = std::to_string(view.session.visit) + "/" + map.screen;
    if (route.kind == ScreenKind::Checklist)
        screenKey += "/" + std::to_string(view.session.checklist.answers.size());
    if (screenKey != m_screenKey) {
        m_screenKey = screenKey;
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    }
    // While a field of the form is edited, the keyboard takes the bottom of the content area.
    const bool keyboard = route.kind == ScreenKind::Callback && view.session.form.editing.has_value();
    // The review keeps its Edit and Send buttons below it in the same way.
    const bool reviewBar = route.kind == ScreenKind::CallbackReview;
    const float below = keyboard ? Keyboard::height(m) : reviewBar ? CallbackReviewScreen::barHeight(m) : 0.f;
    const float contentH = size.y - m.headerHeight - m.footerHeight - below;
    beginScrollArea("content", ImVec2(size.x, contentH), view.scroll, result.scrollBlocked);
    Asked screenAsked;
    switch (route.kind) {
    case ScreenKind::Home: screenAsked = m_home.draw(f); break;
    case ScreenKind::Page:
        if (const Page* page = m_content.page(route.id, view.session.lang))
            screenAsked = m_page.draw(f, *page);
        break;
    case ScreenKind::Checklist: {
        const ChecklistRules* rules = m_content.checklist(route.id);
        const ChecklistText* words = m_content.checklistText(route.id, view.session.lang);
        if (rules && words)
            screenAsked = m_checklist.draw(f, *rules, *words, view.session.checklist);
        break;
    }
    case ScreenKind::Callback: screenAsked = m_callbackForm.draw(f, view.session.form); break;
    case ScreenKind::CallbackReview: m_callbackReview.draw(f, view.session.form); break;
    case ScreenKind::CallbackDone: screenAsked = m_callbackDone.draw(f, view.session.reference); break;
    case ScreenKind::OfficerPin: screenAsked = m_officerPin.draw(f, view.session.officer); break;
    case ScreenKind::OfficerDashboard: {
        static const OfficerSnapshot kNoDesk{};
        screenAsked = m_officerDashboard.draw(f, view.session.desk ? *view.session.desk : kNoDesk,
                                              view.session.officer);
        break;
    }
    }
    endScrollArea();
    if (screenAsked)
        result.asked = std::move(screenAsked);
    if (keyboard) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH));
        if (Asked a = m_callbackForm.drawKeyboard(f, view.session.form, size.x))
            result.asked = std::move(a);
        result.animating = m_callbackForm.keyboardRepeating();
    }
    if (reviewBar) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH));
        if (Asked a = m_callbackReview.drawBar(f, view.session.form, size.x))
            result.asked = std::move(a);
    }

    if (Asked a = drawFooter(f, view))
        result.asked = std::move(a);
    ImGui::PopFont();
    ImGui::End();

    if (view.showError)
        drawErrorBanner(f);

    if (view.phase == IdleTimer::Phase::Prompt) {
        // The prompt covers the screen; what lies underneath is not tappable while it shows.
        map.widgets.clear();
        map.screen = "idle-prompt";
        beginFullScreen("idle-prompt", ImGuiWindowFlags_NoBackground);
        m_prompt.draw(f, view.promptSecondsLeft);
        ImGui::End();
    }
    return result;
}

Asked Ui::drawHeader(Frame& f, const ViewState& view)
{
    const Metrics& m = m_metrics;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, m.headerHeight), colours().frame);

    // Language buttons on the right, each named in its own language. The current one carries a
    // tick (not only a colour); the others a globe, where the header is wide enough for it.
    Asked action;
    const float pad = 22.f * m.scale;
    const float gap = 14.f * m.scale;
    const std::string& programme = f.t("header.programme");
    const float iconW = textWidth(m_fonts.icon, icon::kShield);
    const float textL = m.margin + iconW + 20.f * m.scale;
    const float titleW = std::max(textWidth(m_fonts.chromeTitle, programme), 260.f * m.scale);
    auto iconFor = [&](Lang lang, bool globes) -> const char* {
        if (lang == view.session.lang)
            return icon::kCheck;
        return globes ? icon::kGlobe : nullptr;
    };
    auto measure = [&](bool globes, float* widths) {
        float total = gap * static_cast<float>(m_languages.size() - 1);
        for (std::size_t i = 0; i < m_languages.size(); ++i) {
            const char* ic = iconFor(m_languages[i], globes);
            const std::string text =
                (ic ? std::string(ic) + "  " : std::string()) + m_strings.get(m_languages[i], "lang.self");
            widths[i] = std::max(textWidth(m_fonts.chromeBold, text) + 2 * pad, 120.f * m.scale);
            total += widths[i];
        }
        return total;
    };
    std::vector<float> widthList(m_languages.size());
    float* widths = widthList.data();
    bool globes = true;
    // Aa, the larger-text button, before the languages: a letter pair, its words in the UI map.
    const char* aa = "Aa";
    const float aaW = std::max(textWidth(m_fonts.chromeTitle, aa) + 2 * pad, m.tapHeight);
    float langW = measure(globes, widths) + aaW + gap;
    if (textL + titleW + gap + langW > size.x - m.margin) {
        globes = false;
        langW = measure(globes, widths) + aaW + gap;
    }
    const float by = (m.headerHeight - m.tapHeight) / 2;
    float x = size.x - m.margin - langW;
    ImGui::SetCursorPos(ImVec2(x, by));
    if (markButton(f, "header.text_size", aa, f.t("header.text_size"), ImVec2(aaW, m.tapHeight),
                   view.session.largeText ? ButtonStyle::Selected : ButtonStyle::OnFrame,
                   m_fonts.chromeTitle))
        action = intent::ToggleLargeText{};
    x += aaW + gap;
    for (std::size_t i = 0; i < m_languages.size(); ++i) {
        const Lang lang = m_languages[i];
        ImGui::SetCursorPos(ImVec2(x, by));
        const bool current = lang == view.session.lang;
        if (button(f, "lang." + std::string(langCode(lang)), iconFor(lang, globes),
                   m_strings.get(lang, "lang.self"), ImVec2(widths[i], m.tapHeight),
                   current ? ButtonStyle::Selected : ButtonStyle::OnFrame, m_fonts.chromeBold))
            action = intent::SetLang{lang};
        x += widths[i] + gap;
    }
    const float textR = size.x - m.margin - langW - gap;

    // Programme and village on the left.
    dl->AddText(m_fonts.icon, m_fonts.icon->FontSize,
                ImVec2(m.margin, (m.headerHeight - m_fonts.icon->FontSize) / 2), colours().onFrame,
                icon::kShield);
    // On a narrow screen the village wraps onto a second line rather than running under the buttons.
    const float villageH = wrappedHeight(m_fonts.chromeBody, view.village, textR - textL);
    const float lineH = m_fonts.chromeTitle->FontSize + villageH + 4.f * m.scale;
    const float ty = std::max(0.f, (m.headerHeight - lineH) / 2);
    const ImVec4 clip(textL, 0, textR, m.headerHeight);
    dl->AddText(m_fonts.chromeTitle, m_fonts.chromeTitle->FontSize, ImVec2(textL, ty), colours().onFrame,
                programme.c_str(), nullptr, 0, &clip);
    dl->AddText(m_fonts.chromeBody, m_fonts.chromeBody->FontSize,
                ImVec2(textL, ty + m_fonts.chromeTitle->FontSize + 4.f * m.scale), colours().onFrameMuted,
                view.village.c_str(), nullptr, textR - textL, &clip);
    return action;
}

Asked Ui::drawFooter(Frame& f, const ViewState& view)
{
    const Metrics& m = m_metrics;
    const ImVec2 size = ImGui::GetWindowSize();
    const float top = size.y - m.footerHeight;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(size.x, size.y), colours().frame);

    const float by = top + (m.footerHeight - m.tapHeight) / 2;
    if (view.session.nav.atHome()) {
        const std::string text = std::string(icon::kInfo) + "  " + f.t("footer.help");
        drawCentred(dl, m_fonts.body, colours().onFrame, text, ImVec2(m.margin, top),
                    ImVec2(size.x - m.margin, size.y));
        return {};
    }
    // Listen sits between Back and Home on every screen that has something to read.
    const ScreenKind kind = view.session.nav.current().kind;
    const bool listen =
        view.session.voice.available &&
        (kind == ScreenKind::Page || kind == ScreenKind::Checklist || kind == ScreenKind::Callback);
    const bool reading = !view.session.voice.reading.empty();
    // Javanese screens are read in Indonesian: the button says so under its word.
    const bool otherVoice = voiceFor(view.session.lang) != view.session.lang && !reading;
    Asked action;
    const float pad = 16.f * m.scale;
    const float avail = size.x - 2 * m.margin - (listen ? 2 : 1) * m.gap;
    const auto oneLine = [&](const char* ic, const std::string& label) {
        return textWidth(m_fonts.tile, std::string(ic) + "  " + label) + 2 * pad;
    };
    const std::string listenWords = std::string(reading ? icon::kStop : icon::kVolumeUp) + "  " +
                                    f.t(reading ? "voice.stop" : "voice.listen");
    const std::string& note = f.t("voice.in_indonesian");
    float w = std::min(420.f * m.scale, avail / (listen ? 3.f : 2.f));
    float listenW = w;
    bool stacked = false; // Back and Home with the icon above the word
    if (listen) {
        float listenNeed =
            std::max(oneLine(icon::kVolumeUp, f.t("voice.listen")), oneLine(icon::kStop, f.t("voice.stop")));
        if (otherVoice)
            listenNeed = std::max(listenNeed, textWidth(m_fonts.body, note) + 2 * pad);
        const float navNeed =
            std::max(oneLine(icon::kArrowLeft, f.t("nav.back")), oneLine(icon::kHome, f.t("nav.home")));
        const float navStacked =
            std::max(textWidth(m_fonts.tile, f.t("nav.back")), textWidth(m_fonts.tile, f.t("nav.home"))) +
            2 * pad;
        if (listenNeed > listenW) {
            // Back and Home give room, down to what their words need on one line, or on two.
            stacked = 2 * navNeed + listenNeed > avail && 2 * m_fonts.tile->FontSize + pad <= m.tapHeight;
            const float keep = stacked ? navStacked : navNeed;
            w = std::max(keep, std::min(w, (avail - listenNeed) / 2));
            listenW = avail - 2 * w;
        }
    }
    auto navButton = [&](const char* id, const char* ic, const std::string& label) {
        return stacked ? button(f, id, nullptr, std::string(ic) + "\n" + label, ImVec2(w, m.tapHeight),
                                ButtonStyle::Selected)
                       : button(f, id, ic, label, ImVec2(w, m.tapHeight), ButtonStyle::Selected);
    };
    ImGui::SetCursorPos(ImVec2(m.margin, by));
    if (navButton("nav.back", icon::kArrowLeft, f.t("nav.back")))
        action = intent::Back{};
    ImGui::SetCursorPos(ImVec2(size.x - m.margin - w, by));
    if (navButton("nav.home", icon::kHome, f.t("nav.home")))
        action = intent::Home{};
    if (listen) {
        ImGui::SetCursorPos(ImVec2((size.x - listenW) / 2, by));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const std::string id = reading ? "voice.stop" : "voice.listen";
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(listenW, m.tapHeight)))
            action = intent::Listen{};
        const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
        const ImVec2 max(pos.x + listenW, pos.y + m.tapHeight);
        WidgetBox* box = mapWidget(f, id, f.t(id) + (otherVoice ? " (" + note + ")" : ""), pos, max);
        // Reading: filled in the highlight's colour, like the sentence it reads.
        const ImU32 fill = pressed   ? colours().cardPressed
                           : reading ? colours().reading
                                     : colours().langActive;
        dl->AddRectFilled(pos, max, fill, m.rounding);
        const ImU32 ink = reading ? colours().text : colours().langActiveText;
        bool fits = true;
        if (otherVoice) {
            const float h1 = m_fonts.tile->FontSize, h2 = m_fonts.body->FontSize;
            const float y = pos.y + std::max(0.f, (m.tapHeight - h1 - h2) / 2);
            fits = drawCentred(dl, m_fonts.tile, ink, listenWords, ImVec2(pos.x + pad, y),
                               ImVec2(max.x - pad, y + h1));
            fits = drawCentred(dl, m_fonts.body, ink, note, ImVec2(pos.x + pad, y + h1),
                               ImVec2(max.x - pad, y + h1 + h2)) &&
                   fits && h1 + h2 <= m.tapHeight;
        } else {
            fits = drawCentred(dl, m_fonts.tile, ink, listenWords, ImVec2(pos.x + pad, pos.y + pad / 2),
                               ImVec2(max.x - pad, max.y - pad / 2));
        }
        if (box)
            box->overflow = !fits;
    }
    return action;
}

void Ui::drawErrorBanner(Frame& f)
{
    const Metrics& m = m_metrics;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = m.tapHeight;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 min(m.margin, m.headerHeight + m.gap);
    const ImVec2 max(vp->Size.x - m.margin, min.y + h);
    dl->AddRectFilled(min, max, colours().card, m.rounding);
    dl->AddRect(min, max, colours().frame, m.rounding, 0, 3.f * m.scale);
    drawCentred(dl, m_fonts.body, colours().text, std::string(icon::kInfo) + "  " + f.t("error.frame"),
                ImVec2(min.x + m.gap, min.y), ImVec2(max.x - m.gap, max.y));
    f.map.values["error"] = f.t("error.frame");
}

} // namespace kiosk::ui
