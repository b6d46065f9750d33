// The status pack a kiosk keeps: the office's latest word on this kiosk's requests (the file's format
// is export/status_pack). Officer mode takes it from a stick's desa-kiosk-status/<KIOSK-ID>.status;
// the kiosk keeps the exact signed bytes in STATE/status/current.status, replaced in one rename after
// a flush, so a power cut or a kill leaves the old pack or the new one; and at start-up the kept file
// is checked again and becomes the StatusBook the resident's screen "Cek permintaan saya" reads.
#pragma once

#include "export/status_pack.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::pack {

class StatusStore {
public:
    // `root` is the kiosk's STATE/status; made when a pack is first kept.
    explicit StatusStore(std::filesystem::path root);

    // The pack kept, checked again as when it was taken (its signature against `trusted`, for
    // `kioskId`): NotFound when there is none.
    [[nodiscard]] statuspack::Read load(const std::vector<signing::PublicKey>& trusted,
                                        const std::string& kioskId) const;
    // Takes `folder`/<kioskId>.status (a stick's desa-kiosk-status/): refused as statuspack::read
    // refuses, NotFound without such a plain file, Older when it was made before the pack kept,
    // AlreadyHave for the very pack kept; otherwise kept durably and returned.
    [[nodiscard]] statuspack::Read take(const std::filesystem::path& folder,
                                        const std::vector<signing::PublicKey>& trusted,
                                        const std::string& kioskId);

    [[nodiscard]] std::filesystem::path file() const { return m_root / "current.status"; }

private:
    std::filesystem::path m_root;
};

// Reads `file` whole, refusing a link, anything but a plain file and a file larger than a status
// pack may be; nothing when there is no such file. Throws std::system_error on a read failure,
// statuspack::TooLarge is told through `tooLarge`.
[[nodiscard]] std::optional<std::string> readStatusFile(const std::filesystem::path& file, bool& tooLarge);

} // namespace kiosk::pack
