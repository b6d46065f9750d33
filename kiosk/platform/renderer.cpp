// ImGui GL2 renderer binding. The font texture is ours, not the renderer's: a one-byte alpha
// texture, which the renderer's GL_MODULATE texturing combines with each vertex colour exactly as
// it would the RGBA one, at a quarter of the memory and with no conversion. The renderer's
// NewFrame() is therefore never called: all it would do is create the RGBA texture.
#include "platform/renderer.hpp"

#include <SFML/OpenGL.hpp>
#include <backends/imgui_impl_opengl2.h>
#include <imgui.h>

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
    if (m_fontTexture) {
        const GLuint texture = m_fontTexture;
        glDeleteTextures(1, &texture);
        ImGui::GetIO().Fonts->SetTexID(nullptr);
    }
    ImGui_ImplOpenGL2_Shutdown();
}

void ImGuiRenderer::uploadFonts()
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    GLuint texture = m_fontTexture;
    if (texture == 0)
        glGenTextures(1, &texture);
    m_fontTexture = texture;
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA8, w, h, 0, GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
    atlas->ClearTexData(); // the GL texture holds the glyphs now
}

void ImGuiRenderer::render(ImDrawData* data)
{
    if (data)
        ImGui_ImplOpenGL2_RenderDrawData(data);
}

} // namespace kiosk::platform
