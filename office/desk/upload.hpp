// The desk's upload area: the files of a folder upload (a batch folder, or a whole USB stick)
// checked, then written into a fresh private folder without ever following a symlink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::office {

struct UploadedFile {
    std::string name;    // the relative path the browser sent ("desa-kiosk/CMG/2026-11-02…/manifest.json")
    std::string content; // the bytes
};

struct UploadLimits {
    std::size_t maxFiles = 2000;
    std::uint64_t maxBytes = 64ull << 20; // all files together
};

// What() is an Indonesian sentence for the office staff, naming the file when one is at fault.
class UploadRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Checks every name (not empty, relative, no "." or ".." or empty part, no backslash, no control
// character, at most 255 bytes a part and 4096 in all, none twice, none both a file and a folder),
// the count and the total size, then writes the files into a fresh folder under `root` (made 0700,
// files 0600; folders made with mkdirat, files opened with O_CREAT|O_EXCL|O_NOFOLLOW relative to
// their folder, never following a symlink) and returns that folder. `root` is made when missing.
// Throws UploadRefused: nothing is written when a check fails, and a folder half-written when the
// disk fails is removed.
[[nodiscard]] std::filesystem::path receiveUpload(const std::filesystem::path& root,
                                                  const std::vector<UploadedFile>& files,
                                                  const UploadLimits& limits);

// The same into the folder `root`/`folder`, which must not exist yet (not even as a symlink): for
// the tests, and for a caller that names the folder itself. `folder` is one plain name.
[[nodiscard]] std::filesystem::path receiveUploadAs(const std::filesystem::path& root,
                                                    const std::string& folder,
                                                    const std::vector<UploadedFile>& files,
                                                    const UploadLimits& limits);

} // namespace kiosk::office
