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

// Listen (or Stop while reading) at the cursor; on a Javanese screen, with "in Indonesian" under it.
bool listenButton(Frame& f, bool reading, bool otherVoice, ImVec2 size)
{
    const Metrics& m = f.m;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16.f * m.scale;
    const std::string words = std::string(reading ? icon::kStop : icon::kVolumeUp) + "  " +
                              f.t(reading ? "voice.stop" : "voice.listen");
    const std::string& note = f.t("voice.in_indonesian");
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string id = reading ? "voice.stop" : "voice.listen";
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    WidgetBox* box = mapWidget(f, id, f.t(id) + (otherVoice ? " (" + note + ")" : ""), pos, max);
    // Reading: filled in the highlight's colour, like the sentence it reads.
    const ImU32 fill = pressed ? colours().cardPressed : reading ? colours().reading : colours().langActive;
    dl->AddRectFilled(pos, max, fill, m.rounding);
    const ImU32 ink = reading ? colours().text : colours().langActiveText;
    bool fits = true;
    if (otherVoice) {
        const float h1 = f.fonts.tile->FontSize, h2 = f.fonts.body->FontSize;
        const float y = pos.y + std::max(0.f, (size.y - h1 - h2) / 2);
        fits = drawCentred(dl, f.fonts.tile, ink, words, ImVec2(pos.x + pad, y), ImVec2(max.x - pad, y + h1));
        fits = drawCentred(dl, f.fonts.body, ink, note, ImVec2(pos.x + pad, y + h1),
                           ImVec2(max.x - pad, y + h1 + h2)) &&
               fits && h1 + h2 <= size.y;
    } else {
        fits = drawCentred(dl, f.fonts.tile, ink, words, ImVec2(pos.x + pad, pos.y + pad / 2),
                           ImVec2(max.x - pad, max.y - pad / 2));
    }
    if (box)
        box->overflow = !fits;
    return tapped;
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
    f.callback = view.callback;
    if (view.session.voice.spot)
        f.reading = &*view.session.voice.spot;

    if (view.maintenance) {
        m_attract.forget();
        map.screen = "maintenance";
        beginFullScreen("maintenance", kBackground);
        m_maintenance.draw(f);
        ImGui::End();
        return result;
    }

    if (view.phase == IdleTimer::Phase::Attract) {
        // Nobody is here: the session's language is the one the next visit starts in.
        map.screen = "attract";
        beginFullScreen("attract", kBackground);
        result.changed = m_attract.draw(f, {.step = view.attractStep,
                                            .partners = view.partners,
                                            .logo = view.logo,
                                            .village = view.village});
        result.still = true;
        ImGui::End();
        return result;
    }
    m_attract.forget();

    if (view.session.visit != m_visit) {
        m_visit = view.session.visit;
        m_callbackForm.forget();
        m_recruiter.forget();
        m_statusCheck.forget();
    }
    map.screen = view.session.nav.current().screenId();
    beginFullScreen("kiosk", kBackground);
    ImGui::PushFont(m_fonts.body);
    if (Asked a = drawHeader(f, view))
        result.asked = std::move(a);
    drawContent(f, view, result);
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

void Ui::drawContent(Frame& f, const ViewState& view, DrawResult& result)
{
    const Metrics& m = m_metrics;
    const Route& route = view.session.nav.current();
    const ImVec2 size = ImGui::GetWindowSize();
    ImGui::SetCursorPos(ImVec2(0, m.headerHeight));
    // Every new screen (and every checklist step, and every visit) starts at the top. One content
    // window serves them all: a new ImGui window would ignore taps on its first frame.
    std::string screenKey = std::to_string(view.session.visit) + "/" + f.map.screen;
    if (route.isChecklist())
        screenKey += "/" + std::to_string(view.session.checklist.answers.size());
    if (screenKey != m_screenKey) {
        m_screenKey = screenKey;
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        m_moreBelow = false; // measured afresh below
    }
    // While a field of the form or the company search is edited, the keyboard takes the bottom of the
    // content area.
    const bool formKeyboard = route.kind == ScreenKind::Callback && view.session.form.editing.has_value();
    const bool searchKeyboard = route.kind == ScreenKind::Recruiter && view.session.search.typing &&
                                !m_content.registry.companies.empty();
    const bool referenceKeyboard =
        route.kind == ScreenKind::StatusCheck && view.session.status.typing && hasNews(view.statuses);
    const bool keyboard = formKeyboard || searchKeyboard || referenceKeyboard;
    // The review keeps its Edit and Send buttons below it in the same way.
    const bool reviewBar = route.kind == ScreenKind::CallbackReview;
    const float below = keyboard ? Keyboard::height(m) : reviewBar ? CallbackReviewScreen::barHeight(m) : 0.f;
    // Where the screen continues below what is shown, a cue under it says so (as the last frame
    // measured it; a change is drawn again at once).
    const float cueH = m_moreBelow ? scrollCueHeight(m) : 0.f;
    f.areaHeight = size.y - m.headerHeight - m.footerHeight - below;
    const float contentH = f.areaHeight - cueH;
    beginScrollArea("content", ImVec2(size.x, contentH), view.scroll + m_cueScroll, result.scrollBlocked);
    m_cueScroll = 0;
    Asked screenAsked = drawScreen(f, view);
    // The keyboard's form keeps the edited field in sight by itself.
    const bool moreBelow = !keyboard && continuesBelow(contentH + cueH);
    if (m_moreBelow)
        fadeBottom(scrollCueHeight(m) * 0.6f);
    endScrollArea();
    if (screenAsked)
        result.asked = std::move(screenAsked);
    if (m_moreBelow) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH));
        if (scrollCue(f, ImVec2(size.x, cueH)))
            m_cueScroll = contentH * 0.7f;
    }
    if (moreBelow != m_moreBelow) {
        m_moreBelow = moreBelow;
        result.animating = true;
    }
    if (keyboard) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH + cueH));
        Asked a = formKeyboard        ? m_callbackForm.drawKeyboard(f, view.session.form, size.x)
                  : referenceKeyboard ? m_statusCheck.drawKeyboard(f, size.x)
                                      : m_recruiter.drawKeyboard(f, view.session.search, size.x);
        if (a)
            result.asked = std::move(a);
        result.animating = result.animating || m_callbackForm.keyboardRepeating() ||
                           m_recruiter.keyboardRepeating() || m_statusCheck.keyboardRepeating();
    }
    if (reviewBar) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH + cueH));
        if (Asked a = m_callbackReview.drawBar(f, view.session.form, size.x))
            result.asked = std::move(a);
    }
}

