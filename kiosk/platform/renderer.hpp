// Dear ImGui's OpenGL 2 renderer (from Debian's libimgui.a) bound to the window's GL context,
// with the font atlas as a one-byte alpha texture.
#pragma once

#include <cstddef>
#include <vector>

struct ImDrawData;

namespace kiosk::platform {

class ImGuiRenderer {
public:
    // The ImGui context and the window's GL context must be current, and outlive this object.
    ImGuiRenderer();
    ~ImGuiRenderer();
    ImGuiRenderer(const ImGuiRenderer&) = delete;
    ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

    // Uploads the current font atlas (before the first frame, after every rebuild, and whenever
    // the shell switches between its normal and larger-text atlases) and frees its CPU copy. An
    // atlas already uploaded keeps its texture: switching back costs nothing.
    void uploadFonts();
    // Draws the frame's draw data into the current GL context.
    void render(ImDrawData* data);
    // The same, only inside the rectangle (x0, y0, x1, y1 in pixels from the top left): whatever
    // lies outside it is left as it was.
    void render(ImDrawData* data, float x0, float y0, float x1, float y1);

private:
    struct FontTexture {
        const void* atlas;
        unsigned texture;
    };
    // Most recently used first; at most kFontTextures: the shell's normal and larger-text atlases,
    // never more at once, so a live atlas never loses its texture.
    std::vector<FontTexture> m_fontTextures;
    static constexpr std::size_t kFontTextures = 2;
};

} // namespace kiosk::platform
