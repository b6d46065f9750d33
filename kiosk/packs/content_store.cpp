// Content with a fallback to the last copy that passed its checks. The copy is made first, checked
// itself, and swapped in whole (renameat2 RENAME_EXCHANGE), so a crash at any moment leaves either
// the old good copy or the new one, never neither.
#include "packs/content_store.hpp"

#include "export/format.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

// What a copy holds: the content folders (the registry's when there is one), the sources file, and
// the pictures beside them.
constexpr const char* kParts[] = {"content", "checklists", "registry"};
constexpr const char* kSourcesFile = "sources.toml";

// Whether the files `a` and `b` are both missing, or both there with the same bytes.
bool sameFile(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    const bool hasA = fs::is_regular_file(a, ec), hasB = fs::is_regular_file(b, ec);
    if (!hasA || !hasB)
        return hasA == hasB;
    std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
    return fs::file_size(a, ec) == fs::file_size(b, ec) &&
           std::equal(std::istreambuf_iterator<char>(x), std::istreambuf_iterator<char>(),
                      std::istreambuf_iterator<char>(y), std::istreambuf_iterator<char>());
}

bool sameFiles(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    std::vector<fs::path> left, right;
    auto list = [&](const fs::path& root, std::vector<fs::path>& out) {
        if (!fs::is_directory(root, ec))
            return;
        for (auto it = fs::recursive_directory_iterator(root, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->is_regular_file(ec))
                out.push_back(fs::relative(it->path(), root, ec));
    };
    list(a, left);
    list(b, right);
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    if (ec || left != right)
        return false;
    for (const auto& rel : left) {
        std::ifstream x(a / rel, std::ios::binary), y(b / rel, std::ios::binary);
        if (!std::equal(std::istreambuf_iterator<char>(x), std::istreambuf_iterator<char>(),
                        std::istreambuf_iterator<char>(y), std::istreambuf_iterator<char>()))
            return false;
        if (fs::file_size(a / rel, ec) != fs::file_size(b / rel, ec))
            return false;
    }
    return true;
}

// Flushes every file and folder under `dir` to disk.
void syncTree(const fs::path& dir)
{
    std::error_code ec;
    std::vector<fs::path> paths{dir};
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        paths.push_back(it->path());
    for (const auto& p : paths) {
        const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
}

bool unchanged(const fs::path& dataDir, const fs::path& mediaDir, const fs::path& goodDir)
{
    for (const char* part : kParts)
        if (!sameFiles(dataDir / part, goodDir / part))
            return false;
    return sameFile(dataDir / kSourcesFile, goodDir / kSourcesFile) && sameFiles(mediaDir, goodDir / "media");
}

// Makes `goodDir` a checked copy of the content in `dataDir` and the pictures in `mediaDir`.
void keepCopy(const fs::path& dataDir, const fs::path& mediaDir, const LocalContacts& contacts,
              const fs::path& goodDir, std::ostream& log)
{
    std::error_code ec;
    if (fs::is_directory(goodDir, ec) && unchanged(dataDir, mediaDir, goodDir))
        return; // nothing new: no writes at all
    const fs::path fresh = goodDir.string() + ".new";
    fs::remove_all(fresh, ec);
    fs::create_directories(fresh, ec);
    for (const char* part : kParts)
        if (!ec && fs::exists(dataDir / part, ec))
            fs::copy(dataDir / part, fresh / part, fs::copy_options::recursive, ec);
    if (!ec && fs::is_regular_file(dataDir / kSourcesFile))
        fs::copy(dataDir / kSourcesFile, fresh / kSourcesFile, ec);
    if (!ec && fs::is_directory(mediaDir))
        fs::copy(mediaDir, fresh / "media", fs::copy_options::recursive, ec);
    // What is kept is what was checked: the copy itself, not data/ again.
    if (!ec && !loadContent(fresh, fresh / "media", contacts).ok()) {
        log << "kiosk: the content changed while it was being copied; the last good copy stays\n";
        fs::remove_all(fresh, ec);
        return;
    }
    if (!ec) {
        syncTree(fresh);
        if (fs::exists(goodDir)) {
            if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, goodDir.c_str(), RENAME_EXCHANGE) != 0)
                ec = std::error_code(errno, std::generic_category());
        } else if (::rename(fresh.c_str(), goodDir.c_str()) != 0) {
            ec = std::error_code(errno, std::generic_category());
        }
        syncTree(goodDir.parent_path());
    }
    if (ec)
        log << "kiosk: cannot keep a copy of the good content in " << goodDir << ": " << ec.message() << "\n";
    std::error_code ignored;
    fs::remove_all(fresh, ignored); // after an exchange, the old copy
}

} // namespace

fs::path packMedia(const fs::path& dir, const fs::path& shippedMedia)
{
    std::error_code ec;
    return fs::is_directory(dir / "media", ec) ? dir / "media" : shippedMedia;
}

pack::ContentCheck packContentCheck(LocalContacts contacts, fs::path shippedMedia)
{
    return [contacts = std::move(contacts), shippedMedia = std::move(shippedMedia)](const fs::path& dir) {
        return loadContent(dir, packMedia(dir, shippedMedia), contacts).errors;
    };
}

std::string contentVersion(const fs::path& dir)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (const char* part : kParts)
        for (auto it = fs::recursive_directory_iterator(dir / part, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->is_regular_file(ec))
                files.push_back(it->path());
    if (fs::is_regular_file(dir / kSourcesFile, ec))
        files.push_back(dir / kSourcesFile);
    std::sort(files.begin(), files.end());
    std::string all;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const std::string name = fs::relative(file, dir, ec).generic_string();
        all += std::to_string(name.size()) + ":" + name + std::to_string(bytes.size()) + ":" + bytes;
    }
    return exporter::sha256Hex(all).substr(0, 12);
}

ShownContent loadShownContent(const fs::path& dataDir, const fs::path& mediaDir,
                              const LocalContacts& contacts, const fs::path& goodDir, std::ostream& log)
{
    ShownContent shown;
    ContentLoad load = loadContent(dataDir, mediaDir, contacts);
    for (const auto& e : load.errors)
        log << "kiosk: content: " << e << "\n";
    for (const auto& w : load.warnings)
        log << "kiosk: content: warning: " << w << "\n";
    shown.errors = load.errors;
    shown.warnings = load.warnings;
    if (load.ok()) {
        shown.content = std::move(load.content);
        shown.origin = ShownContent::Origin::Data;
        if (!goodDir.empty())
            keepCopy(dataDir, mediaDir, contacts, goodDir, log);
        return shown;
    }
    std::error_code ec;
    if (!goodDir.empty() && fs::is_directory(goodDir, ec)) {
        // The copy brings its own pictures, as they were when it was checked.
        ContentLoad good = loadContent(goodDir, goodDir / "media", contacts);
        if (good.ok()) {
            log << "kiosk: the content in " << dataDir << " has errors; showing the last good copy\n";
            shown.content = std::move(good.content);
            shown.origin = ShownContent::Origin::LastGood;
            shown.mediaDir = goodDir / "media";
            return shown;
        }
    }
    log << "kiosk: no content passed its checks; showing the maintenance notice\n";
    return shown;
}

} // namespace kiosk
