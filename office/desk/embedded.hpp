// The desk's templates and assets, compiled into the program (office/desk/embed.cmake writes them).
#pragma once

#include <string_view>
#include <vector>

namespace kiosk::office::desk {

struct EmbeddedFile {
    std::string_view name; // "layout.tpl", "desk.css"
    std::string_view text;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embeddedFiles();

} // namespace kiosk::office::desk
