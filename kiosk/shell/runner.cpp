// The kiosk's frame loop and its two measuring modes.
#include "shell/runner.hpp"

#include "export/atomic_file.hpp"
#include "shell/tour.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <vector>

namespace kiosk {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void onStopSignal(int)
{
    g_stop = true;
}

// An idle kiosk sleeps on the X connection until input arrives or the next timed change is due
// (idle prompt, countdown second, attract cycle), and wakes at least this often.
constexpr Millis kIdleWakeMs = 5'000;
// While something moves (a drag, a glide), frames come at most this often.
constexpr Millis kAnimationFrameMs = 16;

// Draws one frame into the back buffer; the caller presents it.
void render(Shell& shell, Screen screen)
{
    if (shell.takeFontsRebuilt())
        screen.renderer.uploadFonts();
    ImDrawData* data = shell.frame();
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colours().page);
    screen.window.clear(page.x, page.y, page.z);
    screen.renderer.render(data);
}

void drawFrame(Shell& shell, Screen screen)
{
    render(shell, screen);
    screen.window.present();
}

// Shows the kiosk's frames. A still screen (the attract screen) is shown by copying the frame to
// the window rather than swapping buffers, so the back buffer keeps the picture: when only a part
// of it changes (the next card), only that part is drawn and shown. Under Mesa's software GL a
// whole 1920x1080 frame costs tens of milliseconds of CPU; a card a fraction of that.
class Presenter {
public:
    void draw(Shell& shell, Screen screen)
    {
        if (shell.takeFontsRebuilt()) {
            screen.renderer.uploadFonts();
            m_kept = false;
        }
        ImDrawData* data = shell.frame();
        const FrameChange& change = shell.change();
        const bool copy = change.still && screen.window.canPresentRegion();
        if (data && copy && m_kept && change.only) {
            const auto region = pixels(*change.only, screen);
            if (region.width <= 0 || region.height <= 0)
                return; // the same picture again: nothing to draw
            const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colours().page);
            screen.window.clear(page.x, page.y, page.z, region);
            screen.renderer.render(data, static_cast<float>(region.x), static_cast<float>(region.y),
                                   static_cast<float>(region.x + region.width),
                                   static_cast<float>(region.y + region.height));
            screen.window.present(region);
            return;
        }
        const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colours().page);
        if (copy) {
            // Cleared the way a part is (with a scissor): Mesa compiles that kind of clear now,
            // while the kiosk starts, not at the first new card (some 0.1 s of CPU).
            const auto whole = pixels(ImVec4(0, 0, 1e9f, 1e9f), screen);
            screen.window.clear(page.x, page.y, page.z, whole);
            screen.renderer.render(data);
            screen.window.present(whole);
        } else {
            screen.window.clear(page.x, page.y, page.z);
            screen.renderer.render(data);
            screen.window.present();
        }
        m_kept = copy && data;
    }

private:
    // Whole pixels covering `rect`, within the window.
    static platform::Window::Region pixels(ImVec4 rect, Screen screen)
    {
        const int w = static_cast<int>(screen.window.width()), h = static_cast<int>(screen.window.height());
        const int x0 = std::clamp(static_cast<int>(std::floor(rect.x)), 0, w);
        const int y0 = std::clamp(static_cast<int>(std::floor(rect.y)), 0, h);
        const int x1 = std::clamp(static_cast<int>(std::ceil(rect.z)), 0, w);
        const int y1 = std::clamp(static_cast<int>(std::ceil(rect.w)), 0, h);
        return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
    }

    bool m_kept = false; // the back buffer holds the picture last shown (it was copied, not swapped)
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(i, values.size() - 1)];
}

} // namespace

