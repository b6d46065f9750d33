// ImGui GL2 renderer binding. The font texture is ours, not the renderer's: a one-byte alpha
// texture, which the renderer's GL_MODULATE texturing combines with each vertex colour exactly as
// it would the RGBA one, at a quarter of the memory and with no conversion. The renderer's
// NewFrame() is therefore never called: all it would do is create the RGBA texture.
#include "platform/renderer.hpp"

#include <SFML/OpenGL.hpp>
#include <backends/imgui_impl_opengl2.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace kiosk::platform {

ImGuiRenderer::ImGuiRenderer()
{
    if (!ImGui_ImplOpenGL2_Init())
        throw std::runtime_error("cannot initialise the ImGui OpenGL renderer");
}

ImGuiRenderer::~ImGuiRenderer()
{
    for (const FontTexture& t : m_fontTextures) {
        const GLuint texture = t.texture;
        glDeleteTextures(1, &texture);
    }
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    ImGui_ImplOpenGL2_Shutdown();
}

void ImGuiRenderer::uploadFonts()
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const auto id = [](GLuint t) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t)); };
    GLuint texture = 0;
    for (auto it = m_fontTextures.begin(); it != m_fontTextures.end(); ++it)
        if (it->atlas == atlas) {
            texture = it->texture;
            m_fontTextures.erase(it);
            break;
        }
    // Its texture is still there (an atlas built at the same address since has no TexID yet).
    const bool uploaded = texture != 0 && atlas->TexID == id(texture);
    if (texture == 0) {
        if (m_fontTextures.size() >= kFontTextures) { // the least recently shown atlas' texture goes
            const GLuint old = m_fontTextures.back().texture;
            glDeleteTextures(1, &old);
            m_fontTextures.pop_back();
        }
        glGenTextures(1, &texture);
    }
    m_fontTextures.insert(m_fontTextures.begin(), FontTexture{atlas, texture});
    if (uploaded)
        return;
    // The shell's atlases keep their pixels until uploaded here, and have dropped their font files
    // (ui/fonts): one whose texture was given up cannot be built again.
    if (!atlas->TexPixelsAlpha8 && !atlas->TexPixelsRGBA32 && atlas->ConfigData.empty())
        throw std::runtime_error("the font atlas was uploaded before and can no longer be rebuilt");
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA8, w, h, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(id(texture));
    atlas->ClearTexData(); // the GL texture holds the glyphs now
}

void ImGuiRenderer::render(ImDrawData* data)
{
    if (data)
        ImGui_ImplOpenGL2_RenderDrawData(data);
}

void ImGuiRenderer::render(ImDrawData* data, float x0, float y0, float x1, float y1)
{
    if (!data)
        return;
    // Every command clipped to the rectangle as well; the renderer skips those left empty.
    const ImVec2 off = data->DisplayPos;
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) {
            ImVec4& c = cmd.ClipRect;
            c = ImVec4(std::max(c.x, x0 + off.x), std::max(c.y, y0 + off.y), std::min(c.z, x1 + off.x),
                       std::min(c.w, y1 + off.y));
            if (c.z < c.x)
                c.z = c.x;
            if (c.w < c.y)
                c.w = c.y;
        }
    ImGui_ImplOpenGL2_RenderDrawData(data);
}

} // namespace kiosk::platform