Asked Ui::drawScreen(Frame& f, const ViewState& view)
{
    const Route& route = view.session.nav.current();
    switch (route.kind) {
    case ScreenKind::Home: return m_home.draw(f);
    case ScreenKind::Help: m_help.draw(f); return {};
    case ScreenKind::Page:
        if (const Page* page = m_content.page(route.id, view.session.lang))
            return m_page.draw(f, *page);
        return {};
    case ScreenKind::TakeHome: drawTakeHome(f, view); return {};
    case ScreenKind::Checklist: {
        const ChecklistRules* rules = m_content.checklist(route.id);
        const ChecklistText* words = m_content.checklistText(route.id, view.session.lang);
        if (rules && words)
            return m_checklist.draw(f, *rules, *words, view.session.checklist);
        return {};
    }
    case ScreenKind::Recruiter: return m_recruiter.draw(f, view.session.search);
    case ScreenKind::OfferCheck: {
        const ChecklistRules* rules = m_content.checklist(route.id);
        const ChecklistText* words = m_content.checklistText(route.id, view.session.lang);
        if (rules && words)
            return m_offerCheck.draw(f, *rules, *words, view.session.checklist);
        return {};
    }
    case ScreenKind::Callback: return m_callbackForm.draw(f, view.session.form);
    case ScreenKind::CallbackReview: m_callbackReview.draw(f, view.session.form); return {};
    case ScreenKind::CallbackDone: return m_callbackDone.draw(f, view.session.reference);
    case ScreenKind::StatusCheck:
        return m_statusCheck.draw(f, view.session.status, view.statuses, view.checkWaitSeconds);
    case ScreenKind::OfficerPin: return m_officerPin.draw(f, view.session.officer);
    case ScreenKind::OfficerDashboard: {
        static const OfficerSnapshot kNoDesk{};
        return m_officerDashboard.draw(f, view.session.desk ? *view.session.desk : kNoDesk,
                                       view.session.officer);
    }
    }
    return {};
}

