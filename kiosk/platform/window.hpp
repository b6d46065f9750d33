// The kiosk's window: an SFML window with an OpenGL context, our SFML -> ImGui input bridge, and
// ImGui's OpenGL 2 renderer. The only code besides font_files that knows SFML or GL.
#pragma once

#include "core/clock.hpp"
#include "core/gesture.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

struct ImDrawData;

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
    // Opens the window and its GL context, and initialises ImGui's GL renderer. An ImGui context
    // must exist already and outlive this window.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] unsigned width() const;
    [[nodiscard]] unsigned height() const;

    // Next input event, translated, stamped with `now`. Touch and mouse become the same pointer.
    [[nodiscard]] std::optional<WindowEvent> poll(Millis now);

    // Upload the font atlas again after it was rebuilt.
    void reloadFonts();
    // Before ImGui::NewFrame().
    void beginFrame();
    // Clear, draw ImGui's draw data, show it.
    void render(ImDrawData* data);
    void present();
    // Wait until the GPU has finished (for honest frame timing).
    void finish();
    // Saves what was last rendered (the back buffer) as PNG with an opaque alpha channel.
    bool saveScreenshot(const std::filesystem::path& file);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kiosk::platform
