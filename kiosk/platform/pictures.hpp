// Pictures from the media folder as GL textures, loaded on first use and kept.
#pragma once

#include "core/assets.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace kiosk::platform {

class TexturePictures final : public PictureSource {
public:
    // The window's GL context must be current whenever this is used, and when it is destroyed.
    explicit TexturePictures(std::filesystem::path mediaDir) : m_mediaDir(std::move(mediaDir)) {}
    ~TexturePictures() override;
    TexturePictures(const TexturePictures&) = delete;
    TexturePictures& operator=(const TexturePictures&) = delete;

    [[nodiscard]] std::optional<Picture> picture(const std::string& file) override;
    // A picture made in memory (RGBA rows, `width` * `height` * 4 bytes), shown under `name`.
    void add(const std::string& name, unsigned width, unsigned height, const unsigned char* rgba);

private:
    static Picture upload(unsigned width, unsigned height, const unsigned char* rgba);

    std::filesystem::path m_mediaDir;
    std::map<std::string, std::optional<Picture>> m_cache; // a failed load is not retried
};

} // namespace kiosk::platform
