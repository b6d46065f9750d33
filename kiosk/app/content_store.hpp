// Which content the kiosk shows: the content in data/ when it passes its checks (and then a copy
// of it is kept as the last good content), else the last good copy, else none (maintenance).
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"

#include <filesystem>
#include <ostream>

namespace kiosk {

struct ShownContent {
    enum class Origin { Data, LastGood, None };
    Content content;
    Origin origin = Origin::None;
    Problems errors; // of the content in data/ (officer mode shows them)
    Problems warnings;
    std::filesystem::path mediaDir; // where its pictures are, when not the usual folder
};

// Loads `dataDir`; on success refreshes the copy in `goodDir` (unless it is empty, or nothing
// changed). Problems are also written to `log`.
[[nodiscard]] ShownContent loadShownContent(const std::filesystem::path& dataDir,
                                            const std::filesystem::path& mediaDir,
                                            const LocalContacts& contacts,
                                            const std::filesystem::path& goodDir, std::ostream& log);

} // namespace kiosk
