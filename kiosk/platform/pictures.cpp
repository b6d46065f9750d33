// Media pictures: decoded by SFML (PNG, JPEG), uploaded as RGBA textures.
#include "platform/pictures.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/OpenGL.hpp>

#include <cstdint>
#include <iostream>

namespace kiosk::platform {

TexturePictures::~TexturePictures()
{
    for (const auto& [file, pic] : m_cache)
        if (pic) {
            const auto texture = static_cast<GLuint>(pic->texture);
            glDeleteTextures(1, &texture);
        }
}

std::optional<Picture> TexturePictures::picture(const std::string& file)
{
    if (const auto it = m_cache.find(file); it != m_cache.end())
        return it->second;
    std::optional<Picture>& slot = m_cache[file];
    sf::Image image;
    // Content checks keep names inside the media folder; check again, a picture is no place to fail.
    if (file.find("..") != std::string::npos || !image.loadFromFile((m_mediaDir / file).string())) {
        std::cerr << "kiosk: cannot show the picture " << file << "\n";
        return slot;
    }
    const auto [w, h] = image.getSize();
    slot = upload(w, h, image.getPixelsPtr());
    return slot;
}

void TexturePictures::add(const std::string& name, unsigned width, unsigned height, const unsigned char* rgba)
{
    if (const auto it = m_cache.find(name); it != m_cache.end() && it->second) {
        const auto texture = static_cast<GLuint>(it->second->texture);
        glDeleteTextures(1, &texture);
    }
    m_cache[name] = upload(width, height, rgba);
}

Picture TexturePictures::upload(unsigned width, unsigned height, const unsigned char* rgba)
{
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, static_cast<GLsizei>(width), static_cast<GLsizei>(height), 0,
                 GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return Picture{texture, static_cast<float>(width), static_cast<float>(height)};
}

} // namespace kiosk::platform
