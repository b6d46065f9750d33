// Sealing files to the office's X25519 key (crypto_box_seal + crypto_secretstream), and key files.
#pragma once

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::exporter {

using PublicKey = std::array<unsigned char, 32>;
using SecretKey = std::array<unsigned char, 32>;

// A sealed file that cannot be opened: wrong key, truncated, tampered with, or not ours.
class SealError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// The one SealError that says the key is not the one the file was sealed to (the rest say the
// file is damaged or not ours).
class WrongKeyError : public SealError {
public:
    using SealError::SealError;
};

// The byte format of a sealed file (all of it, in order):
//   magic          8 bytes   "DKSEALED"
//   version        1 byte    1
//   sealed key    80 bytes   crypto_box_seal(file key (32 bytes), office public key)
//                            = ephemeral public key (32) + MAC (16) + encrypted file key (32)
//   stream header 24 bytes   crypto_secretstream_xchacha20poly1305 header
//   chunks                   each crypto_secretstream_xchacha20poly1305_push of at most 65,536
//                            plaintext bytes + 17 bytes (tag and MAC); every chunk but the last
//                            holds exactly 65,536 bytes (65,553 on disk) with TAG_MESSAGE, the
//                            last one (possibly empty) carries TAG_FINAL and ends the file.
// Every chunk is authenticated with the first 9 bytes (magic and version) as additional data.
inline constexpr std::string_view kSealMagic = "DKSEALED";
inline constexpr unsigned char kSealVersion = 1;
inline constexpr std::size_t kSealChunk = 65536;

[[nodiscard]] std::string seal(std::string_view plain, const PublicKey& officeKey);
// Throws SealError with a message for a person.
[[nodiscard]] std::string unseal(std::string_view sealed, const PublicKey& officePublic,
                                 const SecretKey& officeSecret);

struct KeyPair {
    PublicKey publicKey{};
    SecretKey secretKey{};
};
[[nodiscard]] KeyPair makeKeyPair();
[[nodiscard]] PublicKey publicKeyOf(const SecretKey& secretKey);

// A key file of `bytes` bytes written as hex digits (blanks around them ignored). Throws
// std::runtime_error naming the file and `what` it should have been.
[[nodiscard]] std::vector<unsigned char> readHexKeyFile(const std::filesystem::path& file, std::size_t bytes,
                                                        const char* what);
// Creates `file` (never over an existing one) holding `key` as hex digits and a newline, flushed to
// disk; readable by its owner only when `secret`. Throws std::system_error.
void writeHexKeyFile(const std::filesystem::path& file, const unsigned char* key, std::size_t bytes,
                     bool secret);
// A key pair's two files: refuses (std::runtime_error) when either exists, before writing any;
// the secret one first, readable by its owner only.
void writeKeyPairFiles(const std::filesystem::path& publicFile, const unsigned char* publicKey,
                       std::size_t publicBytes, const std::filesystem::path& secretFile,
                       const unsigned char* secretKey, std::size_t secretBytes);

// Key files hold 64 hex digits and a newline. `NAME.public` and `NAME.secret` (mode 0600); refuses
// (std::runtime_error) when either exists. Throws std::system_error on a write failure.
void writeKeyFiles(const std::filesystem::path& name, const KeyPair& keys);
// Reads a key file (hex; blanks around it ignored). Throws std::runtime_error naming the file.
[[nodiscard]] PublicKey readPublicKey(const std::filesystem::path& file);
[[nodiscard]] SecretKey readSecretKey(const std::filesystem::path& file);

} // namespace kiosk::exporter
