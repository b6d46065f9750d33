// Runs the shell in a real window: the kiosk itself, the tour of screenshots, and the benchmark.
#pragma once

#include "platform/renderer.hpp"
#include "platform/window.hpp"
#include "shell/shell.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace kiosk {

// Where frames go: the window and the ImGui renderer bound to its GL context.
struct Screen {
    platform::Window& window;
    platform::ImGuiRenderer& renderer;
};

struct RunOptions {
    std::filesystem::path uiMap;           // rewritten after every frame when set
    bool exitAfterFirstFrame = false;      // print when the first frame was shown, then exit
    bool reportTaps = false;               // on exit, print how long taps took to show their answer
    std::function<void()> afterFirstFrame; // work that must not delay the first picture
    std::function<void()> tick;            // every turn of the loop, drawn or not (the watchdog)
};

// runKiosk's answer when the kiosk should start again (other content is installed).
inline constexpr int kRestartKiosk = -1;

// The frame loop. Draws only when something changes; otherwise sleeps until input or the next
// timed change. Returns the exit code, or kRestartKiosk.
int runKiosk(Shell& shell, Screen screen, const Clock& clock, const RunOptions& options);

// Renders every screen in every language to DIR/<screen>-<lang>-<W>x<H>.png (only the stills whose
// names start with `only`). Returns the exit code.
int runTour(Shell& shell, Screen screen, const Content& content, const std::filesystem::path& dir,
            const std::string& only = {});

// Frame times on the home screen and while drag-scrolling a long page; prints JSON lines.
int runFrameBench(Shell& shell, Screen screen, const Clock& clock, int frames);

} // namespace kiosk