void Ui::drawTakeHome(Frame& f, const ViewState& view)
{
    const Session& s = view.session;
    const Route from = s.nav.current().takenFrom();
    std::string title;
    if (from.kind == ScreenKind::Checklist) {
        if (const ChecklistText* words = m_content.checklistText(from.id, s.lang))
            title = words->title;
    } else if (const Page* page = m_content.page(from.id, s.lang)) {
        title = page->title;
    }
    const std::string text = takeHomeText(m_content, m_contacts, from, s.checklist, s.lang);
    if (offeredToTakeHome(text))
        m_takeHome.draw(f, title, text);
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
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), size, colours().frame);

    // Four places, each button always in its own: Back, Listen, Help, Home. On a portrait screen
    // Listen and Help sit above Back and Home.
    const Route& route = view.session.nav.current();
    const bool resident = !route.officer();
    const bool back = !view.session.nav.atHome();
    const bool listen = resident && view.session.voice.available && readsAloud(route.kind);
    const bool reading = !view.session.voice.reading.empty();
    // Javanese screens are read in Indonesian: the button says so under its word.
    const bool otherVoice = voiceFor(view.session.lang) != view.session.lang && !reading;
    const bool twoRows = m.footerRows == 2;
    const float rowGap = (m.footerHeight - static_cast<float>(m.footerRows) * m.tapHeight) /
                         static_cast<float>(m.footerRows + 1);
    const float lowY = size.y - rowGap - m.tapHeight;
    const float highY = twoRows ? lowY - rowGap - m.tapHeight : lowY;
    const float avail = size.x - 2 * m.margin;
    const float w = twoRows ? (avail - m.gap) / 2 : std::min(420.f * m.scale, (avail - 3 * m.gap) / 4);
    const float middleX = twoRows ? m.margin : (size.x - 2 * w - m.gap) / 2;
    // Icon above the word where a word and its icon do not fit side by side.
    const float pad = 16.f * m.scale;
    const auto fits = [&](const char* ic, const std::string& label) {
        return textWidth(m_fonts.tile, std::string(ic) + "  " + label) + 2 * pad <= w;
    };
    const bool stacked = !(fits(icon::kArrowLeft, f.t("nav.back")) && fits(icon::kHome, f.t("nav.home")) &&
                           fits(icon::kPhone, f.t("help.open"))) &&
                         2 * m_fonts.tile->FontSize + pad <= m.tapHeight;
    const auto place = [&](const char* id, const char* ic, const std::string& label, ButtonStyle style) {
        return stacked ? button(f, id, nullptr, std::string(ic) + "\n" + label, ImVec2(w, m.tapHeight), style)
                       : button(f, id, ic, label, ImVec2(w, m.tapHeight), style);
    };

    Asked action;
    if (back) {
        ImGui::SetCursorPos(ImVec2(m.margin, lowY));
        if (place("nav.back", icon::kArrowLeft, f.t("nav.back"), ButtonStyle::Selected))
            action = intent::Back{};
        ImGui::SetCursorPos(ImVec2(size.x - m.margin - w, lowY));
        if (place("nav.home", icon::kHome, f.t("nav.home"), ButtonStyle::Selected))
            action = intent::Home{};
    }
    if (listen) {
        ImGui::SetCursorPos(ImVec2(middleX, highY));
        if (listenButton(f, reading, otherVoice, ImVec2(w, m.tapHeight)))
            action = intent::Listen{};
    }
    if (resident && route.kind != ScreenKind::Help) {
        ImGui::SetCursorPos(ImVec2(middleX + w + m.gap, highY));
        if (place("help.open", icon::kPhone, f.t("help.open"), ButtonStyle::Urgent))
            action = intent::Open{Route::help()};
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
