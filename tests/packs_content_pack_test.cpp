// Signed content packs: accepted when signed by a trusted key, intact and valid; refused otherwise
// with the current content left as it was; rollback; an install killed at any moment.
#include "cli/content_cli.hpp"
#include "packs/content_pack.hpp"
#include "packs/content_store.hpp"
#include "test_support.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// An office with its signing keys, a kiosk trusting them, and packs made from the shipped content.
struct Office {
    test::TempDir dir;
    fs::path pub, sec;
    pack::Place kiosk;

    Office()
    {
        std::tie(pub, sec) = pack::makeSigningKeys(dir.path() / "kantor");
        kiosk.root = dir.path() / "state" / "content";
        kiosk.trusted = {pack::readPublicKey(pub)};
        kiosk.check = packContentCheck(test::shippedContacts(), test::dataDir().parent_path() / "media");
    }

    // The shipped content as a pack folder, with `note` written into a page (so packs differ), and
    // `mediaBytes` of pictures-folder filler (an install that takes a while), signed unless told.
    fs::path make(const std::string& name, const std::string& note, bool signIt = true,
                  std::size_t mediaFiles = 0) const
    {
        const fs::path p = dir.path() / name;
        fs::create_directories(p);
        for (const char* part : {"content", "checklists", "registry", "sources.toml"})
            fs::copy(test::dataDir() / part, p / part, fs::copy_options::recursive);
        std::ofstream(p / "content/id/pages/passport.toml", std::ios::app) << "# " << note << "\n";
        std::mt19937 random(42);
        if (mediaFiles > 0) // a pack with pictures of its own brings all of them
            fs::copy(test::dataDir().parent_path() / "media", p / "media", fs::copy_options::recursive);
        for (std::size_t i = 0; i < mediaFiles; ++i) {
            fs::create_directories(p / "media" / "filler");
            std::string bytes(256 * 1024, '\0');
            for (char& c : bytes)
                c = static_cast<char>(random());
            std::ofstream(p / "media" / "filler" / ("f" + std::to_string(i) + ".bin"), std::ios::binary)
                << bytes;
        }
        if (signIt)
            (void)pack::sign(p, sec, 1'796'000'000'000);
        return p;
    }

    [[nodiscard]] pack::Outcome install(const fs::path& source) const
    {
        pack::PackStore store(kiosk.root);
        return store.install(source, kiosk.trusted, kiosk.check);
    }
    [[nodiscard]] std::string shownNote() const
    {
        const auto current = pack::PackStore(kiosk.root).current();
        if (!current)
            return "";
        const std::string page = test::readFile(current->dir / "content/id/pages/passport.toml");
        const auto hash = page.rfind("# ");
        return hash == std::string::npos ? "" : page.substr(hash + 2, page.find('\n', hash) - hash - 2);
    }
};

} // namespace

TEST_CASE("a pack signed by a trusted key, intact and valid, is installed and shown")
{
    Office office;
    const auto outcome = office.install(office.make("a", "pack A"));
    REQUIRE_MESSAGE(outcome.ok(), describe(outcome));
    CHECK(outcome.pack.id.size() == 12);
    CHECK(outcome.pack.created == "2026-11-30 00:53");
    CHECK(office.shownNote() == "pack A");
    const auto current = pack::PackStore(office.kiosk.root).current();
    REQUIRE(current);
    CHECK(current->id == outcome.pack.id);
    CHECK(loadContent(current->dir, test::dataDir().parent_path() / "media", test::shippedContacts()).ok());
    // The same pack again changes nothing.
    CHECK(office.install(office.dir.path() / "a").refusal == pack::Refusal::AlreadyShown);
}

