// Status packs: what the office has done with a kiosk's requests, sent back to that kiosk on a USB
// stick as one signed file, desa-kiosk-status/<KIOSK-ID>.status. The office writes it (desa-office
// status-pack, office/ledger/status_pack), the kiosk checks and keeps it (packs/status_pack) for the
// resident's screen "Cek permintaan saya".
//
// The file, all of it, in order:
//   line 1   "desa-kiosk status pack 1"
//   line 2   "ed25519 <public key, hex> <signature, hex>": the office's signing key (the one that signs
//            content packs, export/signing) over the exact bytes of the body, everything after line 2
//   body     JSON, UTF-8:
//            {"format":"desa-kiosk-status","version":1,"kiosk":"CMG","created_ms":1796...,
//             "created":"2026-12-02 14:05","requests":[
//            {"reference":"CMG-0001","status":"diterima","date":"2026-12-01"},
//            ...
//            ]}
// "created" is the office's local time, for people; "created_ms" the exact moment (Unix ms), which
// a kiosk compares to refuse a pack older than its own. For each request only its reference, its
// status (diterima, dihubungi, selesai) and the office's local date it reached it: no name, phone,
// note, partner, topic or anything else. A kiosk refuses an entry with any other field.
#pragma once

#include "core/clock.hpp"
#include "core/fault.hpp"
#include "core/request_status.hpp"
#include "export/signing.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::statuspack {

// The folder on a USB stick (beside the content packs' desa-kiosk-konten/) that holds one file per
// kiosk: <KIOSK-ID>.status.
inline constexpr const char* kStickFolder = "desa-kiosk-status";
inline constexpr const char* kExtension = ".status";
inline constexpr std::string_view kHeader = "desa-kiosk status pack 1";
inline constexpr std::string_view kFormat = "desa-kiosk-status";
inline constexpr int kVersion = 1;
// Bounds that keep a broken or hostile file from filling a kiosk's memory: a village kiosk has a
// few thousand requests in a year.
inline constexpr std::size_t kMaxBytes = 16u << 20;
inline constexpr std::size_t kMaxEntries = 200'000;

struct StatusPack {
    StatusBook book;      // kiosk id, created (readable), the entries
    Millis createdMs = 0; // when the office made it (Unix ms)
};

// A kiosk id as kiosk.toml allows it: 2 to 8 capital letters.
[[nodiscard]] bool isKioskId(std::string_view id);
// A reference of that kiosk as it makes them: "CMG-0427" (the id, a dash, 1 to 12 digits).
[[nodiscard]] bool isReference(std::string_view kioskId, std::string_view reference);
// "diterima", "dihubungi", "selesai"
[[nodiscard]] std::string_view statusWord(RequestStatus status);
[[nodiscard]] std::optional<RequestStatus> statusFromWord(std::string_view word);
// "CMG.status"
[[nodiscard]] std::string fileName(std::string_view kioskId);

// The body as the office writes it. Throws std::invalid_argument for an entry a kiosk would refuse
// (a reference not of this kiosk, a date that is not one, a reference twice).
[[nodiscard]] std::string body(const StatusPack& pack);
// The whole file, signed with the secret key in `secretKeyFile` (a NAME.sign.secret). Throws
// std::runtime_error naming the key file when it is not a signing key, std::invalid_argument as body().
[[nodiscard]] std::string write(const StatusPack& pack, const std::filesystem::path& secretKeyFile);

// Why a status pack was not taken.
enum class Refusal {
    None,
    NotFound,     // no desa-kiosk-status/<this kiosk>.status on the stick
    TooLarge,     // larger than kMaxBytes
    Damaged,      // not a status pack at all (garbage, cut short before its signature)
    Unsigned,     // a status pack without a signature line
    NoTrustedKey, // this kiosk trusts no key
    UntrustedKey, // signed by a key this kiosk does not trust (a forged pack)
    BadSignature, // the body was changed after it was signed
    Invalid,      // signed by a trusted key, but not a body this kiosk can read (a newer format)
    OtherKiosk,   // made for another kiosk
    Older,        // older than the pack this kiosk has
    AlreadyHave,  // the very pack this kiosk has
    Failed,       // reading or writing failed (a stick pulled out, a full disk)
};
// "untrusted-key", for ui.toml keys, the audit and logs.
[[nodiscard]] const char* refusalName(Refusal refusal);

struct Read {
    Refusal refusal = Refusal::None;
    std::string detail;  // for the technician (English)
    FaultDetail fault{}; // the same in parts, for officer mode
    StatusPack pack;     // when ok
    [[nodiscard]] bool ok() const { return refusal == Refusal::None; }
};
// Checks a whole file: its form, its signature against `trusted`, its body, and that it is for
// `kioskId`. Never throws for anything in `bytes`.
[[nodiscard]] Read read(std::string_view bytes, const std::vector<signing::PublicKey>& trusted,
                        std::string_view kioskId);

} // namespace kiosk::statuspack
