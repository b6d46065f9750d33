// Dear ImGui's OpenGL 2 renderer (from Debian's libimgui.a) bound to the window's GL context,
// with the font atlas as a one-byte alpha texture.
#pragma once

struct ImDrawData;

namespace kiosk::platform {

class ImGuiRenderer {
public:
    // The ImGui context and the window's GL context must be current, and outlive this object.
    ImGuiRenderer();
    ~ImGuiRenderer();
    ImGuiRenderer(const ImGuiRenderer&) = delete;
    ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

    // Uploads the current font atlas (before the first frame, and after every rebuild) and frees
    // its CPU copy.
    void uploadFonts();
    // Draws the frame's draw data into the current GL context.
    void render(ImDrawData* data);

private:
    unsigned m_fontTexture = 0;
};

} // namespace kiosk::platform
