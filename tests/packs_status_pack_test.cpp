// The status pack a kiosk keeps: taken from a stick when signed by a trusted key, for this kiosk and
// newer than the one kept; refused otherwise with the one kept unchanged; loaded again at start-up;
// whole after a kill at any moment of taking one.
#include "packs/status_pack.hpp"
#include "status_support.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr Millis kMade = 1'796'195'100'000; // 2026-12-02 14:05 WIB

struct Kiosk {
    test::TempDir dir;
    fs::path stick = dir.path() / "stick" / statuspack::kStickFolder;
    pack::StatusStore store{dir.path() / "state" / "status"};
};

// The entries kept now, as "CMG-0001 diterima 2026-11-21|…", or the refusal's name.
std::string kept(const Kiosk& k, const std::vector<signing::PublicKey>& trusted)
{
    const statuspack::Read r = k.store.load(trusted, "CMG");
    if (!r.ok())
        return statuspack::refusalName(r.refusal);
    std::string out = std::to_string(r.pack.createdMs) + ":";
    for (const StatusEntry& e : r.pack.book.entries)
        out += " " + e.reference + " " + std::string(statuspack::statusWord(e.status)) + " " + e.date;
    return out;
}

} // namespace

TEST_CASE("status store: taken when trusted, for this kiosk and newer; refused otherwise, the one kept stays")
{
    test::SigningOffice office;
    Kiosk k;
    CHECK(kept(k, office.trusted) == "not-found");
    CHECK(k.store.take(k.stick, office.trusted, "CMG").refusal == statuspack::Refusal::NotFound);

    const std::string first = statuspack::write(test::statusPack("CMG", kMade), office.sec);
    test::putStatusFile(k.stick, "CMG", first);
    const statuspack::Read taken = k.store.take(k.stick, office.trusted, "CMG");
    REQUIRE_MESSAGE(taken.ok(), taken.detail);
    CHECK(taken.pack.book.entries.size() == 3);
    CHECK(test::readFile(k.store.file()) == first); // the exact signed bytes are kept
    const std::string before = kept(k, office.trusted);
    CHECK(before.rfind(std::to_string(kMade) + ": CMG-0001 diterima", 0) == 0);

    const auto refusal = [&](const std::string& bytes, const std::string& kiosk = "CMG") {
        test::putStatusFile(k.stick, kiosk, bytes);
        return k.store.take(k.stick, office.trusted, "CMG").refusal;
    };
    CHECK(refusal(first) == statuspack::Refusal::AlreadyHave);
    CHECK(refusal(statuspack::write(test::statusPack("CMG", kMade - 1), office.sec)) ==
          statuspack::Refusal::Older);
    test::SigningOffice forger;
    CHECK(refusal(statuspack::write(test::statusPack("CMG", kMade + 5, 4), forger.sec)) ==
          statuspack::Refusal::UntrustedKey);
    std::string changed = statuspack::write(test::statusPack("CMG", kMade + 6, 4), office.sec);
    changed[changed.find("selesai") + 1] = 'E';
    CHECK(refusal(changed) == statuspack::Refusal::BadSignature);
    CHECK(refusal(statuspack::write(test::statusPack("KRJ", kMade + 7), office.sec)) ==
          statuspack::Refusal::OtherKiosk);
    CHECK(refusal(first.substr(0, first.size() / 2)) == statuspack::Refusal::BadSignature);
    CHECK(refusal(first.substr(0, 30)) == statuspack::Refusal::Damaged);
    CHECK(refusal("PK\x03\x04 not a status pack at all") == statuspack::Refusal::Damaged);
    CHECK(refusal(std::string(statuspack::kMaxBytes + 1, '{')) == statuspack::Refusal::TooLarge);
    // A link in the file's place is not followed.
    fs::remove(k.stick / "CMG.status");
    const fs::path elsewhere = test::putStatusFile(
        k.dir.path() / "elsewhere", "CMG", statuspack::write(test::statusPack("CMG", kMade + 8), office.sec));
    fs::create_symlink(elsewhere, k.stick / "CMG.status");
    CHECK(k.store.take(k.stick, office.trusted, "CMG").refusal == statuspack::Refusal::NotFound);
    fs::remove(k.stick / "CMG.status");
    CHECK(kept(k, office.trusted) == before);

    // A newer one replaces it; the kiosk starts again with it.
    CHECK(refusal(statuspack::write(test::statusPack("CMG", kMade + 9, 5), office.sec)) ==
          statuspack::Refusal::None);
    const pack::StatusStore again(k.dir.path() / "state" / "status");
    const statuspack::Read loaded = again.load(office.trusted, "CMG");
    REQUIRE(loaded.ok());
    CHECK(loaded.pack.createdMs == kMade + 9);
    CHECK(loaded.pack.book.entries.size() == 5);
    // The key no longer trusted: the pack kept is not used, and a pack by the new key replaces it.
    CHECK(again.load(forger.trusted, "CMG").refusal == statuspack::Refusal::UntrustedKey);
    test::putStatusFile(k.stick, "CMG", statuspack::write(test::statusPack("CMG", kMade, 2), forger.sec));
    CHECK(k.store.take(k.stick, forger.trusted, "CMG").ok());
    // Only the file itself is in the folder.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(k.dir.path() / "state" / "status"))
        names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"current.status"});
}

TEST_CASE("status store: a kill at any moment of taking a pack leaves the old one or the new one, whole")
{
    test::SigningOffice office;
    Kiosk k;
    // Large enough that a write takes a while: 20,000 requests.
    const std::string oldPack = statuspack::write(test::statusPack("CMG", kMade, 20'000), office.sec);
    const std::string newPack = statuspack::write(test::statusPack("CMG", kMade + 1, 20'000), office.sec);
    test::putStatusFile(k.stick, "CMG", oldPack);
    REQUIRE(k.store.take(k.stick, office.trusted, "CMG").ok());
    const auto started = std::chrono::steady_clock::now();
    test::putStatusFile(k.stick, "CMG", newPack);
    {
        Kiosk timing;
        REQUIRE(timing.store.take(k.stick, office.trusted, "CMG").ok());
    }
    const long takeMs =
        std::max<long>(1, static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::steady_clock::now() - started)
                                                .count()));
    std::mt19937 random(11);
    int sawOld = 0, sawNew = 0;
    for (int round = 0; round < 20; ++round) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            pack::StatusStore store(k.dir.path() / "state" / "status");
            const auto r = store.take(k.stick, office.trusted, "CMG");
            ::_exit(r.ok() ? 0 : 3);
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<long>(0, takeMs * 3000)(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (WIFEXITED(status))
            CHECK(WEXITSTATUS(status) == 0);
        const statuspack::Read r = k.store.load(office.trusted, "CMG");
        REQUIRE_MESSAGE(r.ok(), r.detail);
        CHECK((r.pack.createdMs == kMade || r.pack.createdMs == kMade + 1));
        if (r.pack.createdMs == kMade) {
            ++sawOld;
        } else { // back to the old one for the next round
            ++sawNew;
            test::putStatusFile(k.dir.path() / "state" / "status", "current", oldPack);
        }
    }
    MESSAGE("killed 20 takes of about " << takeMs << " ms: " << sawOld << " left the old pack, " << sawNew
                                        << " had finished");
    // What a kill left beside the file goes with the next take.
    test::putStatusFile(k.stick, "CMG", newPack);
    REQUIRE(k.store.take(k.stick, office.trusted, "CMG").ok());
    long files = 0;
    for (const auto& e : fs::directory_iterator(k.dir.path() / "state" / "status"))
        files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}
