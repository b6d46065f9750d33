// Ed25519 signing and checking with libsodium, and the signing key files (see signing.hpp).
#include "export/signing.hpp"

#include "export/format.hpp"
#include "export/seal.hpp"
#include "store/sodium.hpp"

#include <sodium.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace kiosk::signing {
namespace fs = std::filesystem;

std::pair<fs::path, fs::path> makeSigningKeys(const fs::path& name)
{
    store::initSodium();
    fs::path pub = name, sec = name;
    pub += ".sign.public";
    sec += ".sign.secret";
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    crypto_sign_keypair(pk.data(), sk.data());
    try {
        exporter::writeKeyPairFiles(pub, pk.data(), pk.size(), sec, sk.data(), sk.size());
    } catch (...) {
        sodium_memzero(sk.data(), sk.size());
        throw;
    }
    sodium_memzero(sk.data(), sk.size());
    return {pub, sec};
}

PublicKey readPublicKey(const fs::path& file)
{
    const auto bytes = exporter::readHexKeyFile(file, crypto_sign_PUBLICKEYBYTES, "signing public");
    PublicKey key{};
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

std::vector<PublicKey> readTrustedKeys(const std::vector<fs::path>& files, Problems& problems)
{
    std::vector<PublicKey> keys;
    for (const auto& f : files) {
        try {
            keys.push_back(readPublicKey(f));
        } catch (const std::exception& e) {
            problems.push_back(std::string("content.trusted_keys: ") + e.what());
        }
    }
    return keys;
}

std::string sign(std::string_view bytes, const fs::path& secretKeyFile)
{
    store::initSodium();
    std::vector<unsigned char> secret;
    try {
        secret = exporter::readHexKeyFile(secretKeyFile, crypto_sign_SECRETKEYBYTES, "signing secret");
    } catch (const std::runtime_error&) {
        // The office's sealing key (kiosk keygen) is a key of another kind: say which one was given.
        bool sealingKey = false;
        try {
            (void)exporter::readSecretKey(secretKeyFile);
            sealingKey = true;
        } catch (const std::runtime_error&) {
        }
        if (sealingKey)
            throw std::runtime_error(
                secretKeyFile.string() +
                " is the office's sealing key (from `kiosk keygen`, for opening batches), "
                "not its signing key: give the NAME.sign.secret made by `kiosk content "
                "keygen`");
        throw;
    }
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                         secret.data());
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, secret.data());
    sodium_memzero(secret.data(), secret.size());
    return "ed25519 " + exporter::hexOf(pk, sizeof pk) + " " + exporter::hexOf(sig, sizeof sig) + "\n";
}

Verification verify(std::string_view bytes, std::string_view signatureLine,
                    const std::vector<PublicKey>& trusted)
{
    if (trusted.empty())
        return {Verdict::NoTrustedKey, {}};
    store::initSodium();
    // ed25519 <public key, hex> <signature, hex>
    std::istringstream in{std::string(signatureLine)};
    std::string kind, keyHex, sigHex;
    in >> kind >> keyHex >> sigHex;
    unsigned char key[crypto_sign_PUBLICKEYBYTES];
    unsigned char sig[crypto_sign_BYTES];
    std::size_t keyLen = 0, sigLen = 0;
    if (kind != "ed25519" ||
        sodium_hex2bin(key, sizeof key, keyHex.data(), keyHex.size(), nullptr, &keyLen, nullptr) != 0 ||
        keyLen != sizeof key ||
        sodium_hex2bin(sig, sizeof sig, sigHex.data(), sigHex.size(), nullptr, &sigLen, nullptr) != 0 ||
        sigLen != sizeof sig)
        return {Verdict::Malformed, {}};
    const std::string keyId = keyHex.substr(0, 16);
    const auto match = std::find_if(trusted.begin(), trusted.end(), [&](const PublicKey& k) {
        return sodium_memcmp(k.data(), key, sizeof key) == 0;
    });
    if (match == trusted.end())
        return {Verdict::UntrustedKey, keyId};
    if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                    match->data()) != 0)
        return {Verdict::BadSignature, keyId};
    return {Verdict::Ok, keyId};
}

} // namespace kiosk::signing