TEST_CASE("forged, tampered and unsigned packs are refused and the content shown stays")
{
    Office office;
    REQUIRE(office.install(office.make("good", "good")).ok());
    const std::string goodId = pack::PackStore(office.kiosk.root).current()->id;
    auto refused = [&](const fs::path& source, pack::Refusal expected) {
        const auto outcome = office.install(source);
        CHECK_MESSAGE(outcome.refusal == expected, describe(outcome));
        CHECK(office.shownNote() == "good");
        CHECK(pack::PackStore(office.kiosk.root).current()->id == goodId);
        CHECK_FALSE(pack::PackStore(office.kiosk.root).previous());
    };

    SUBCASE("signed by a key the kiosk does not trust")
    {
        const auto [otherPub, otherSec] = pack::makeSigningKeys(office.dir.path() / "palsu");
        const fs::path p = office.make("forged", "forged", false);
        (void)pack::sign(p, otherSec, 1'796'000'000'000);
        refused(p, pack::Refusal::UntrustedKey);
    }
    SUBCASE("the trusted key's name on a signature made with another key")
    {
        const auto [otherPub, otherSec] = pack::makeSigningKeys(office.dir.path() / "palsu");
        const fs::path p = office.make("forged", "forged", false);
        (void)pack::sign(p, otherSec, 1'796'000'000'000);
        std::string sig = test::readFile(p / pack::kSignature);
        const std::string trustedHex = test::readFile(office.pub).substr(0, 64);
        sig.replace(8, 64, trustedHex);
        std::ofstream(p / pack::kSignature, std::ios::trunc) << sig;
        refused(p, pack::Refusal::BadSignature);
    }
    SUBCASE("a page changed after signing")
    {
        const fs::path p = office.make("tampered", "tampered");
        std::ofstream(p / "content/id/pages/passport.toml", std::ios::app) << "# biaya Rp 50.000.000\n";
        refused(p, pack::Refusal::Tampered);
    }
    SUBCASE("a file added after signing")
    {
        const fs::path p = office.make("added", "added");
        std::ofstream(p / "content/id/pages/lowongan.toml") << "title = \"Kerja cepat ke luar negeri\"\n";
        refused(p, pack::Refusal::Tampered);
    }
    SUBCASE("a file removed after signing")
    {
        const fs::path p = office.make("removed", "removed");
        fs::remove(p / "content/en/pages/passport.toml");
        refused(p, pack::Refusal::Tampered);
    }
    SUBCASE("the manifest edited to match a changed page")
    {
        const fs::path p = office.make("manifest", "manifest");
        std::string m = test::readFile(p / pack::kManifest);
        m[m.find("file ") + 5] = m[m.find("file ") + 5] == 'a' ? 'b' : 'a';
        std::ofstream(p / pack::kManifest, std::ios::trunc) << m;
        refused(p, pack::Refusal::BadSignature);
    }
    SUBCASE("no signature at all")
    {
        refused(office.make("unsigned", "unsigned", false), pack::Refusal::Unsigned);
        const fs::path p = office.make("nosig", "nosig");
        fs::remove(p / pack::kSignature);
        refused(p, pack::Refusal::Unsigned);
    }
    SUBCASE("a signature that is not one")
    {
        const fs::path p = office.make("garbage", "garbage");
        std::ofstream(p / pack::kSignature, std::ios::trunc) << "ed25519 zz\n";
        refused(p, pack::Refusal::Unsigned);
    }
    SUBCASE("a kiosk that trusts no key accepts nothing")
    {
        const fs::path p = office.make("any", "any");
        pack::PackStore store(office.kiosk.root);
        CHECK(store.install(p, {}, office.kiosk.check).refusal == pack::Refusal::NoTrustedKey);
        CHECK(office.shownNote() == "good");
    }
    SUBCASE("a symbolic link in the pack")
    {
        const fs::path p = office.make("link", "link");
        fs::create_symlink("/etc/passwd", p / "content/id/pages/passwd.toml");
        refused(p, pack::Refusal::Tampered);
    }
    SUBCASE("no pack there")
    {
        refused(office.dir.path() / "nothing", pack::Refusal::NotFound);
    }
}

TEST_CASE("a signed pack whose content has errors is refused with the error named")
{
    Office office;
    REQUIRE(office.install(office.make("good", "good")).ok());
    const fs::path p = office.make("broken", "broken", false);
    std::string page = test::readFile(p / "content/id/pages/passport.toml");
    page.replace(page.find("title"), 5, "tittle");
    std::ofstream(p / "content/id/pages/passport.toml", std::ios::trunc) << page;
    (void)pack::sign(p, office.sec, 1'796'000'000'000);
    const auto outcome = office.install(p);
    CHECK(outcome.refusal == pack::Refusal::Invalid);
    CHECK(outcome.detail.find("passport.toml") != std::string::npos);
    CHECK(office.shownNote() == "good");
    // Nothing of it is left behind.
    int packs = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(office.kiosk.root / "packs"))
        ++packs;
    CHECK(packs == 1);
}

TEST_CASE("rollback shows the previous pack again, and again the newer one")
{
    Office office;
    pack::PackStore store(office.kiosk.root);
    CHECK(store.rollback(office.kiosk.trusted, office.kiosk.check).refusal == pack::Refusal::NoPrevious);
    REQUIRE(office.install(office.make("a", "A")).ok());
    REQUIRE(office.install(office.make("b", "B")).ok());
    REQUIRE(office.install(office.make("c", "C")).ok());
    CHECK(office.shownNote() == "C");
    const std::string idB = store.previous()->id;

    const auto back = store.rollback(office.kiosk.trusted, office.kiosk.check);
    REQUIRE_MESSAGE(back.ok(), describe(back));
    CHECK(back.pack.id == idB);
    CHECK(office.shownNote() == "B");
    REQUIRE(store.previous());
    CHECK(store.rollback(office.kiosk.trusted, office.kiosk.check).ok());
    CHECK(office.shownNote() == "C");
    // Only what current and previous name is kept on disk (A was tidied away).
    int packs = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(office.kiosk.root / "packs"))
        ++packs;
    CHECK(packs == 2);

    // A previous pack damaged on the kiosk's disk is not gone back to.
    std::ofstream(store.previous()->dir / "content/id/pages/passport.toml", std::ios::app) << "# rusak\n";
    CHECK(store.rollback(office.kiosk.trusted, office.kiosk.check).refusal == pack::Refusal::Tampered);
    CHECK(office.shownNote() == "C");
}

