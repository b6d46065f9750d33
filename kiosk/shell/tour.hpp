// The tour: every screen and every checklist state the kiosk can show, by name.
#pragma once

#include "core/content.hpp"
#include "core/idle.hpp"
#include "core/navigation.hpp"
#include "core/officer.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"
#include "core/speech.hpp"
#include "shell/shell.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

struct Still {
    Still(std::string name_, Route route_, IdleTimer::Phase phase_ = IdleTimer::Phase::Active,
          ChecklistProgress progress_ = {}, bool atEnd_ = false)
        : name(std::move(name_)), route(std::move(route_)), phase(phase_), progress(std::move(progress_)),
          atEnd(atEnd_)
    {
    }

    std::string name; // file name stem before "-<lang>-<W>x<H>.png"
    Route route;
    IdleTimer::Phase phase = IdleTimer::Phase::Active;
    ChecklistProgress progress;
    bool atEnd = false;   // scrolled to the end of the screen
    std::string scrollTo; // else scrolled so that this widget is two thirds down (an area: centred)
    FormState form;       // the callback form as a resident left it
    CompanySearch search; // the company search as a resident left it
    StatusLookup status;  // "Cek permintaan saya" as a resident left it
    std::shared_ptr<const StatusBook> statuses;     // the office's news it shows (none: not sent yet)
    int checkWaitSeconds = 0;                       // a wait after wrong references, counting down
    std::string reference;                          // shown on the confirmation
    OfficerSession officerSession;                  // the PIN pad as left
    std::shared_ptr<const OfficerSnapshot> officer; // what the officer desk reports
    // The voice as the screen sees it: the tour shows a kiosk with a sound device (none: no voice).
    std::optional<VoiceView> voice =
        VoiceView{.available = true, .reading = {}, .preparing = false, .spot = {}};
    int readingSentence = -1; // being read aloud, at this sentence of the screen
    bool largeText = false;   // the Aa button on
    Theme theme = Theme::Standard;
    bool pictured = true; // the tour saves a picture of it; the others are checked without one
    long attractStep = 0; // the attract screen's card
    // The attract screen's partners and logo instead of kiosk.toml's (the logo: kTourLogo, a test
    // picture, since the project has no office's logo and makes none up).
    std::optional<std::vector<std::string>> partners;
    std::optional<std::string> logo;
};

// The name under which the tour's pictures hold its test logo (testLogo()).
inline constexpr const char* kTourLogo = "(tour test logo)";

// A test picture in a logo's place: grey squares in a disc, plainly no office's emblem. RGBA rows.
struct TestPicture {
    unsigned width = 0, height = 0;
    std::vector<unsigned char> rgba;
};
[[nodiscard]] TestPicture testLogo();

// The tour's hand on the shell: shows a still as it is, and keeps every frame in the still's idle
// phase and scrolled where the still says, whatever the clock. Nothing of a still reaches a service.
class Stage final : public FrameDirector {
public:
    explicit Stage(Shell& shell) : m_shell(shell) { m_shell.setDirector(this); }
    ~Stage() override { m_shell.setDirector(nullptr); }
    Stage(const Stage&) = delete;
    Stage& operator=(const Stage&) = delete;

    void show(const Still& still, Lang lang);
    void show(const Route& route, Lang lang) { show(Still{{}, route}, lang); }
    void direct(FrameView& view, const UiMap& last, float windowHeight) override;

private:
    Shell& m_shell;
    IdleTimer::Phase m_phase = IdleTimer::Phase::Active;
    long m_attractStep = 0;
    std::optional<std::vector<std::string>> m_partners;
    std::optional<std::string> m_logo;
    int m_checkWait = 0;
    bool m_atEnd = false;
    std::string m_scrollTo;
    bool m_scrolled = false; // a scroll towards it was asked for in the last frame
};

// The office's news the tour and the end-to-end test show until status packs reach the kiosk: a
// made-up book for kiosk `kioskId` ("CMG"), dated 2 December 2026, with one request in each status:
// <id>-0001 received, <id>-0002 contacted, <id>-0003 done.
[[nodiscard]] std::shared_ptr<const StatusBook> sampleStatusBook(const std::string& kioskId);

// Every screen and checklist state worth a look, each also with larger text: see tour.cpp. The
// layout test checks them all; the tour pictures those marked `pictured`.
[[nodiscard]] std::vector<Still> tourStills(const Content& content);

} // namespace kiosk
