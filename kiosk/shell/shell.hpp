// The kiosk without a window: session, idle timer, touch gestures and the UI, one frame at a time.
// The real window drives it (runner), and so do the headless UI tests.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/content.hpp"
#include "core/effect.hpp"
#include "core/gesture.hpp"
#include "core/idle.hpp"
#include "core/intent.hpp"
#include "core/officer.hpp"
#include "core/reducer.hpp"
#include "core/request_status.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"
#include "core/ui_map.hpp"
#include "shell/effect_runner.hpp"
#include "ui/fonts.hpp"
#include "ui/ui.hpp"

#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct ImGuiContext;
struct ImFontAtlas;
struct ImDrawData;

namespace kiosk {

// Too many frames in a row failed: the kiosk should exit so its service manager restarts it.
class FatalFrameError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a frame shows of time and touch: the idle phase (and the prompt's seconds) and how far the
// content area scrolls.
struct FrameView {
    IdleTimer::Phase phase = IdleTimer::Phase::Active;
    int promptSecondsLeft = 0;
    float scroll = 0;
    long attractStep = 0;              // the attract screen's card
    std::vector<std::string> partners; // whose service, on the attract screen ([kiosk] partners)
    std::string logo;                  // the office's logo there ([kiosk] logo)
    int checkWaitSeconds = 0;          // "Cek permintaan saya": seconds left of a wait after wrong tries
};

// What the frame just drawn changed on the screen, for a window that can show part of a picture.
struct FrameChange {
    bool still = false; // a screen that stays still for long spells (attract): shown a part at a time
    // Only this part (x0, y0, x1, y1) differs from the frame drawn before; empty: nothing does.
    // Unset: anything may differ.
    std::optional<ImVec4> only;
};

// The tour's hand on the frames: it decides each frame's view instead of the idle timer and the
// finger. `last` is the map of the frame drawn before.
class FrameDirector {
public:
    virtual ~FrameDirector() = default;
    virtual void direct(FrameView& view, const UiMap& last, float windowHeight) = 0;
};

// Follow a tap: a screen returns an intent (ui/), apply() changes the session and names effects
// (core/reducer), and the shell hands those effects to their services once the frame is drawn
// (shell/effect_runner); a service's answer comes back as another intent.
class Shell {
public:
    // Creates the ImGui context (it must outlive any renderer) with fonts already built for the
    // window's size.
    // `content` must outlive the shell; with no pages in it, the kiosk shows its maintenance notice.
    Shell(const Config& config, const Content& content, FontFiles files, ui::FontSet fonts,
          const Clock& clock, float width, float height);
    // The same, building the fonts first.
    Shell(const Config& config, const Content& content, const FontFiles& files, const Clock& clock,
          float width, float height);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    // The window changed size. Rebuilds the fonts when the UI scale changes.
    void resize(float width, float height);
    // True once after the font atlas was rebuilt: the renderer must upload it again.
    [[nodiscard]] bool takeFontsRebuilt();

    // Queues a pointer event; frames consume them so that each press and release gets a frame.
    void push(const PointerEvent& event);

    // Advances the idle timer; wipes the session when the countdown ends.
    void update();
    // Whether something would look different if a frame were drawn now.
    [[nodiscard]] bool needsFrame() const;
    // The latest time the next frame is due if no input arrives.
    [[nodiscard]] Millis nextDue() const;
    [[nodiscard]] bool animating() const;
    // The officer switched content packs and has read that it worked: the kiosk should start again.
    [[nodiscard]] bool restartWanted() const { return m_restartWanted; }

    // One ImGui frame: input, NewFrame, the UI (the intent tapped is applied), Render; then the
    // effects asked for go to their services. The renderer's own NewFrame must
    // have run. Throws FatalFrameError after too many failed frames in a row.
    ImDrawData* frame();
    // What that frame changed.
    [[nodiscard]] const FrameChange& change() const { return m_change; }

    // When the frame just drawn was the first to show the answer to a tap: the time that tap's
    // finger came down (once per answered tap). For measuring input latency.
    [[nodiscard]] std::optional<Millis> takeAnsweredTap()
    {
        return std::exchange(m_answeredTap, std::nullopt);
    }

    // Where image blocks get their pictures.
    void setPictures(PictureSource* pictures) { m_ui.setPictures(pictures); }
    // What the office has done with this kiosk's requests, from the newest status pack accepted: the
    // book "Cek permintaan saya" looks references up in (none, the default: the office has sent no
    // news yet). The officer desk's snapshots bring it (OfficerSnapshot::status.book: the pack kept,
    // loaded at start, or one just taken); the tour and tests fill it directly. Takes effect from the
    // next frame.
    void setStatusBook(std::shared_ptr<const StatusBook> book)
    {
        m_statuses = std::move(book);
        m_framesOwed = std::max(m_framesOwed, 1);
    }
    [[nodiscard]] const StatusBook* statusBook() const { return m_statuses.get(); }
    // The services effects go to (each may be missing: a save or a PIN check then fails calmly,
    // and without a voice there are no Listen buttons). They must outlive the shell.
    void setServices(Services services) { m_runner.setServices(services); }
    // Shows `session` as it is (the tour, tests): fonts and words follow it at once.
    void show(Session session);
    // The tour: a director decides the idle phase and the scrolling of every frame (none: the
    // idle timer and the finger do). Must outlive the shell or be unset.
    void setDirector(FrameDirector* director) { m_director = director; }
    void useTheme(Theme theme);
    // Officer settings: the theme, the language visits start in, the voice's volume and speed.
    void applySettings(const KioskSettings& settings);
    [[nodiscard]] const KioskSettings& settings() const { return m_settings; }

    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] const Content& content() const { return m_content; }
    [[nodiscard]] const UiMap& uiMap() const { return m_map; }
    [[nodiscard]] const Session& session() const { return m_session; }
    [[nodiscard]] const IdleTimer& idle() const { return m_idle; }
    [[nodiscard]] const TouchGesture& gesture() const { return m_gesture; }

private:
    // `lang` when residents are offered it ([kiosk] languages), else the first language offered.
    [[nodiscard]] Lang offered(Lang lang) const;
    void consumeInput(Millis now);
    // Applies an intent now; its effects wait for runEffects().
    void dispatch(const Intent& intent);
    // Takes the services' answers and applies them.
    void takeAnswers(Millis now);
    // Runs the effects asked for so far: the shell's own here, the rest on their services.
    void runEffects(Millis now);
    // The desk's news as the shell sees it: officer settings, a content pack switched to.
    void deskChanged(const OfficerSnapshot& snapshot, Millis now);
    void useFonts(ui::FontSet fonts);
    // Puts the normal or the large fonts in place, with their metrics. The large ones are built on
    // another thread the first time (unless `wait`): until they are ready the words stay as they are.
    void applyFonts(bool wait = false);

    Config m_config;
    const Content& m_content;
    FontFiles m_fontFiles;
    const Clock& m_clock;
    ui::FontSet m_normalFonts;               // their atlases are the context's, owned here
    std::optional<ui::FontSet> m_largeFonts; // built the first time someone taps Aa
    std::future<ui::FontSet> m_largeJob;     // the larger-text fonts being built on another thread
    bool m_fontsDue = false;                 // Aa was tapped during a frame: switch fonts before the next one
    ImGuiContext* m_imgui = nullptr;
    ui::Fonts m_fonts;
    ui::Metrics m_metrics;
    ui::Ui m_ui;
    Session m_session;
    IdleTimer m_idle;
    TouchGesture m_gesture;
    std::deque<PointerEvent> m_queue;
    UiMap m_map;          // of the last frame drawn in full
    UiMap m_drawingMap;   // of the frame being drawn
    UiMap::Input m_input; // the input taken so far, copied into each frame's map
    EffectRunner m_runner;
    Effects m_effects;                            // asked for, not yet run
    FrameDirector* m_director = nullptr;          // the tour's
    std::shared_ptr<const StatusBook> m_statuses; // the office's news of requests; none yet
    KioskSettings m_settings;                     // applied
    CornerHold m_hold;                            // the way into officer mode
    FrameChange m_change;                         // of the last frame
    bool m_uiAnimating = false;                   // the UI asked for frames (a held key repeats)
    float m_width = 0, m_height = 0;
    bool m_fontsRebuilt = false;
    int m_framesOwed = 2;
    Millis m_lastFrame = 0;
    Millis m_nextChange = 0;
    Millis m_errorUntil = 0;
    int m_failedFrames = 0;
    Millis m_touchDown = 0;                // when the current or last touch came down
    std::optional<Millis> m_answerPending; // a tap's action was applied; the next frame shows it
    std::optional<Millis> m_answeredTap;
    std::optional<Millis> m_restartAt; // when the kiosk restarts to show other content
    bool m_restartWanted = false;
    static constexpr Millis kRestartAfterContentMs = 4'000;
};

} // namespace kiosk