TEST_CASE("an install killed at any moment leaves the old pack or the new one shown, whole")
{
    Office office;
    REQUIRE(office.install(office.make("old", "old")).ok());
    const fs::path fresh = office.make("new", "new", true, 40); // 10 MiB of pictures: a slow copy
    // How long a whole install takes here, to kill at moments spread over it.
    const auto t1 = std::chrono::steady_clock::now();
    {
        test::TempDir scratch;
        pack::PackStore probe(scratch.path());
        const auto outcome = probe.install(fresh, office.kiosk.trusted, office.kiosk.check);
        REQUIRE_MESSAGE(outcome.ok(), describe(outcome));
    }
    const auto installMs = std::max<long>(
        20,
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t1).count());

    std::mt19937 random(7);
    int sawOld = 0, sawNew = 0;
    for (int round = 0; round < 24; ++round) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            pack::PackStore store(office.kiosk.root);
            const auto outcome = store.install(fresh, office.kiosk.trusted, office.kiosk.check);
            ::_exit(outcome.ok() || outcome.refusal == pack::Refusal::AlreadyShown ? 0 : 3);
        }
        const long at = std::uniform_int_distribution<long>(0, installMs * 2)(random);
        std::this_thread::sleep_for(std::chrono::milliseconds(at));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (WIFEXITED(status))
            CHECK(WEXITSTATUS(status) == 0);

        // What is shown is one of the two, complete and exactly as signed.
        pack::PackStore store(office.kiosk.root);
        const auto current = store.current();
        REQUIRE(current);
        const auto whole = store.verifyInstalled(*current, office.kiosk.trusted, office.kiosk.check);
        CHECK_MESSAGE(whole.ok(), describe(whole));
        const std::string note = office.shownNote();
        CHECK((note == "old" || note == "new"));
        (note == "old" ? sawOld : sawNew)++;
        if (note == "new") { // back to the old one for the next round
            REQUIRE(store.rollback(office.kiosk.trusted, office.kiosk.check).ok());
        }
    }
    MESSAGE("killed 24 installs of " << installMs << " ms: " << sawOld << " left the old pack, " << sawNew
                                     << " had finished");
    CHECK(sawOld > 0);
    // The next install clears the leftovers and succeeds.
    pack::PackStore store(office.kiosk.root);
    const auto after = store.install(fresh, office.kiosk.trusted, office.kiosk.check);
    CHECK((after.ok() || after.refusal == pack::Refusal::AlreadyShown));
    for (const auto& e : fs::directory_iterator(office.kiosk.root))
        CHECK(e.path().filename().string().rfind(".incoming-", 0) != 0);
}

TEST_CASE("kiosk content keygen, sign, install, status and rollback from a terminal")
{
    Office office;
    auto run = [&](std::vector<std::string> args) {
        CLI::App cli{"kiosk"};
        ContentCommand command(cli);
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        cli.parse(reversed);
        REQUIRE(command.parsed());
        std::ostringstream out, err;
        const int code = command.run(office.kiosk, 1'796'000'000'000, out, err);
        return std::tuple{code, out.str(), err.str()};
    };
    const fs::path keys = office.dir.path() / "baru";
    auto [code, out, err] = run({"content", "keygen", "--out", keys.string()});
    CHECK(code == 0);
    CHECK(fs::exists(keys.string() + ".sign.secret"));
    CHECK((fs::status(keys.string() + ".sign.secret").permissions() & fs::perms::others_read) ==
          fs::perms::none);
    CHECK(std::get<0>(run({"content", "keygen", "--out", keys.string()})) == 1); // never overwritten

    const fs::path p = office.make("cli", "cli", false);
    std::tie(code, out, err) = run({"content", "sign", "--key", office.sec.string(), p.string()});
    CHECK(code == 0);
    CHECK(out.find("desa-kiosk-konten") != std::string::npos);
    std::tie(code, out, err) = run({"content", "install", p.string()});
    CHECK_MESSAGE(code == 0, err);
    CHECK(office.shownNote() == "cli");
    std::tie(code, out, err) = run({"content", "status"});
    CHECK(out.find("current: " + pack::PackStore(office.kiosk.root).current()->id) != std::string::npos);

    // Signed with the new key, which this kiosk does not trust.
    const fs::path q = office.make("cli2", "cli2", false);
    CHECK(std::get<0>(run({"content", "sign", "--key", keys.string() + ".sign.secret", q.string()})) == 0);
    std::tie(code, out, err) = run({"content", "install", q.string()});
    CHECK(code == 1);
    CHECK(err.find("not signed by a key this kiosk trusts") != std::string::npos);
    CHECK(std::get<0>(run({"content", "rollback"})) == 1); // nothing before "cli"
}
