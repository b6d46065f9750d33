// Replacing a file so that a reader sees either the old or the new content, never half of it.
#pragma once

#include <filesystem>
#include <string_view>

namespace kiosk {

// Writes `content` to a temporary file beside `file` and renames it over `file`. With `durable`,
// the data and the directory entry are flushed to disk before returning. Throws
// std::system_error with the OS error.
void writeFileAtomically(const std::filesystem::path& file, std::string_view content, bool durable = false);

} // namespace kiosk
