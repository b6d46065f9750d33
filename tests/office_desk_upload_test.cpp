// The desk's upload area: a good folder written exactly and privately; every bad name, the limits
// and planted symlinks refused with nothing written anywhere; a write failing halfway leaves nothing.
#include "desk/upload.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <map>

namespace fs = std::filesystem;
using namespace kiosk;
using namespace kiosk::office;

namespace {

// Every file and folder under `dir` (symlinks as themselves), relative, with each file's content.
std::map<std::string, std::string> tree(const fs::path& dir)
{
    std::map<std::string, std::string> out;
    if (!fs::exists(dir))
        return out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        const std::string rel = fs::relative(it->path(), dir).string();
        if (it->is_symlink())
            out[rel] = "-> " + fs::read_symlink(it->path()).string();
        else if (it->is_directory())
            out[rel + "/"] = "";
        else
            out[rel] = test::readFile(it->path());
    }
    return out;
}

std::string refusal(const fs::path& root, const std::vector<UploadedFile>& files,
                    const UploadLimits& limits = {})
{
    try {
        (void)receiveUpload(root, files, limits);
    } catch (const UploadRefused& e) {
        return e.what();
    }
    return "(accepted)";
}

const std::string kBinary("PK\x03\x04\0\0\xff\xfe isi biner\n", 18);