int runKiosk(Shell& shell, Screen screen, const Clock& clock, const RunOptions& options)
{
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    bool first = true;
    std::vector<double> tapTimes;
    Presenter presenter;
    while (!g_stop && screen.window.isOpen()) {
        const Millis now = clock.now();
        while (auto ev = screen.window.poll(now)) {
            switch (ev->type) {
            case platform::WindowEvent::Type::Pointer: shell.push(ev->pointer); break;
            case platform::WindowEvent::Type::Resized:
                shell.resize(static_cast<float>(ev->width), static_cast<float>(ev->height));
                break;
            case platform::WindowEvent::Type::Closed: g_stop = true; break;
            }
        }
        shell.update();
        if (options.tick)
            options.tick();
        if (shell.restartWanted())
            return kRestartKiosk;
        if (!shell.needsFrame()) {
            screen.window.waitForInput(std::min(kIdleWakeMs, shell.nextDue() - clock.now()));
            continue;
        }
        try {
            presenter.draw(shell, screen);
        } catch (const FatalFrameError& e) {
            std::cerr << "kiosk: error: " << e.what() << "; exiting so that the service restarts it\n";
            return 70;
        }
        if (options.reportTaps)
            if (const auto down = shell.takeAnsweredTap()) {
                screen.window.finish();
                tapTimes.push_back(static_cast<double>(clock.now() - *down));
            }
        if (!options.uiMap.empty()) {
            try {
                writeFileAtomically(options.uiMap, shell.uiMap().toJson());
            } catch (const std::exception& e) {
                std::cerr << "kiosk: warning: cannot write the UI map: " << e.what() << "\n";
            }
        }
        if (first) {
            first = false;
            if (options.exitAfterFirstFrame) {
                screen.window.finish();
                timespec ts{};
                clock_gettime(CLOCK_REALTIME, &ts);
                std::printf("first_frame_epoch=%ld.%06ld\n", static_cast<long>(ts.tv_sec), ts.tv_nsec / 1000);
            }
            if (options.afterFirstFrame)
                options.afterFirstFrame();
            if (options.exitAfterFirstFrame)
                return 0; // (after the work above has started, as it would in use)
        }
        // While something moves, frames come at most every 16 ms; input that arrives meanwhile is
        // read (and stamped) when it comes, so a flick's speed is measured from real times.
        if (shell.animating())
            screen.window.waitForInput(kAnimationFrameMs - (clock.now() - now));
    }
    if (options.reportTaps)
        std::printf("{\"figure\": \"tap_to_frame_ms\", \"taps\": %zu, \"median\": %.0f, \"max\": %.0f, "
                    "\"target\": 50}\n",
                    tapTimes.size(), percentile(tapTimes, 0.5), percentile(tapTimes, 1.0));
    return 0;
}

int runTour(Shell& shell, Screen screen, const Content& content, const std::filesystem::path& dir,
            const std::string& only)
{
    std::filesystem::create_directories(dir);
    const std::string size =
        std::to_string(screen.window.width()) + "x" + std::to_string(screen.window.height());
    int failures = 0;
    Stage stage(shell);
    for (Lang lang : kAllLangs) {
        for (const Still& still : tourStills(content)) {
            if (!still.pictured || !still.name.starts_with(only))
                continue;
            stage.show(still, lang);
            // A new ImGui window is hidden on its first frame; scrolling lands a frame later (a
            // still scrolled to a widget looks for it a window at a time).
            for (int i = 0; i < (still.scrollTo.empty() ? 3 : 16); ++i)
                drawFrame(shell, screen);
            render(shell, screen);
            const std::string& name = still.name;
            const auto file = dir / (name + "-" + std::string(langCode(lang)) + "-" + size + ".png");
            if (!screen.window.saveScreenshot(file))
                ++failures;
            std::cout << file.string() << "\n";
            screen.window.present();
        }
    }
    if (!screen.window.finishScreenshots())
        ++failures;
    if (failures > 0)
        std::cerr << "kiosk: error: tour: " << failures << " pictures could not be saved\n";
    return failures == 0 ? 0 : 1;
}

