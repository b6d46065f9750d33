// Signed content packs: how the office sends new guidance to a kiosk on a USB stick.
//
// A pack is a folder with the kiosk's content in the layout of data/ — `content/`, `checklists/`,
// `registry/` (the licensed placement companies) and optionally `media/` (pictures and recordings)
// — and two files the office's `kiosk content sign` adds: MANIFEST, listing every file of those
// folders with its size and SHA-256, and MANIFEST.sig, an Ed25519 signature (libsodium) of the manifest's
// exact bytes. A kiosk installs a pack only when the signature is from a key it trusts ([content]
// trusted_keys), every file is exactly as listed (none missing, none added, none changed) and the content
// passes every check of `check-content`.
//
// Installed packs live in a folder of the kiosk's own (PackStore): packs/<id>/ holds each, and two
// symbolic links say which is shown (`current`) and which a rollback returns to (`previous`). A pack
// is copied in full and flushed to disk before `current` is switched to it in one rename, so a
// power cut or a kill at any moment leaves the kiosk showing either the old pack or the new one.
#pragma once

#include "core/clock.hpp"
#include "core/fault.hpp"
#include "core/problems.hpp"
#include "export/signing.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::pack {

inline constexpr const char* kManifest = "MANIFEST";
inline constexpr const char* kSignature = "MANIFEST.sig";
// The folder on a USB stick that officer mode looks for.
inline constexpr const char* kStickFolder = "desa-kiosk-konten";

// The office's Ed25519 signing keys (export/signing: the same keys sign status packs).
using PublicKey = signing::PublicKey;
// NAME.sign.secret and NAME.sign.public; the trusted keys of kiosk.toml (see export/signing.hpp).
using signing::makeSigningKeys;
using signing::readPublicKey;
using signing::readTrustedKeys;

// Writes MANIFEST and MANIFEST.sig into `dir`, replacing earlier ones, signed with the secret key
// in `secretKeyFile`; `createdUnixMs` is written into the manifest. Returns the pack's id. Throws
// std::runtime_error with a message for the office (no content folder, a symbolic link, ...).
std::string sign(const std::filesystem::path& dir, const std::filesystem::path& secretKeyFile,
                 Millis createdUnixMs);

// Why a pack was not installed (or rolled back to).
enum class Refusal {
    None,
    NotFound,     // no pack there: no MANIFEST and no content folder
    Unsigned,     // content without MANIFEST or MANIFEST.sig
    NoTrustedKey, // this kiosk trusts no key: it accepts no pack at all
    UntrustedKey, // signed, but not by a key this kiosk trusts (a forged pack)
    BadSignature, // the manifest was changed after it was signed
    Tampered,     // a file differs from the manifest, or one is missing or added
    Invalid,      // signed and intact, but the content does not pass its checks
    AlreadyShown, // this very pack is already shown
    NoPrevious,   // rollback: nothing to go back to
    Failed,       // reading or writing failed (a stick pulled out, a full disk)
};
[[nodiscard]] const char* refusalName(Refusal refusal); // "untrusted-key", for ui.toml keys and logs

struct PackInfo {
    std::string id;      // first 12 hex digits of the manifest's SHA-256
    std::string created; // "2026-11-29 14:05" (UTC) as signed
    std::filesystem::path dir;
};

struct Outcome {
    Refusal refusal = Refusal::None;
    std::string detail;  // for the technician: which file, which problem (English)
    PackInfo pack;       // the pack concerned, as far as it was read
    FaultDetail fault{}; // the same in parts, for officer mode to word: a file, a key id, an errno
    [[nodiscard]] bool ok() const { return refusal == Refusal::None; }
};

// The content checks a pack must pass: the problems of the folder given (none: good).
using ContentCheck = std::function<Problems(const std::filesystem::path& packDir)>;
// Bytes done and bytes in all, while a pack is copied.
using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Where a kiosk keeps its packs and what it checks them with, from its configuration.
struct Place {
    std::filesystem::path root;     // STATE/content
    std::vector<PublicKey> trusted; // [content] trusted_keys, read
    Problems keyProblems;           // trusted key files that could not be read
    ContentCheck check;             // the checks of check-content
};

// What a pack at `dir` says of itself (its manifest's header), or nothing when there is no
// readable manifest. Checks nothing.
[[nodiscard]] std::optional<PackInfo> peek(const std::filesystem::path& dir);

class PackStore {
public:
    explicit PackStore(std::filesystem::path root);

    [[nodiscard]] std::optional<PackInfo> current() const;
    [[nodiscard]] std::optional<PackInfo> previous() const;

    // Copies the pack at `source` in, checking its signature against `trusted` and every file
    // against its manifest as it is read, then `check` on the copy; makes it current, the current
    // one previous. On any refusal nothing shown changes. Leftovers of an interrupted install are
    // cleared first.
    Outcome install(const std::filesystem::path& source, const std::vector<PublicKey>& trusted,
                    const ContentCheck& check, const Progress& progress = {});
    // Shows the previous pack again (checked again, in full) and keeps the current one as previous.
    Outcome rollback(const std::vector<PublicKey>& trusted, const ContentCheck& check);
    // Checks an installed pack in full, as install does: signature, files, content.
    [[nodiscard]] Outcome verifyInstalled(const PackInfo& pack, const std::vector<PublicKey>& trusted,
                                          const ContentCheck& check) const;

private:
    std::filesystem::path m_root;
};

} // namespace kiosk::pack
