// Sealing to the office key: a random secretstream key in a sealed box, the file in 64 KiB chunks.
#include "export/seal.hpp"

#include "export/format.hpp"
#include "store/sodium.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

namespace fs = std::filesystem;

namespace kiosk::exporter {

namespace {

constexpr std::size_t kPrefix = 9; // magic + version
constexpr std::size_t kSealedKey = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;

const unsigned char* bytes(std::string_view s)
{
    return reinterpret_cast<const unsigned char*>(s.data());
}

// Wipes a key when it goes out of scope.
template <std::size_t N> struct Wiped {
    std::array<unsigned char, N> data{};
    Wiped() = default;
    Wiped(const Wiped&) = delete;
    Wiped& operator=(const Wiped&) = delete;
    ~Wiped() { sodium_memzero(data.data(), data.size()); }
};

template <std::size_t N> std::array<unsigned char, N> readHexKey(const fs::path& file, const char* what)
{
    const auto bytes = readHexKeyFile(file, N, what);
    std::array<unsigned char, N> key{};
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

void writeNewFile(const fs::path& file, const std::string& text, mode_t mode)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        throw std::system_error(errno, std::generic_category(), "cannot create " + file.string());
    // The umask may have taken bits away; never added any: set exactly `mode`.
    bool ok = ::fchmod(fd, mode) == 0;
    ok = ok && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ok && ::fsync(fd) == 0;
    const int error = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok)
        throw std::system_error(error ? error : EIO, std::generic_category(),
                                "cannot write " + file.string());
}

} // namespace

std::vector<unsigned char> readHexKeyFile(const fs::path& file, std::size_t bytes, const char* what)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read the " + std::string(what) + " key file " + file.string());
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    std::vector<unsigned char> key(bytes);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), " \t\r\n", &len, &end) != 0 ||
        len != bytes || end != text.data() + text.size())
        throw std::runtime_error(file.string() + " is not a " + what + " key (expected " +
                                 std::to_string(bytes * 2) + " hex digits)");
    return key;
}

void writeHexKeyFile(const fs::path& file, const unsigned char* key, std::size_t bytes, bool secret)
{
    writeNewFile(file, hexOf(key, bytes) + "\n", secret ? 0600 : 0644);
}

std::string seal(std::string_view plain, const PublicKey& officeKey)
{
    store::initSodium();
    Wiped<crypto_secretstream_xchacha20poly1305_KEYBYTES> key;
    crypto_secretstream_xchacha20poly1305_keygen(key.data.data());

    const std::size_t chunks = plain.size() / kSealChunk + 1;
    std::string out;
    out.reserve(kPrefix + kSealedKey + kHeader + plain.size() + chunks * kAbytes);
    out.append(kSealMagic);
    out.push_back(static_cast<char>(kSealVersion));

    unsigned char sealedKey[kSealedKey];
    if (crypto_box_seal(sealedKey, key.data.data(), key.data.size(), officeKey.data()) != 0)
        throw std::runtime_error("cannot seal the file key (is the office public key valid?)");
    out.append(reinterpret_cast<const char*>(sealedKey), sizeof sealedKey);

    crypto_secretstream_xchacha20poly1305_state state;
    unsigned char header[kHeader];
    crypto_secretstream_xchacha20poly1305_init_push(&state, header, key.data.data());
    out.append(reinterpret_cast<const char*>(header), sizeof header);

    std::string cipher(kSealChunk + kAbytes, '\0');
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::string_view piece = plain.substr(i * kSealChunk, kSealChunk);
        const bool last = i + 1 == chunks;
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, reinterpret_cast<unsigned char*>(cipher.data()),
                                                   &written, bytes(piece), piece.size(), bytes(out), kPrefix,
                                                   last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                        : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        out.append(cipher.data(), static_cast<std::size_t>(written));
    }
    sodium_memzero(&state, sizeof state);
    return out;
}

std::string unseal(std::string_view sealed, const PublicKey& officePublic, const SecretKey& officeSecret)
{
    store::initSodium();
    if (sealed.size() < kPrefix || sealed.substr(0, kSealMagic.size()) != kSealMagic)
        throw SealError("not a sealed kiosk file");
    if (static_cast<unsigned char>(sealed[kSealMagic.size()]) != kSealVersion)
        throw SealError("a sealed file of an unknown version (made by a newer kiosk?)");
    if (sealed.size() < kPrefix + kSealedKey + kHeader + kAbytes)
        throw SealError("the sealed file is truncated");

    Wiped<crypto_secretstream_xchacha20poly1305_KEYBYTES> key;
    if (crypto_box_seal_open(key.data.data(), bytes(sealed) + kPrefix, kSealedKey, officePublic.data(),
                             officeSecret.data()) != 0)
        throw WrongKeyError(
            "this file was not sealed to this key (wrong secret key?), or its key block was changed");

    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, bytes(sealed) + kPrefix + kSealedKey,
                                                        key.data.data()) != 0)
        throw SealError("the sealed file has a damaged header");

    std::string plain;
    std::size_t at = kPrefix + kSealedKey + kHeader;
    std::string piece(kSealChunk, '\0');
    bool final = false;
    while (at < sealed.size()) {
        if (final)
            throw SealError("the sealed file has data after its end (tampered)");
        const std::size_t size = std::min(sealed.size() - at, kSealChunk + kAbytes);
        if (size < kAbytes)
            throw SealError("the sealed file is truncated");
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, reinterpret_cast<unsigned char*>(piece.data()),
                                                       &got, &tag, bytes(sealed) + at, size, bytes(sealed),
                                                       kPrefix) != 0)
            throw SealError("the sealed file was changed or damaged (authentication failed)");
        plain.append(piece.data(), static_cast<std::size_t>(got));
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        // Only the last chunk may be short.
        if (!final && size != kSealChunk + kAbytes)
            throw SealError("the sealed file is truncated");
        at += size;
    }
    sodium_memzero(&state, sizeof state);
    if (!final)
        throw SealError("the sealed file is truncated (its last part is missing)");
    return plain;
}

KeyPair makeKeyPair()
{
    store::initSodium();
    KeyPair keys;
    crypto_box_keypair(keys.publicKey.data(), keys.secretKey.data());
    return keys;
}

PublicKey publicKeyOf(const SecretKey& secretKey)
{
    store::initSodium();
    PublicKey pk{};
    crypto_scalarmult_base(pk.data(), secretKey.data());
    return pk;
}

void writeKeyPairFiles(const fs::path& publicFile, const unsigned char* publicKey, std::size_t publicBytes,
                       const fs::path& secretFile, const unsigned char* secretKey, std::size_t secretBytes)
{
    std::error_code ec;
    for (const fs::path& f : {publicFile, secretFile})
        if (fs::exists(fs::symlink_status(f, ec)))
            throw std::runtime_error(f.string() + " already exists; it is never overwritten");
    writeHexKeyFile(secretFile, secretKey, secretBytes, true);
    writeHexKeyFile(publicFile, publicKey, publicBytes, false);
}

void writeKeyFiles(const fs::path& name, const KeyPair& keys)
{
    fs::path pub = name, sec = name;
    pub += ".public";
    sec += ".secret";
    writeKeyPairFiles(pub, keys.publicKey.data(), keys.publicKey.size(), sec, keys.secretKey.data(),
                      keys.secretKey.size());
}

PublicKey readPublicKey(const fs::path& file)
{
    return readHexKey<32>(file, "public");
}

SecretKey readSecretKey(const fs::path& file)
{
    return readHexKey<32>(file, "secret");
}

} // namespace kiosk::exporter