std::vector<UploadedFile> goodBatch()
{
    return {{"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/manifest.json", "{\"kiosk\": \"CMG\"}\n"},
            {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/requests.sealed", kBinary},
            {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/manifest.sig", std::string(64, 'x')},
            {"desa-kiosk/KRJ/README.txt", ""},
            {"catatan petugas (1).txt", "nama: Séno\r\n"}};
}

mode_t modeOf(const fs::path& p)
{
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

} // namespace

TEST_CASE("desk upload: a good folder is written exactly, in a fresh private folder")
{
    test::TempDir dir;
    const fs::path root = dir.path() / "unggahan"; // made when missing
    const fs::path first = receiveUpload(root, goodBatch(), {});
    CHECK(first.parent_path() == root);
    CHECK(first.filename().string().rfind("unggah-", 0) == 0);
    CHECK(modeOf(root) == 0700);
    CHECK(modeOf(first) == 0700);
    CHECK(modeOf(first / "desa-kiosk/CMG") == 0700);
    CHECK(modeOf(first / "desa-kiosk/CMG/2026-11-02T0800-CMG-0001/requests.sealed") == 0600);
    const std::map<std::string, std::string> want{
        {"catatan petugas (1).txt", "nama: Séno\r\n"},
        {"desa-kiosk/", ""},
        {"desa-kiosk/CMG/", ""},
        {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/", ""},
        {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/manifest.json", "{\"kiosk\": \"CMG\"}\n"},
        {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/manifest.sig", std::string(64, 'x')},
        {"desa-kiosk/CMG/2026-11-02T0800-CMG-0001/requests.sealed", kBinary},
        {"desa-kiosk/KRJ/", ""},
        {"desa-kiosk/KRJ/README.txt", ""},
    };
    CHECK(tree(first) == want);
    // The same again: another fresh folder, the first untouched.
    const fs::path second = receiveUpload(root, goodBatch(), {});
    CHECK(second != first);
    CHECK(tree(second) == want);
    CHECK(tree(first) == want);
    CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 2);

    // Exactly at the limits is allowed.
    UploadLimits exact;
    exact.maxFiles = 5;
    std::uint64_t total = 0;
    for (const UploadedFile& f : goodBatch())
        total += f.content.size();
    exact.maxBytes = total;
    CHECK(tree(receiveUpload(root, goodBatch(), exact)) == want);
}

TEST_CASE("desk upload: every bad name is refused by name, and nothing is written")
{
    test::TempDir dir;
    const fs::path root = dir.path() / "unggahan";
    fs::create_directories(root);
    const fs::path outside = dir.path() / "luar";
    fs::create_directories(outside);
    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "namanya kosong"},
        {"../luar/x.txt", "\"..\""},
        {"desa-kiosk/../../luar/x.txt", "\"..\""},
        {"desa-kiosk/..", "\"..\""},
        {"./manifest.json", "\".\""},
        {"/etc/passwd", "jalur mutlak"},
        {"/tmp/x", "jalur mutlak"},
        {"..\\..\\luar\\x.txt", "garis miring terbalik"},
        {"desa-kiosk\\manifest.json", "garis miring terbalik"},
        {"C:\\Windows\\x", "garis miring terbalik"},
        {"desa-kiosk//manifest.json", "bagian kosong"},
        {"desa-kiosk/", "bagian kosong"},
        {std::string("a\0b.txt", 7), "karakter kendali"},
        {"baris\nbaru.txt", "karakter kendali"},
        {"esc\x1b[31m.txt", "karakter kendali"},
        {"del\x7f.txt", "karakter kendali"},
        {std::string(256, 'a'), "255 byte"},
        {"folder/" + std::string(256, 'b') + "/x", "255 byte"},
        {std::string(2100, 'c') + "/" + std::string(2100, 'd'), "4096 byte"},
    };
    for (const auto& [name, why] : bad) {
        std::vector<UploadedFile> files = goodBatch();
        files.insert(files.begin() + 2, {name, "isi"}); // among good ones: none of them written either
        const std::string message = refusal(root, files);
        CHECK_MESSAGE(message.find(why) != std::string::npos, name, " -> ", message);
        CHECK_MESSAGE(message.find("Tidak ada yang disimpan.") != std::string::npos, message);
        CHECK_MESSAGE(message.rfind("Berkas \"", 0) == 0, message);
        // The name is shown, but never its control characters, nor all of a very long one.
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.find('\x1b') == std::string::npos);
        CHECK(message.size() < 400);
    }
    CHECK(refusal(root, {{"a.txt", "1"}, {"b.txt", "2"}, {"a.txt", "3"}}) ==
          "Berkas \"a.txt\" ditolak: nama yang sama terkirim dua kali. Tidak ada yang disimpan.");
    CHECK(refusal(root, {{"batch/manifest.json", "1"}, {"batch", "2"}}) ==
          "Berkas \"batch\" ditolak: namanya juga nama folder berkas lain. Tidak ada yang disimpan.");
    CHECK(refusal(root, {}).find("Tidak ada berkas yang terkirim") == 0);
    CHECK(tree(root).empty());
    CHECK(tree(outside).empty());
    CHECK_FALSE(fs::exists(dir.path() / "x.txt"));
}

TEST_CASE("desk upload: too many files or too many bytes are refused with the limits named")
{
    test::TempDir dir;
    const fs::path root = dir.path() / "unggahan";
    UploadLimits limits;
    limits.maxFiles = 4;
    CHECK(refusal(root, goodBatch(), limits) == "Terlalu banyak berkas: 5, paling banyak 4 sekali unggah. "
                                                "Tidak ada yang disimpan. Unggah folder batch "
                                                "satu per satu.");
    limits = {};
    limits.maxBytes = 1 << 20;
    std::vector<UploadedFile> big{{"a.bin", std::string(600 * 1024, 'a')},
                                  {"b.bin", std::string(600 * 1024, 'b')}};
    CHECK(refusal(root, big, limits) ==
          "Unggahan terlalu besar: 1,2 MB, paling besar 1 MB sekali unggah. Tidak ada "
          "yang disimpan. Unggah folder batch satu per satu.");
    // The defaults: 2,000 files and 64 MB.
    std::vector<UploadedFile> many;
    for (int i = 0; i < 2001; ++i)
        many.push_back({"f" + std::to_string(i), ""});
    CHECK(refusal(root, many).find("Terlalu banyak berkas: 2001, paling banyak 2000") == 0);
    CHECK(refusal(root, {{"besar.bin", std::string((64u << 20) + 1, 'x')}}).find("paling besar 64 MB") !=
          std::string::npos);
    CHECK(tree(root).empty());
}

TEST_CASE("desk upload: a symlink planted where the folder goes is not followed")
{
    test::TempDir dir;
    const fs::path root = dir.path() / "unggahan";
    const fs::path outside = dir.path() / "luar";
    fs::create_directories(root);
    fs::create_directories(outside);
    fs::create_directory_symlink(outside, root / "tanam");
    fs::create_symlink(outside / "berkas.txt", root / "tanam-berkas");
    fs::create_symlink(dir.path() / "tidak-ada", root / "tanam-patah");

    for (const char* planted : {"tanam", "tanam-berkas", "tanam-patah"}) {
        std::string message;
        try {
            (void)receiveUploadAs(root, planted, goodBatch(), {});
        } catch (const UploadRefused& e) {
            message = e.what();
        }
        CHECK_MESSAGE(message.find("sudah ada berkas atau tautan lain") != std::string::npos, message);
    }
    CHECK(tree(outside).empty());
    CHECK_FALSE(fs::exists(dir.path() / "tidak-ada"));
    CHECK(tree(root).size() == 3); // the three symlinks, still only themselves
    // A folder of its own name beside them is written.
    CHECK(tree(receiveUploadAs(root, "sendiri", goodBatch(), {})).size() == 9);
    CHECK_THROWS_AS((void)receiveUploadAs(root, "../luar", goodBatch(), {}), std::invalid_argument);
    CHECK_THROWS_AS((void)receiveUploadAs(root, "..", goodBatch(), {}), std::invalid_argument);
    CHECK(tree(outside).empty());
}

TEST_CASE("desk upload: a write failing halfway removes the half-written folder")
{
    test::TempDir dir;
    const fs::path root = dir.path() / "unggahan";
    fs::create_directories(root);
    // The file size limit makes the third file's write fail (EFBIG) after two were written.
    struct rlimit before {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = before;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    try {
        (void)receiveUpload(
            root,
            {{"batch/a.txt", "kecil"}, {"batch/b.txt", "kecil"}, {"batch/c.bin", std::string(8192, 'c')}},
            {});
    } catch (const UploadRefused& e) {
        message = e.what();
    }
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &before) == 0);
    std::signal(SIGXFSZ, oldHandler);
    CHECK(message == "Unggahan tidak dapat disimpan di server: berkas terlalu besar untuk disk server "
                     "(\"batch/c.bin\"). Tidak ada yang disimpan. Beri tahu teknisi bila terulang.");
    CHECK(tree(root).empty());
}
