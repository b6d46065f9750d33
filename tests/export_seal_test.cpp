// Tests of sealing: round trips of every size, wrong key, any changed or cut byte refused, key files.
#include "export/seal.hpp"

#include "export_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <system_error>

using namespace kiosk;
using namespace kiosk::exporter;

TEST_CASE("sealed data opens with the office key, for every chunk boundary")
{
    const KeyPair office = makeKeyPair();
    CHECK(publicKeyOf(office.secretKey) == office.publicKey);
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{1}, kSealChunk - 1, kSealChunk, kSealChunk + 1, 3 * kSealChunk}) {
        CAPTURE(size);
        std::string plain(size, '\0');
        for (std::size_t i = 0; i < size; ++i)
            plain[i] = static_cast<char>(i * 31 + 7);
        const std::string sealed = seal(plain, office.publicKey);
        CHECK(sealed.substr(0, 8) == kSealMagic);
        CHECK(unseal(sealed, office.publicKey, office.secretKey) == plain);
    }
}

TEST_CASE("a wrong key, a flipped byte anywhere, or a cut file is refused")
{
    const KeyPair office = makeKeyPair();
    std::string plain(kSealChunk * 2 + 100, 'x');
    const std::string sealed = seal(plain, office.publicKey);

    const KeyPair other = makeKeyPair();
    CHECK_THROWS_WITH_AS((void)unseal(sealed, other.publicKey, other.secretKey),
                         doctest::Contains("wrong secret key"), SealError);

    // One flipped bit in the key block, the stream header, the first, a middle and the last chunk.
    for (const std::size_t at : {std::size_t{20}, std::size_t{9 + 80 + 3}, std::size_t{9 + 80 + 24 + 5},
                                 sealed.size() / 2, sealed.size() - 1}) {
        CAPTURE(at);
        std::string bad = sealed;
        bad[at] = static_cast<char>(bad[at] ^ 0x04);
        CHECK_THROWS_AS((void)unseal(bad, office.publicKey, office.secretKey), SealError);
    }
    // Cut at a chunk boundary (the FINAL chunk is missing), inside a chunk, or extra bytes added.
    const std::size_t firstChunkEnd = 9 + 80 + 24 + kSealChunk + 17;
    for (const std::size_t keep :
         {firstChunkEnd, firstChunkEnd * 2 - 113, sealed.size() - 1, std::size_t{50}, std::size_t{0}}) {
        CAPTURE(keep);
        CHECK_THROWS_AS((void)unseal(sealed.substr(0, keep), office.publicKey, office.secretKey), SealError);
    }
    CHECK_THROWS_AS((void)unseal(sealed + "x", office.publicKey, office.secretKey), SealError);
    CHECK_THROWS_WITH_AS((void)unseal("plain text", office.publicKey, office.secretKey),
                         doctest::Contains("not a sealed"), SealError);
}

TEST_CASE("key files: hex, the secret one mode 0600, never overwritten")
{
    test::TempDir dir;
    const KeyPair keys = makeKeyPair();
    writeKeyFiles(dir.path() / "office", keys);
    CHECK(readPublicKey(dir.path() / "office.public") == keys.publicKey);
    CHECK(readSecretKey(dir.path() / "office.secret") == keys.secretKey);
    struct stat st {};
    REQUIRE(::stat((dir.path() / "office.secret").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string before = test::readFile(dir.path() / "office.secret");
    CHECK_THROWS_WITH_AS(writeKeyFiles(dir.path() / "office", makeKeyPair()),
                         doctest::Contains("already exists"), std::runtime_error);
    CHECK(test::readFile(dir.path() / "office.secret") == before);
    dir.write("bad.public", "not hex\n");
    CHECK_THROWS_AS((void)readPublicKey(dir.path() / "bad.public"), std::runtime_error);
    dir.write("short.public", "abcd\n");
    CHECK_THROWS_AS((void)readPublicKey(dir.path() / "short.public"), std::runtime_error);
}
