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
        map.lang = std::string(langCode(kDefaultLang));
        beginFullScreen("attract", kBackground);
        m_attract.draw(f, view.attractStep);
        ImGui::End();
        return result;
    }

    if (view.session.visit != m_visit) {
        m_visit = view.session.visit;
        m_callback.forget();
    }
    const Route& route = view.session.nav.current();
    map.screen = route.screenId();
    beginFullScreen("kiosk", kBackground);
    ImGui::PushFont(m_fonts.body);
    const ImVec2 size = ImGui::GetWindowSize();

    if (Action a = drawHeader(f, view); a.any())
        result.action = a;

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
    const float below = keyboard ? Keyboard::height(m) : reviewBar ? CallbackScreen::reviewBarHeight(m) : 0.f;
    const float contentH = size.y - m.headerHeight - m.footerHeight - below;
    beginScrollArea("content", ImVec2(size.x, contentH), view.scroll, result.scrollBlocked);
    Action screenAction;
    switch (route.kind) {
    case ScreenKind::Home: screenAction = m_home.draw(f); break;
    case ScreenKind::Page:
        if (const Page* page = m_content.page(route.id, view.session.lang))
            screenAction = m_page.draw(f, *page);
        break;
    case ScreenKind::Checklist: {
        const ChecklistRules* rules = m_content.checklist(route.id);
        const ChecklistText* words = m_content.checklistText(route.id, view.session.lang);
        if (rules && words)
            screenAction = m_checklist.draw(f, *rules, *words, view.session.checklist);
        break;
    }
    case ScreenKind::Callback: screenAction = m_callback.drawForm(f, view.session.form); break;
    case ScreenKind::CallbackReview: m_callback.drawReview(f, view.session.form); break;
    case ScreenKind::CallbackDone: screenAction = m_callback.drawDone(f, view.session.reference); break;
    case ScreenKind::OfficerPin: screenAction = m_officerPin.draw(f, view.session.officer); break;
    case ScreenKind::OfficerDashboard: {
        static const OfficerSnapshot kNoDesk{};
        screenAction = m_officerDashboard.draw(f, view.officer ? *view.officer : kNoDesk);
        break;
    }
    }
    endScrollArea();
    if (screenAction.any())
        result.action = screenAction;
    if (keyboard) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH));
        if (Action a = m_callback.drawKeyboard(f, view.session.form, size.x); a.any())
            result.action = a;
        result.animating = m_callback.keyboardRepeating();
    }
    if (reviewBar) {
        ImGui::SetCursorPos(ImVec2(0, m.headerHeight + contentH));
        if (Action a = m_callback.drawReviewBar(f, view.session.form, size.x); a.any())
            result.action = a;
    }

    if (Action a = drawFooter(f, view.session.nav.atHome()); a.any())
        result.action = a;
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

Action Ui::drawHeader(Frame& f, const ViewState& view)
{
    const Metrics& m = m_metrics;
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, m.headerHeight), colours().frame);

    // Language buttons on the right, each named in its own language. The current one carries a
    // tick (not only a colour); the others a globe, where the header is wide enough for it.
    Action action;
    const float pad = 22.f * m.scale;
    const float gap = 14.f * m.scale;
    const std::string& programme = f.t("header.programme");
    const float iconW = textWidth(m_fonts.icon, icon::kShield);
    const float textL = m.margin + iconW + 20.f * m.scale;
    const float titleW = std::max(textWidth(m_fonts.tile, programme), 260.f * m.scale);
    auto iconFor = [&](Lang lang, bool globes) -> const char* {
        if (lang == view.session.lang)
            return icon::kCheck;
        return globes ? icon::kGlobe : nullptr;
    };
    auto measure = [&](bool globes, float* widths) {
        float total = gap * static_cast<float>(kAllLangs.size() - 1);
        for (std::size_t i = 0; i < kAllLangs.size(); ++i) {
            const char* ic = iconFor(kAllLangs[i], globes);
            const std::string text =
                (ic ? std::string(ic) + "  " : std::string()) + m_strings.get(kAllLangs[i], "lang.self");
            widths[i] = std::max(textWidth(m_fonts.bodyBold, text) + 2 * pad, 120.f * m.scale);
            total += widths[i];
        }
        return total;
    };
    float widths[kAllLangs.size()]{};
    bool globes = true;
    float langW = measure(globes, widths);
    if (textL + titleW + gap + langW > size.x - m.margin) {
        globes = false;
        langW = measure(globes, widths);
    }
    const float by = (m.headerHeight - m.tapHeight) / 2;
    float x = size.x - m.margin - langW;
    for (std::size_t i = 0; i < kAllLangs.size(); ++i) {
        const Lang lang = kAllLangs[i];
        ImGui::SetCursorPos(ImVec2(x, by));
        const bool current = lang == view.session.lang;
        if (button(f, "lang." + std::string(langCode(lang)), iconFor(lang, globes),
                   m_strings.get(lang, "lang.self"), ImVec2(widths[i], m.tapHeight),
                   current ? ButtonStyle::Selected : ButtonStyle::OnFrame, m_fonts.bodyBold))
            action = Action::setLang(lang);
        x += widths[i] + gap;
    }
    const float textR = size.x - m.margin - langW - gap;

    // Programme and village on the left.
    dl->AddText(m_fonts.icon, m_fonts.icon->FontSize,
                ImVec2(m.margin, (m.headerHeight - m_fonts.icon->FontSize) / 2), colours().onFrame,
                icon::kShield);
    // On a narrow screen the village wraps onto a second line rather than running under the buttons.
    const float villageH = wrappedHeight(m_fonts.body, view.village, textR - textL);
    const float lineH = m_fonts.tile->FontSize + villageH + 4.f * m.scale;
    const float ty = std::max(0.f, (m.headerHeight - lineH) / 2);
    const ImVec4 clip(textL, 0, textR, m.headerHeight);
    dl->AddText(m_fonts.tile, m_fonts.tile->FontSize, ImVec2(textL, ty), colours().onFrame, programme.c_str(),
                nullptr, 0, &clip);
    dl->AddText(m_fonts.body, m_fonts.body->FontSize,
                ImVec2(textL, ty + m_fonts.tile->FontSize + 4.f * m.scale), colours().onFrameMuted,
                view.village.c_str(), nullptr, textR - textL, &clip);
    return action;
}

Action Ui::drawFooter(Frame& f, bool atHome)
{
    const Metrics& m = m_metrics;
    const ImVec2 size = ImGui::GetWindowSize();
    const float top = size.y - m.footerHeight;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(size.x, size.y), colours().frame);

    const float by = top + (m.footerHeight - m.tapHeight) / 2;
    if (atHome) {
        const std::string text = std::string(icon::kInfo) + "  " + f.t("footer.help");
        drawCentred(dl, m_fonts.body, colours().onFrame, text, ImVec2(m.margin, top),
                    ImVec2(size.x - m.margin, size.y));
        return {};
    }
    Action action;
    const float w = std::min(420.f * m.scale, (size.x - 2 * m.margin - m.gap) / 2);
    ImGui::SetCursorPos(ImVec2(m.margin, by));
    if (button(f, "nav.back", icon::kArrowLeft, f.t("nav.back"), ImVec2(w, m.tapHeight),
               ButtonStyle::Selected))
        action = Action::back();
    ImGui::SetCursorPos(ImVec2(size.x - m.margin - w, by));
    if (button(f, "nav.home", icon::kHome, f.t("nav.home"), ImVec2(w, m.tapHeight), ButtonStyle::Selected))
        action = Action::home();
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
}

} // namespace kiosk::ui
