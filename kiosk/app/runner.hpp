// Runs the shell in a real window: the kiosk itself, the tour of screenshots, and the benchmark.
#pragma once

#include "app/shell.hpp"
#include "platform/window.hpp"

#include <filesystem>
#include <string>

namespace kiosk {

struct RunOptions {
    std::filesystem::path uiMap;     // rewritten after every frame when set
    bool exitAfterFirstFrame = false; // print the time the first frame was shown, then exit
};

// The frame loop. Draws only when something changes; sleeps otherwise. Returns the exit code.
int runKiosk(Shell& shell, platform::Window& window, const Clock& clock, const RunOptions& options);

// Renders every screen in every language to DIR/<screen>-<lang>-<W>x<H>.png. Returns the exit code.
int runTour(Shell& shell, platform::Window& window, const std::filesystem::path& dir);

// Frame times on the home screen and while drag-scrolling the topic page; prints JSON lines.
int runFrameBench(Shell& shell, platform::Window& window, const Clock& clock, int frames);

} // namespace kiosk
