// One kiosk frame at a time, with or without a window.
#include "shell/shell.hpp"

#include "services/voice.hpp"
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
constexpr Millis kSavePollMs = 5;       // a request being committed: how soon its answer shows

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
    const bool working = m_session.nav.current().officer() && m_session.officer.loggedIn;
    m_idle.setIdleAfter(working ? std::max<Millis>(m_config.officerIdleMs - m_config.idlePromptMs, 5'000)
                                : m_config.idleAfterMs);
    if (!m_session.voice.reading.empty())
        m_idle.keepAwake(now);
    if (m_idle.update(now)) {
        const bool wasLarge = m_session.largeText;
        dispatch(intent::IdleTimeout{});
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
        dispatch(intent::OpenOfficer{});
    }
    takeAnswers(now);
    runEffects(now);
    if (m_restartAt && now >= *m_restartAt)
        m_restartWanted = true;
}

void Shell::dispatch(const Intent& intent)
{
    const World world{m_content, m_config.contacts, m_config.callbackPromise(), m_statuses.get(),
                      m_clock.now()};
    const bool wasLarge = m_session.largeText;
    Effects effects = apply(m_session, intent, &world);
    // Not during this frame: ImGui holds the atlas it started the frame with.
    if (m_session.largeText != wasLarge)
        m_fontsDue = true;
    for (Effect& e : effects)
        m_effects.push_back(std::move(e));
    m_framesOwed = std::max(m_framesOwed, 1);
}

void Shell::takeAnswers(Millis now)
{
    for (const Intent& answer : m_runner.answers()) {
        dispatch(answer);
        if (const auto* desk = std::get_if<intent::DeskChanged>(&answer))
            deskChanged(*desk->snapshot, now);
        else if (!std::holds_alternative<intent::VoiceChanged>(answer))
            m_framesOwed = kFramesAfterChange;
    }
}

void Shell::runEffects(Millis now)
{
    for (const Effect& e : std::exchange(m_effects, {})) {
        if (std::holds_alternative<effect::Sleep>(e)) {
            // The officer left: straight to the attract screen, nothing of the touch kept.
            m_idle.sleep(now);
            m_gesture.reset();
            m_queue.clear();
        } else {
            m_runner.run(e);
        }
    }
}

void Shell::deskChanged(const OfficerSnapshot& snapshot, Millis now)
{
    if (snapshot.settings && *snapshot.settings != m_settings)
        applySettings(*snapshot.settings);
    // The office's news the desk keeps (loaded at start, or a status pack just taken) is what
    // "Cek permintaan saya" reads from now on. A book is never withdrawn: packs only get newer.
    if (snapshot.status.book && snapshot.status.book != m_statuses)
        setStatusBook(snapshot.status.book);
    // Other content is shown now: the officer reads that it worked, then the kiosk starts again on
    // it (everything is loaded afresh, nothing half-swapped).
    if (snapshot.content.shownChanges > 0 && !m_restartAt)
        m_restartAt = now + kRestartAfterContentMs;
}

void Shell::applySettings(const KioskSettings& settings)
{
    m_settings = settings;
    m_session.homeLang = offered(settings.defaultLang);
    if (m_idle.phase() == IdleTimer::Phase::Attract)
        m_session.lang = m_session.homeLang; // nobody is here: the next visit starts in it
    if (Voice* voice = m_runner.services().voice) {
        voice->setVolume(settings.volume);
        voice->setRate(settings.speechRate);
    }
    useTheme(settings.theme);
    m_framesOwed = kFramesAfterChange;
}

