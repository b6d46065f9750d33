// Telling a picture file the kiosk can show from any other file, by its first bytes.
#pragma once

#include <filesystem>

namespace kiosk {

// True for a PNG or JPEG file, by their signatures (not by the name's extension).
[[nodiscard]] bool isPictureFile(const std::filesystem::path& path);

} // namespace kiosk
