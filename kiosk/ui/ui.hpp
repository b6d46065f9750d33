// The whole picture for one frame: header, the current screen, footer, and overlays.
#pragma once

#include "core/assets.hpp"
#include "core/content.hpp"
#include "core/idle.hpp"
#include "core/intent.hpp"
#include "core/session.hpp"
#include "core/speech.hpp"
#include "core/strings.hpp"
#include "core/ui_map.hpp"
#include "ui/fonts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct ViewState {
    const Session& session;
    IdleTimer::Phase phase = IdleTimer::Phase::Active;
    int promptSecondsLeft = 0;
    long attractStep = 0;
    float scroll = 0;                     // owed by the touch gesture to the content area
    bool showError = false;               // a frame failed a moment ago
    bool maintenance = false;             // no content passed its checks: show the notice only
    std::string village;                  // from configuration, shown in the header
    CallbackPromise callback{};           // from configuration: who calls back, when, how long data stays
    std::vector<std::string> partners;    // from configuration: whose service, on the attract screen
    std::string logo;                     // from configuration: the office's logo in the media folder
    const StatusBook* statuses = nullptr; // the office's news of requests (none: not sent yet)
    int checkWaitSeconds = 0;             // a wait after wrong references runs: seconds left
};

struct DrawResult {
    Asked asked; // what was tapped on this frame
    bool scrollBlocked = false;
    bool animating = false; // a held key repeats: keep drawing frames
    // A screen that stays still for long spells (the attract screen): worth showing a part at a time.
    bool still = false;
    // Only this part of the window (x0, y0, x1, y1) differs from the frame drawn before; an empty
    // one when nothing does. Unset: anything may differ.
    std::optional<ImVec4> changed;
};

class Ui {
public:
    Ui(const Content& content, const LocalContacts& contacts)
        : m_content(content), m_strings(content.strings), m_contacts(contacts)
    {
    }

    // Where image blocks get their pictures (none: captions only).
    void setPictures(PictureSource* pictures) { m_pictures = pictures; }
    // The languages residents may choose, in the header's order (default: all three).
    void setLanguages(std::vector<Lang> languages) { m_languages = std::move(languages); }

    // Call after the font atlas is (re)built and whenever the window size changes.
    void setLayout(const Fonts& fonts, const Metrics& metrics);

    // Between ImGui::NewFrame() and ImGui::Render(). Fills `map` with the screen id, language and
    // every tappable widget.
    DrawResult draw(const ViewState& view, UiMap& map);

private:
    Asked drawHeader(Frame& f, const ViewState& view);
    // The current screen between header and footer, with the keyboard or review bar below it.
    void drawContent(Frame& f, const ViewState& view, DrawResult& result);
    Asked drawScreen(Frame& f, const ViewState& view);
    void drawTakeHome(Frame& f, const ViewState& view);
    Asked drawFooter(Frame& f, const ViewState& view);
    void drawErrorBanner(Frame& f);

    const Content& m_content;
    const Strings& m_strings;
    const LocalContacts& m_contacts;
    PictureSource* m_pictures = nullptr;
    std::vector<Lang> m_languages{kAllLangs.begin(), kAllLangs.end()};
    Fonts m_fonts;
    Metrics m_metrics;
    HomeScreen m_home;
    HelpScreen m_help;
    PageScreen m_page;
    TakeHomeScreen m_takeHome;
    ChecklistScreen m_checklist;
    RecruiterScreen m_recruiter;
    StatusCheckScreen m_statusCheck;
    OfferCheckScreen m_offerCheck;
    CallbackFormScreen m_callbackForm;
    CallbackReviewScreen m_callbackReview;
    CallbackDoneScreen m_callbackDone;
    MaintenanceScreen m_maintenance;
    OfficerPinScreen m_officerPin;
    OfficerDashboardScreen m_officerDashboard;
    std::string m_screenKey;  // the screen drawn last, to start new ones at the top
    unsigned m_visit = 0;     // the visit drawn last
    bool m_moreBelow = false; // the screen continues below what is shown: the cue is up
    float m_cueScroll = 0;    // the cue was tapped: scroll this far down on the next frame
    IdlePromptScreen m_prompt;
    AttractScreen m_attract;
};

} // namespace kiosk::ui