void Shell::useTheme(Theme theme)
{
    if (theme == ui::currentTheme())
        return;
    ui::useTheme(theme);
    ui::applyTheme(m_metrics.scale);
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
    if (m_runner.services().desk && m_session.nav.current().officer())
        due = std::min(due, now + kOfficerPollMs);
    // A request being saved: its confirmation shows as soon as the commit returns.
    if (m_runner.waiting())
        due = std::min(due, now + kSavePollMs);
    // Larger text being built: look for it every frame's time.
    if (m_largeJob.valid())
        due = std::min(due, now + 16);
    // Reading aloud: the highlight follows the voice, and the end of the reading shows.
    if (!m_session.voice.reading.empty())
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
        if (ev.type == PointerEvent::Type::Down) {
            ++m_input.touches;
            m_input.touchX = ev.x;
            m_input.touchY = ev.y;
        } else if (ev.type == PointerEvent::Type::Wheel)
            ++m_input.wheelSteps;
        bool swallow = false;
        if (ev.type == PointerEvent::Type::Down) {
            const IdleTimer::TouchResult touched = m_idle.touch(now);
            swallow = touched != IdleTimer::TouchResult::Passed;
            // Waking the kiosk presses nothing, except help on the attract screen: help at once.
            const WidgetBox* under = m_map.at(ev.x, ev.y);
            if (touched == IdleTimer::TouchResult::Woke && under && under->id == "help.open")
                dispatch(intent::Open{Route::help()});
            m_touchDown = ev.t;
        } else if (ev.type == PointerEvent::Type::Wheel)
            m_idle.touch(now);
        m_framesOwed = kFramesAfterChange;
        if (m_gesture.apply(ev, swallow))
            break;
    }
}

void Shell::show(Session session)
{
    const unsigned visit = m_session.visit;
    m_session = std::move(session);
    m_session.visit = std::max(m_session.visit, visit + 1); // a new visit: screens start afresh
    if (m_metrics.largeText != m_session.largeText)
        applyFonts(true);
    (void)m_idle.touch(m_clock.now()); // input during a shown screen goes to that screen
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
    FrameView fv{.phase = m_idle.phase(),
                 .promptSecondsLeft = m_idle.promptSecondsLeft(now),
                 .scroll = m_gesture.takeScroll(now),
                 .attractStep = m_idle.attractStep(now),
                 .partners = m_config.partners,
                 .logo = m_config.logo,
                 .checkWaitSeconds = m_session.requestCheck.secondsLeft(now)};
    if (m_director)
        m_director->direct(fv, m_map, m_height);
    ui::ViewState view{.session = m_session,
                       .phase = fv.phase,
                       .promptSecondsLeft = fv.promptSecondsLeft,
                       .attractStep = fv.attractStep,
                       .scroll = fv.scroll,
                       .showError = now < m_errorUntil,
                       .maintenance = m_content.empty(),
                       .village = m_config.village,
                       .callback = m_config.callbackPromise(),
                       .partners = std::move(fv.partners),
                       .logo = std::move(fv.logo),
                       .statuses = m_statuses.get(),
                       .checkWaitSeconds = fv.checkWaitSeconds};

    ImGui::NewFrame();
    try {
        // Drawn into a scratch map: a frame that fails leaves the last complete one in place.
        const ui::DrawResult result = m_ui.draw(view, m_drawingMap);
        if (result.scrollBlocked)
            m_gesture.stopInertia();
        m_uiAnimating = result.animating;
        m_change = FrameChange{.still = result.still, .only = result.changed};
        if (result.asked) {
            dispatch(*result.asked);
            m_answerPending = m_touchDown;
            m_framesOwed = kFramesAfterChange;
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
        dispatch(intent::FrameFailed{});
        runEffects(now);
        m_errorUntil = now + kErrorShownMs;
        m_change = FrameChange{};
        m_framesOwed = kFramesAfterChange;
        if (++m_failedFrames >= kMaxFailedFrames)
            throw FatalFrameError("the kiosk could not draw " + std::to_string(m_failedFrames) +
                                  " frames in a row");
        m_nextChange = now;
        return nullptr;
    }

    if (m_framesOwed > 0)
        --m_framesOwed;
    // What the frame asked for happens now that it is drawn; what is already answered shows next.
    runEffects(now);
    takeAnswers(now);
    runEffects(now);
    m_nextChange = m_director ? now + 3'600'000 : m_idle.nextChange(now);
    if (now < m_errorUntil)
        m_nextChange = std::min(m_nextChange, m_errorUntil);
    // "Cek permintaan saya" counts a wait down second by second, and its button comes back at zero.
    if (const Millis wait = m_session.requestCheck.waitLeft(now);
        wait > 0 && m_session.nav.current().kind == ScreenKind::StatusCheck && !m_director)
        m_nextChange = std::min(m_nextChange, now + (wait % 1000 == 0 ? 1000 : wait % 1000));
    ++m_input.frame;
    m_input.settled = !needsFrame();
    m_map.input = m_input;
    return ImGui::GetDrawData();
}

} // namespace kiosk