int runFrameBench(Shell& shell, Screen screen, const Clock& clock, int frames)
{
    const std::string size =
        std::to_string(screen.window.width()) + "x" + std::to_string(screen.window.height());
    auto timed = [&] {
        const auto t0 = std::chrono::steady_clock::now();
        drawFrame(shell, screen);
        screen.window.finish();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    // The floor this machine sets: an empty frame of the same window (clear, present, finish).
    std::vector<double> empty;
    for (int i = -10; i < frames; ++i) { // the first ten warm up, uncounted
        const auto t0 = std::chrono::steady_clock::now();
        screen.window.clear(1, 1, 1);
        screen.window.present();
        screen.window.finish();
        empty.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    const double floorP99 = percentile(empty, 0.99);
    auto report = [&](const char* figure, const std::vector<double>& times) {
        const double p99 = percentile(times, 0.99);
        std::printf(
            "{\"figure\": \"%s\", \"size\": \"%s\", \"frames\": %zu, \"p50_ms\": %.2f, "
            "\"p99_ms\": %.2f, \"empty_frame_p99_ms\": %.2f, \"ratio_p99\": %.2f, \"target_p99_ms\": 16}\n",
            figure, size.c_str(), times.size(), percentile(times, 0.5), p99, floorP99,
            floorP99 > 0 ? p99 / floorP99 : 0.0);
    };

    Stage stage(shell);
    stage.show(Route::home(), Lang::Id);
    for (int i = 0; i < 5; ++i)
        drawFrame(shell, screen);
    std::vector<double> home;
    for (int i = 0; i < frames; ++i)
        home.push_back(timed());
    report("frame_home", home);

    // Drag a finger up and down the longest page in steps, release with speed, let it glide.
    stage.show(Route::page("hotlines"), Lang::Id);
    for (int i = 0; i < 5; ++i)
        drawFrame(shell, screen);
    std::vector<double> drag;
    const float x = static_cast<float>(screen.window.width()) / 2;
    float y = static_cast<float>(screen.window.height()) * 0.75f;
    for (int round = 0; drag.size() < static_cast<std::size_t>(frames) && round < 100; ++round) {
        const bool up = round % 2 == 0;
        shell.push({PointerEvent::Type::Down, x, y, clock.now(), 0});
        drag.push_back(timed());
        for (int i = 0; i < 30; ++i) {
            y += up ? -12.f : 12.f;
            shell.push({PointerEvent::Type::Move, x, y, clock.now(), 0});
            drag.push_back(timed());
        }
        shell.push({PointerEvent::Type::Up, x, y, clock.now(), 0});
        drag.push_back(timed());
        for (int i = 0; i < 60 && shell.animating(); ++i)
            drag.push_back(timed());
    }
    report("frame_drag_scroll", drag);

    // Typing on the on-screen keyboard: each press and release is a frame; the release frame
    // applies the key, and the frame after it shows the letter.
    Still typing{"typing", Route::callback()};
    typing.form.focus(Field::Note);
    stage.show(typing, Lang::Id);
    for (int i = 0; i < 5; ++i)
        drawFrame(shell, screen);
    std::vector<double> keys;
    int shown = 0, presses = 0;
    for (int i = 0; keys.size() < static_cast<std::size_t>(frames); ++i) {
        const char* id = i % 20 == 19 ? "osk.key.backspace" : i % 6 == 5 ? "osk.key.space" : "osk.key.e";
        const WidgetBox* key = shell.uiMap().find(id);
        if (!key)
            break;
        const std::size_t before = shell.session().form.at(Field::Note).text.size();
        shell.push({PointerEvent::Type::Down, key->centerX(), key->centerY(), clock.now(), 0});
        keys.push_back(timed());
        shell.push({PointerEvent::Type::Up, key->centerX(), key->centerY(), clock.now(), 0});
        keys.push_back(timed());
        ++presses;
        if (shell.session().form.at(Field::Note).text.size() != before)
            ++shown;
        if (shell.session().form.at(Field::Note).text.size() > 200) // stay below the note's limit
            stage.show(typing, Lang::Id);
    }
    report("frame_keyboard", keys);
    std::printf("{\"figure\": \"keys_applied_on_release_frame\", \"presses\": %d, \"applied\": %d}\n",
                presses, shown);

    // Typing companies' names in the company search: every key searches the registry again and
    // draws its results (with a list loaded; the shipped one is empty).
    const Registry& registry = shell.content().registry;
    if (registry.companies.empty())
        return 0;
    const Still search{"search", Route::recruiter()};
    stage.show(search, Lang::Id);
    for (int i = 0; i < 5; ++i)
        drawFrame(shell, screen);
    std::vector<double> searching;
    for (std::size_t c = 0; searching.size() < static_cast<std::size_t>(frames) && c < 1000; ++c) {
        // The first 16 letters of a name without "PT", as a resident starts typing it.
        const std::string name =
            normalisedName(registry.companies[(c * 7919) % registry.companies.size()].name);
        for (const char ch : name.substr(0, 16)) {
            const std::string id = ch == ' ' ? "osk.key.space" : "osk.key." + std::string(1, ch);
            const WidgetBox* key = shell.uiMap().find(id);
            if (!key)
                continue; // a digit or a sign the letter keys do not have
            shell.push({PointerEvent::Type::Down, key->centerX(), key->centerY(), clock.now(), 0});
            searching.push_back(timed());
            shell.push({PointerEvent::Type::Up, key->centerX(), key->centerY(), clock.now(), 0});
            searching.push_back(timed());
        }
        stage.show(search, Lang::Id); // an empty field for the next name
        drawFrame(shell, screen);
    }
    report("frame_company_search", searching);
    std::printf("{\"figure\": \"frame_company_search_list\", \"companies\": %zu}\n",
                registry.companies.size());
    return 0;
}

} // namespace kiosk
