// The kiosk's window: an SFML window with its OpenGL context, and the SFML side of the input
// bridge (events become the kiosk's pointer events). With font_files and renderer, the only code
// that knows SFML or GL.
#pragma once

#include "core/clock.hpp"
#include "core/gesture.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

namespace kiosk::platform {

struct WindowEvent {
    enum class Type { Pointer, Resized, Closed };
    Type type = Type::Pointer;
    PointerEvent pointer{};
    unsigned width = 0, height = 0;
};

struct WindowOptions {
    bool fullscreen = true;
    unsigned width = 1920, height = 1080; // when not full screen
    bool vsync = true;
};

// Size of the screen a full-screen window would cover.
[[nodiscard]] std::pair<unsigned, unsigned> screenSize();

class Window {
public:
    // Opens the window and makes its GL context current. Throws std::runtime_error.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] unsigned width() const;
    [[nodiscard]] unsigned height() const;

    // Next input event, translated, stamped with `now`. Touch and mouse become the same pointer.
    [[nodiscard]] std::optional<WindowEvent> poll(Millis now);

    // Sleeps until the window system has input for us or `timeoutMs` has passed, whichever is
    // first. Call only after poll() has returned nothing.
    void waitForInput(Millis timeoutMs);

    // A part of the window, in pixels from its top-left corner.
    struct Region {
        int x = 0, y = 0, width = 0, height = 0;
    };

    // Clears the frame to one colour (the renderer draws on top).
    void clear(float r, float g, float b);
    // Clears only `region` of it.
    void clear(float r, float g, float b, Region region);
    // Shows the frame.
    void present();
    // Whether present(Region) works here (X with GLX_MESA_copy_sub_buffer, as Mesa gives).
    [[nodiscard]] bool canPresentRegion() const;
    // Shows only `region` of the frame drawn. Unlike present(), the frame drawn stays in the back
    // buffer: the next one may redraw only what changed. No waiting for the screen's refresh.
    void present(Region region);
    // Waits until the GPU has finished (for honest frame timing).
    void finish();
    // Saves the back buffer, before present(), as PNG with an opaque alpha channel. The pixels are
    // read at once and the file written on another thread; returns false when the previous
    // screenshot could not be written.
    bool saveScreenshot(const std::filesystem::path& file);
    // Waits for the last screenshot; false when it could not be written.
    bool finishScreenshots();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kiosk::platform
