// Which content the kiosk shows: the content in data/ when it passes its checks (and then a copy
// of it is kept as the last good content), else the last good copy, else none (maintenance).
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"
#include "packs/content_pack.hpp"

#include <filesystem>
#include <ostream>
#include <string>

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

// The pictures of the content pack in `dir`: its own media/ when it has one, else `shippedMedia`.
[[nodiscard]] std::filesystem::path packMedia(const std::filesystem::path& dir,
                                              const std::filesystem::path& shippedMedia);

// The checks of `kiosk check-content` for a content pack: its own media/ when it has one, else
// the pictures in `shippedMedia`; local contacts from the kiosk's configuration.
[[nodiscard]] pack::ContentCheck packContentCheck(LocalContacts contacts, std::filesystem::path shippedMedia);

// A short fingerprint of the content in `dir` (its pages, checklists, strings, sources and registry): the
// first 12 hex digits of SHA-256 over every file's relative path and bytes, in path order. Officers compare
// it with the office's copy; it changes whenever any word does.
[[nodiscard]] std::string contentVersion(const std::filesystem::path& dir);

} // namespace kiosk
