// One kiosk frame at a time, with or without a window.
#include "shell/shell.hpp"

#include "ui/input.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <utility>

namespace kiosk {
namespace {

constexpr int kFramesAfterChange = 3;   // input and actions settle within a few frames
constexpr Millis kErrorShownMs = 6'000; // how long the calm "sorry" banner stays
constexpr int kMaxFailedFrames = 20;    // then exit and let the service manager restart us
constexpr Millis kOfficerPollMs = 100;  // officer screens: how soon the desk's news shows
constexpr Millis kVoicePollMs = 100;    // while reading aloud: how soon the highlight moves on

IdleTimer::Settings idleSettings(const Config& config)
{
    IdleTimer::Settings s;
    s.idleAfter = config.idleAfterMs;
    s.promptFor = config.idlePromptMs;
    s.attractCycle = config.attractCycleMs;
    return s;
}

} // namespace

Shell::Shell(const Config& config, const Content& content, FontFiles files, ui::FontSet fonts,
             const Clock& clock, float width, float height)
    : m_config(config), m_content(content), m_fontFiles(std::move(files)), m_clock(clock),
      m_ui(content, m_config.contacts), m_idle(idleSettings(config), clock.now())
{
    m_imgui = ImGui::CreateContext(fonts.atlas.get());
    ImGui::SetCurrentContext(m_imgui); // CreateContext makes it current only if none was
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing of a visit is written to disk
    io.LogFilename = nullptr;
    io.MouseDragThreshold = 1e9f; // dragging is the gesture's business, never a widget's
    m_width = width;
    m_height = height;
    io.DisplaySize = ImVec2(width, height);
    useFonts(std::move(fonts));
    m_lastFrame = clock.now();
    m_ui.setLanguages(config.languages);
    m_session.homeLang = offered(m_session.homeLang);
    m_session.lang = m_session.homeLang;
}

Lang Shell::offered(Lang lang) const
{
    const auto& langs = m_config.languages;
    if (langs.empty() || std::find(langs.begin(), langs.end(), lang) != langs.end())
        return lang;
    return langs.front();
}

Shell::Shell(const Config& config, const Content& content, const FontFiles& files, const Clock& clock,
             float width, float height)
    : Shell(config, content, files, ui::buildFontSet(files, ui::uiScale(width, height)), clock, width, height)
{
}

Shell::~Shell()
{
    ImGui::DestroyContext(m_imgui);
}

void Shell::useFonts(ui::FontSet fonts)
{
    m_normalFonts = std::move(fonts);
    m_largeFonts.reset(); // for another scale
    applyFonts();
}

void Shell::applyFonts(bool wait)
{
    const bool large = m_session.largeText;
    if (large && !m_largeFonts) {
        // About a tenth of a second of work: the tap is answered at once, the words grow a few
        // frames later.
        if (!m_largeJob.valid())
            m_largeJob = std::async(std::launch::async, [files = m_fontFiles, scale = m_normalFonts.scale] {
                return ui::buildFontSet(files, scale, ui::kLargeTextScale);
            });
        if (!wait) {
            m_fontsDue = true; // again once they are built (update() looks)
            return;
        }
        m_largeFonts = m_largeJob.get();
    }
    const ui::FontSet& set = large ? *m_largeFonts : m_normalFonts;
    ImGui::SetCurrentContext(m_imgui);
    ImGui::GetIO().Fonts = set.atlas.get();
    m_fonts = set.fonts;
    m_metrics = ui::Metrics::forWindow(m_width, m_height, large);
    ui::applyTheme(m_metrics.scale);
    m_ui.setLayout(m_fonts, m_metrics);
    m_gesture.setScale(m_metrics.scale);
    m_hold.setScale(m_metrics.scale);
    m_fontsRebuilt = true;
    m_framesOwed = kFramesAfterChange;
}

void Shell::resize(float width, float height)
{
    if (width == m_width && height == m_height)
        return;
    const float before = m_metrics.scale;
    m_width = width;
    m_height = height;
    ImGui::SetCurrentContext(m_imgui);
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
    if (ui::uiScale(width, height) != before) {
        useFonts(ui::buildFontSet(m_fontFiles, ui::uiScale(width, height)));
    } else {
        m_metrics = ui::Metrics::forWindow(width, height, m_session.largeText);
        m_ui.setLayout(m_fonts, m_metrics);
    }
    m_framesOwed = kFramesAfterChange;
}

bool Shell::takeFontsRebuilt()
{
    return std::exchange(m_fontsRebuilt, false);
}

void Shell::push(const PointerEvent& event)
{
    m_queue.push_back(event);
}

void Shell::update()
{
    const Millis now = m_clock.now();
    // An officer at work gets longer before the "still there?" that ends officer mode; a PIN pad
    // nobody finished goes as soon as a resident's screen would.
    const bool officer = m_session.nav.current().officer();
    const bool working = officer && m_session.officer.loggedIn;
    m_idle.setIdleAfter(working ? std::max<Millis>(m_config.officerIdleMs - m_config.idlePromptMs, 5'000)
                                : m_config.idleAfterMs);
    if (m_idle.update(now)) {
        if (officer && m_session.officer.loggedIn && m_desk)
            m_desk->close();
        if (m_voice)
            m_voice->stop();
        const bool wasLarge = m_session.largeText;
        m_session.reset();
        m_fontsDue = m_fontsDue || wasLarge; // the next resident starts with normal text
        m_gesture.reset();
        m_hold.reset();
        m_queue.clear();
        m_framesOwed = kFramesAfterChange;
    }
    if (m_largeJob.valid() && m_largeJob.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            ui::FontSet built = m_largeJob.get();
            if (built.scale == m_normalFonts.scale) // not for a window size gone meanwhile
                m_largeFonts = std::move(built);
        } catch (const std::exception& e) {
            std::cerr << "kiosk: warning: larger text is not available: " << e.what() << "\n";
            m_session.largeText = false;
        }
        m_fontsDue = true;
    }
    if (std::exchange(m_fontsDue, false) && m_metrics.largeText != m_session.largeText)
        applyFonts();
    if (m_hold.fired(now)) {
        // Held long enough: the finger presses nothing on its way up.
        m_gesture.cancel();
        act(Action::officer(Action::Kind::OfficerOpen), now);
    }
    if (m_desk) {
        if (const auto answer = m_desk->takePinAnswer()) {
            applyPinAnswer(m_session, *answer, m_desk);
            m_framesOwed = kFramesAfterChange;
        }
        if (const std::uint64_t changes = m_desk->changes(); changes != m_deskSeen) {
            m_deskSeen = changes;
            if (m_session.nav.current().officer())
                m_framesOwed = std::max(m_framesOwed, 1);
            const auto snapshot = m_desk->snapshot();
            if (snapshot->settings && *snapshot->settings != m_settings)
                applySettings(*snapshot->settings);
            // Other content is shown now: the officer reads that it worked, then the kiosk starts
            // again on it (everything is loaded afresh, nothing half-swapped).
            if (snapshot->content.shownChanges > 0 && !m_restartAt)
                m_restartAt = now + kRestartAfterContentMs;
        }
    }
    if (m_restartAt && now >= *m_restartAt)
        m_restartWanted = true;
    if (m_voice) {
        VoiceView v = m_voice->view();
        if (v != m_voiceSeen) {
            m_voiceSeen = std::move(v);
            m_framesOwed = std::max(m_framesOwed, 1);
        }
    }
}

void Shell::applySettings(const KioskSettings& settings)
{
    const bool themeChanged = settings.theme != ui::currentTheme();
    m_settings = settings;
    m_session.homeLang = offered(settings.defaultLang);
    if (m_idle.phase() == IdleTimer::Phase::Attract)
        m_session.lang = m_session.homeLang; // nobody is here: the next visit starts in it
    if (m_voice) {
        m_voice->setVolume(settings.volume);
        m_voice->setRate(settings.speechRate);
    }
    if (themeChanged) {
        ui::useTheme(settings.theme);
        ui::applyTheme(m_metrics.scale);
    }
    m_framesOwed = kFramesAfterChange;
}

std::string Shell::readingPlace() const
{
    // What a reading belongs to: the visit, the screen and its language (a checklist's step is in
    // the script's key).
    return std::to_string(m_session.visit) + "/" + m_session.nav.current().screenId() + "/" +
           std::string(langCode(m_session.lang));
}

void Shell::stopVoiceIfLeft(const std::string& before)
{
    if (m_voice && !m_voiceSeen.reading.empty() && readingPlace() != before) {
        m_voice->stop();
        m_voiceSeen = m_voice->view();
    }
}

void Shell::act(const Action& action, Millis now)
{
    const std::string before = m_session.nav.current().screenId();
    const std::string place = readingPlace();
    if (action.kind == Action::Kind::Listen && m_voice) {
        // A second tap stops; a tap elsewhere starts reading this screen.
        const auto script = screenScript(m_content, m_config.contacts, m_session);
        if (!m_voiceSeen.reading.empty() && script && m_voiceSeen.reading == script->key)
            m_voice->stop();
        else if (script) {
            m_voice->say(*script);
            if (m_desk && !m_stagedPhase)
                m_desk->countView(std::string(kListenPrefix) + m_session.nav.current().screenId(), m_session.lang);
        }
        m_voiceSeen = m_voice->view();
    }
    const bool wasLarge = m_session.largeText;
    apply(m_session, action, m_sink, m_desk);
    // Not during this frame: ImGui holds the atlas it started the frame with.
    if (m_session.largeText != wasLarge)
        m_fontsDue = true;
    stopVoiceIfLeft(place);
    if (action.kind == Action::Kind::OfficerLogout) {
        m_idle.sleep(now);
        m_gesture.reset();
        m_queue.clear();
    }
    // Anonymous usage: a guidance screen, checklist or form opened (not returned to), in which
    // language. Counts only.
    const Route& here = m_session.nav.current();
    const bool counted = here.kind == ScreenKind::Page || here.kind == ScreenKind::Checklist ||
                         here.kind == ScreenKind::Callback;
    if (m_desk && !m_stagedPhase && counted && action.kind == Action::Kind::Open && here.screenId() != before)
        m_desk->countView(here.screenId(), m_session.lang);
    m_framesOwed = kFramesAfterChange;
}

bool Shell::animating() const
{
    return m_gesture.gliding() || m_gesture.dragging() || m_uiAnimating;
}

bool Shell::needsFrame() const
{
    return m_framesOwed > 0 || !m_queue.empty() || m_gesture.gliding() || m_uiAnimating ||
           m_clock.now() >= m_nextChange;
}

Millis Shell::nextDue() const
{
    const Millis now = m_clock.now();
    if (needsFrame())
        return now;
    Millis due = m_nextChange;
    if (const auto hold = m_hold.due())
        due = std::min(due, *hold);
    if (m_restartAt)
        due = std::min(due, *m_restartAt);
    // The officer desk answers from its own threads: look for its news often while it is open.
    if (m_desk && m_session.nav.current().officer())
        due = std::min(due, now + kOfficerPollMs);
    // Larger text being built: look for it every frame's time.
    if (m_largeJob.valid())
        due = std::min(due, now + 16);
    // Reading aloud: the highlight follows the voice, and the end of the reading shows.
    if (m_voice && !m_voiceSeen.reading.empty())
        due = std::min(due, now + kVoicePollMs);
    return std::max(due, now);
}

void Shell::consumeInput(Millis now)
{
    // Apply queued events until the button state changes: a press and its release are then seen
    // on different frames, so a tap shorter than a frame still clicks.
    while (!m_queue.empty()) {
        const PointerEvent ev = m_queue.front();
        if (ev.type == PointerEvent::Type::Down && m_gesture.pointer().down) {
            // The previous touch's release never came: end it on this frame, press on the next.
            m_gesture.cancel();
            m_framesOwed = kFramesAfterChange;
            break;
        }
        m_queue.pop_front();
        m_hold.apply(ev);
        bool swallow = false;
        if (ev.type == PointerEvent::Type::Down) {
            swallow = m_idle.touch(now) != IdleTimer::TouchResult::Passed;
            m_touchDown = ev.t;
        } else if (ev.type == PointerEvent::Type::Wheel)
            m_idle.touch(now);
        m_framesOwed = kFramesAfterChange;
        if (m_gesture.apply(ev, swallow))
            break;
    }
}

void Shell::stage(const Still& still, Lang lang)
{
    m_stagedAtEnd = still.atEnd;
    m_stagedScrollTo = still.scrollTo;
    m_stagedScrolled = false;
    m_session.reset();
    // A review or confirmation sits on top of the form, as it would after the resident's taps.
    if (still.route.kind == ScreenKind::CallbackReview)
        m_session.nav.open(Route::callback());
    m_session.nav.open(still.route);
    m_session.lang = lang;
    m_session.checklist = still.progress;
    m_session.form = still.form;
    m_session.reference = still.reference;
    m_session.officer = still.officerSession;
    m_stagedOfficer = still.officer;
    m_stagedVoice = still.voice;
    m_stagedPhase = still.phase;
    if (ui::currentTheme() != still.theme) {
        ui::useTheme(still.theme);
        ui::applyTheme(m_metrics.scale);
    }
    m_session.largeText = still.largeText;
    if (m_metrics.largeText != still.largeText)
        applyFonts(true);
    if (m_stagedVoice && still.readingSentence >= 0) {
        // Read aloud up to this sentence: the Stop button, and the highlight where it can follow.
        if (const auto script = screenScript(m_content, m_config.contacts, m_session)) {
            m_stagedVoice->reading = script->key;
            const auto i = static_cast<std::size_t>(still.readingSentence);
            if (script->highlights() && i < script->sentences.size())
                m_stagedVoice->spot = script->sentences[i].spot;
        }
    }
    if (still.phase == IdleTimer::Phase::Active)
        (void)m_idle.touch(m_clock.now()); // input during a staged screen goes to that screen
    m_framesOwed = kFramesAfterChange;
}

ImDrawData* Shell::frame()
{
    const Millis now = m_clock.now();
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::clamp(static_cast<float>(now - m_lastFrame) / 1000.f, 0.001f, 1.f);
    m_lastFrame = now;

    if (std::exchange(m_fontsDue, false) && m_metrics.largeText != m_session.largeText)
        applyFonts(); // update() was not called since the tap
    m_answeredTap = std::exchange(m_answerPending, std::nullopt);
    m_gesture.beginFrame();
    consumeInput(now);
    ui::feedPointer(io, m_gesture.pointer());
    // A staged "end" screen asks for more scroll than any page has; the content area stops at its end.
    float scroll = m_stagedAtEnd ? 1e6f : m_gesture.takeScroll(now);
    // A widget to show: scrolled until it is two thirds down the window (what leads to it above it),
    // by how far it is from there as the last frame drew it; while
    // it is out of sight (not in the map), on down by most of a window, so that it cannot be passed.
    // Every other frame: a scroll shows in the frame after the one that asks for it.
    if (!m_stagedScrollTo.empty() && !std::exchange(m_stagedScrolled, false)) {
        const WidgetBox* w = m_map.find(m_stagedScrollTo);
        scroll = w ? w->centerY() - m_height * 2 / 3 : m_height * 0.8f;
        m_stagedScrolled = true;
    }

    const IdleTimer::Phase phase = m_stagedPhase.value_or(m_idle.phase());
    ui::ViewState view{.session = m_session,
                             .phase = phase,
                             .promptSecondsLeft = m_stagedPhase ? 12 : m_idle.promptSecondsLeft(now),
                             .attractStep = m_idle.attractStep(now),
                             .scroll = scroll,
                             .showError = now < m_errorUntil,
                             .maintenance = m_content.empty(),
                             .village = m_config.village,
                             .officer = nullptr,
                             .voice = m_stagedVoice ? *m_stagedVoice : m_voiceSeen};
    // Held for the whole frame: the desk may publish a newer one meanwhile.
    const std::shared_ptr<const OfficerSnapshot> officer =
        m_stagedOfficer ? m_stagedOfficer
                        : (m_desk && m_session.nav.current().officer() ? m_desk->snapshot() : nullptr);
    view.officer = officer.get();

    ImGui::NewFrame();
    try {
        // Drawn into a scratch map: a frame that fails leaves the last complete one in place.
        const ui::DrawResult result = m_ui.draw(view, m_drawingMap);
        if (result.scrollBlocked)
            m_gesture.stopInertia();
        m_uiAnimating = result.animating;
        if (result.action.any()) {
            act(result.action, now);
            m_answerPending = m_touchDown;
        }
        ImGui::Render();
        std::swap(m_map, m_drawingMap);
        m_failedFrames = 0;
    } catch (const std::exception& e) {
        // Close whatever the failed frame left open, go home, and say sorry calmly. ImGui 1.86's
        // recovery ends windows, groups, IDs, colours and styles but not fonts, and asserts (in
        // Debian's libimgui too) when a window ends with a font still pushed: fonts go first.
        while (ImGui::GetCurrentContext()->FontStack.Size > 0)
            ImGui::PopFont();
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
        std::cerr << "kiosk: error: a frame failed on screen '" << m_map.screen << "': " << e.what() << "\n";
        if (m_session.nav.current().officer()) { // officer mode closes with its screens
            if (m_session.officer.loggedIn && m_desk)
                m_desk->close();
            m_session.officer = OfficerSession{};
        }
        if (m_voice) // the screen being read is gone
            m_voice->stop();
        m_session.nav.home();
        m_errorUntil = now + kErrorShownMs;
        m_framesOwed = kFramesAfterChange;
        if (++m_failedFrames >= kMaxFailedFrames)
            throw FatalFrameError("the kiosk could not draw " + std::to_string(m_failedFrames) +
                                  " frames in a row");
        m_nextChange = now;
        return nullptr;
    }

    if (m_framesOwed > 0)
        --m_framesOwed;
    m_nextChange = m_stagedPhase ? now + 3'600'000 : m_idle.nextChange(now);
    if (now < m_errorUntil)
        m_nextChange = std::min(m_nextChange, m_errorUntil);
    return ImGui::GetDrawData();
}

} // namespace kiosk
