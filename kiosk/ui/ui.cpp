// Frame layout: the same header and footer on every screen, the screen's content between them.
#include "ui/ui.hpp"

#include "ui/icons.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoScrollbar |
                                         ImGuiWindowFlags_NoScrollWithMouse;
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

float textWidth(ImFont* font, const std::string& text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
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
    Frame f{m_strings, view.session.lang, m_metrics, m_fonts, map};
    const Metrics& m = m_metrics;

    if (view.phase == IdleTimer::Phase::Attract) {
        map.screen = "attract";
        map.lang = std::string(langCode(kDefaultLang));
        beginFullScreen("attract", kBackground);
        m_attract.draw(f, view.attractStep);
        ImGui::End();
        return result;
    }

    const Route& route = view.session.nav.current();
    map.screen = route.id();
    beginFullScreen("kiosk", kBackground);
    ImGui::PushFont(m_fonts.body);
    const ImVec2 size = ImGui::GetWindowSize();

    if (Action a = drawHeader(f, view); a.any())
        result.action = a;

    ImGui::SetCursorPos(ImVec2(0, m.headerHeight));
    beginScrollArea("content", ImVec2(size.x, size.y - m.headerHeight - m.footerHeight), view.scroll,
                    result.scrollBlocked);
    Action screenAction;
    switch (route.kind) {
    case ScreenKind::Home: screenAction = m_home.draw(f); break;
    case ScreenKind::Topic: screenAction = m_topic.draw(f, route.topic); break;
    }
    endScrollArea();
    if (screenAction.any())
        result.action = screenAction;

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
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, m.headerHeight), colour::kFrame);

    // Language buttons on the right, each named in its own language.
    Action action;
    const float pad = 22.f * m.scale;
    float langW = 0;
    float widths[3]{};
    for (std::size_t i = 0; i < kAllLangs.size(); ++i) {
        const std::string& name = m_strings.get(kAllLangs[i], "lang.self");
        widths[i] = std::max(textWidth(m_fonts.bodyBold, name) + 2 * pad, 120.f * m.scale);
        langW += widths[i];
    }
    const float gap = 14.f * m.scale;
    langW += gap * 2;
    const float buttonH = m.tapHeight;
    const float by = (m.headerHeight - buttonH) / 2;
    float x = size.x - m.margin - langW;
    for (std::size_t i = 0; i < kAllLangs.size(); ++i) {
        const Lang lang = kAllLangs[i];
        ImGui::SetCursorPos(ImVec2(x, by));
        const bool current = lang == view.session.lang;
        if (button(f, "lang." + std::string(langCode(lang)), nullptr, m_strings.get(lang, "lang.self"),
                   ImVec2(widths[i], buttonH), current ? ButtonStyle::Selected : ButtonStyle::OnFrame,
                   m_fonts.bodyBold))
            action = Action::setLang(lang);
        x += widths[i] + gap;
    }
    // A globe before the language buttons when there is room for it.
    const float titleRight = size.x - m.margin - langW - gap;
    const float globeW = textWidth(m_fonts.heading, icon::kGlobe);

    // Programme and village on the left.
    const float iconW = textWidth(m_fonts.icon, icon::kShield);
    const float textL = m.margin + iconW + 20.f * m.scale;
    const std::string& programme = f.t("header.programme");
    const float titleW = std::max(textWidth(m_fonts.tile, programme), textWidth(m_fonts.body, view.village));
    const bool globe = textL + titleW + globeW + 2 * gap < titleRight;
    if (globe)
        dl->AddText(m_fonts.heading, m_fonts.heading->FontSize,
                    ImVec2(titleRight - globeW, (m.headerHeight - m_fonts.heading->FontSize) / 2),
                    colour::kOnFrameMuted, icon::kGlobe);
    dl->AddText(m_fonts.icon, m_fonts.icon->FontSize,
                ImVec2(m.margin, (m.headerHeight - m_fonts.icon->FontSize) / 2), colour::kOnFrame,
                icon::kShield);
    // On a narrow screen the village wraps onto a second line rather than running under the buttons.
    const float textR = titleRight - (globe ? globeW + gap : 0.f);
    const float villageH = wrappedHeight(m_fonts.body, view.village, textR - textL);
    const float lineH = m_fonts.tile->FontSize + villageH + 4.f * m.scale;
    const float ty = std::max(0.f, (m.headerHeight - lineH) / 2);
    const ImVec4 clip(textL, 0, textR, m.headerHeight);
    dl->AddText(m_fonts.tile, m_fonts.tile->FontSize, ImVec2(textL, ty), colour::kOnFrame,
                programme.c_str(), nullptr, 0, &clip);
    dl->AddText(m_fonts.body, m_fonts.body->FontSize,
                ImVec2(textL, ty + m_fonts.tile->FontSize + 4.f * m.scale), colour::kOnFrameMuted,
                view.village.c_str(), nullptr, textR - textL, &clip);
    return action;
}

Action Ui::drawFooter(Frame& f, bool atHome)
{
    const Metrics& m = m_metrics;
    const ImVec2 size = ImGui::GetWindowSize();
    const float top = size.y - m.footerHeight;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(size.x, size.y), colour::kFrame);

    const float by = top + (m.footerHeight - m.tapHeight) / 2;
    if (atHome) {
        const std::string text = std::string(icon::kInfo) + "  " + f.t("footer.help");
        drawCentred(dl, m_fonts.body, colour::kOnFrame, text, ImVec2(m.margin, top),
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
    if (button(f, "nav.home", icon::kHome, f.t("nav.home"), ImVec2(w, m.tapHeight),
               ButtonStyle::Selected))
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
    dl->AddRectFilled(min, max, colour::kCard, m.rounding);
    dl->AddRect(min, max, colour::kFrame, m.rounding, 0, 3.f * m.scale);
    drawCentred(dl, m_fonts.body, colour::kText, std::string(icon::kInfo) + "  " + f.t("error.frame"),
                ImVec2(min.x + m.gap, min.y), ImVec2(max.x - m.gap, max.y));
}

} // namespace kiosk::ui
