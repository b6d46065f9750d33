// Ed25519 signatures by the office (libsodium): its signing key files, signing a text's exact bytes
// and checking such a signature against the keys a kiosk trusts. Content packs (packs/content_pack)
// and status packs (export/status_pack) both use this one place.
#pragma once

#include "core/problems.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::signing {

// An Ed25519 public key: what [content] trusted_keys names.
using PublicKey = std::array<unsigned char, 32>;

// Makes an Ed25519 key pair: NAME.sign.secret (mode 0600, stays at the office) and NAME.sign.public
// (goes to every kiosk). Never overwrites. Returns the two files' names (public, secret).
std::pair<std::filesystem::path, std::filesystem::path> makeSigningKeys(const std::filesystem::path& name);
// A NAME.sign.public file. Throws std::runtime_error naming the file.
[[nodiscard]] PublicKey readPublicKey(const std::filesystem::path& file);
// The trusted keys of kiosk.toml; a file that cannot be read adds a problem and is left out.
[[nodiscard]] std::vector<PublicKey> readTrustedKeys(const std::vector<std::filesystem::path>& files,
                                                     Problems& problems);

// The signature line of `bytes` with the secret key in `secretKeyFile` (a NAME.sign.secret):
// "ed25519 <public key, hex> <signature, hex>\n". Throws std::runtime_error naming the file when it
// is not a signing secret key (the office's sealing key NAME.secret is named as such).
[[nodiscard]] std::string sign(std::string_view bytes, const std::filesystem::path& secretKeyFile);

// What checking a signature line against `bytes` found.
enum class Verdict {
    Ok,
    Malformed,    // not a signature line as sign() writes it
    NoTrustedKey, // no key is trusted at all
    UntrustedKey, // a well-formed signature by a key not trusted (a forgery, or another office)
    BadSignature, // by a trusted key, but not of these bytes: they were changed after signing
};
struct Verification {
    Verdict verdict = Verdict::Malformed;
    std::string keyId; // the signing key's first 16 hex digits, when the line names one
    [[nodiscard]] bool ok() const { return verdict == Verdict::Ok; }
};
[[nodiscard]] Verification verify(std::string_view bytes, std::string_view signatureLine,
                                  const std::vector<PublicKey>& trusted);

} // namespace kiosk::signing
