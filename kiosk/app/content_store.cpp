// Content with a fallback to the last copy that passed its checks.
#include "app/content_store.hpp"

#include <system_error>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

// Replaces `goodDir` with a copy of the content folders of `dataDir`, whole or not at all.
void keepCopy(const fs::path& dataDir, const fs::path& goodDir, std::ostream& log)
{
    std::error_code ec;
    const fs::path tmp = goodDir.string() + ".new";
    const fs::path old = goodDir.string() + ".old";
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    for (const char* sub : {"content", "checklists"}) {
        if (ec)
            break;
        fs::copy(dataDir / sub, tmp / sub, fs::copy_options::recursive, ec);
    }
    if (!ec) {
        fs::remove_all(old, ec);
        ec.clear();
        if (fs::exists(goodDir))
            fs::rename(goodDir, old, ec);
        if (!ec)
            fs::rename(tmp, goodDir, ec);
        std::error_code ignored;
        fs::remove_all(old, ignored);
    }
    if (ec) {
        log << "kiosk: cannot keep a copy of the good content in " << goodDir << ": " << ec.message() << "\n";
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
    }
}

} // namespace

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
            keepCopy(dataDir, goodDir, log);
        return shown;
    }
    std::error_code ec;
    if (!goodDir.empty() && fs::is_directory(goodDir, ec)) {
        ContentLoad good = loadContent(goodDir, mediaDir, contacts);
        if (good.ok()) {
            log << "kiosk: the content in " << dataDir << " has errors; showing the last good copy\n";
            shown.content = std::move(good.content);
            shown.origin = ShownContent::Origin::LastGood;
            return shown;
        }
    }
    log << "kiosk: no content passed its checks; showing the maintenance notice\n";
    return shown;
}

} // namespace kiosk
