// Helpers of the status pack tests: the office's signing keys and a pack of a kiosk written where a
// stick would have it (desa-kiosk-status/<KIOSK-ID>.status).
#pragma once

#include "export/signing.hpp"
#include "export/status_pack.hpp"
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kiosk::test {

// The office's signing key pair (as `kiosk content keygen` makes it) and the kiosk's trust in it.
struct SigningOffice {
    TempDir dir;
    std::filesystem::path pub, sec;
    std::vector<signing::PublicKey> trusted;
    SigningOffice()
    {
        std::tie(pub, sec) = signing::makeSigningKeys(dir.path() / "kantor");
        trusted = {signing::readPublicKey(pub)};
    }
};

// A pack of `kiosk` made at `createdMs` ("2026-12-02 14:05" as its readable date) with `n` requests:
// CMG-0001 diterima, CMG-0002 dihubungi, CMG-0003 selesai, and on.
inline statuspack::StatusPack statusPack(const std::string& kiosk, Millis createdMs, int n = 3,
                                         const std::string& created = "2026-12-02 14:05")
{
    statuspack::StatusPack p;
    p.book.kioskId = kiosk;
    p.book.created = created;
    p.createdMs = createdMs;
    for (int i = 1; i <= n; ++i) {
        char ref[32];
        std::snprintf(ref, sizeof ref, "%s-%04d", kiosk.c_str(), i);
        p.book.entries.push_back(
            {ref, static_cast<RequestStatus>((i - 1) % 3), "2026-11-2" + std::to_string(i % 10)});
    }
    return p;
}

// Writes `bytes` as the stick folder's file for `kiosk`; returns the file.
inline std::filesystem::path putStatusFile(const std::filesystem::path& folder, const std::string& kiosk,
                                           const std::string& bytes)
{
    std::filesystem::create_directories(folder);
    const auto file = folder / statuspack::fileName(kiosk);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    return file;
}

} // namespace kiosk::test
