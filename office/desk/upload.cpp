// Receiving a folder upload: every name and limit checked first, then the files written relative
// to directory descriptors (mkdirat, openat with O_NOFOLLOW|O_EXCL), the folder removed on failure.
#include "desk/upload.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <set>
#include <string_view>

namespace fs = std::filesystem;

namespace kiosk::office {

namespace {

constexpr std::size_t kMaxPart = 255;
constexpr std::size_t kMaxName = 4096;
constexpr const char* kNothingSaved = " Tidak ada yang disimpan.";

// A name as a message shows it: control characters as '?', at most about 120 bytes (whole
// characters), so that a hostile name cannot fill or break the page.
std::string shown(std::string_view name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (out.size() >= 120 && (c & 0xC0) != 0x80) {
            out += "…";
            break;
        }
        out.push_back(c < 0x20 || c == 0x7f ? '?' : name[i]);
    }
    return out;
}

[[noreturn]] void refuseName(const std::string& name, const std::string& why)
{
    throw UploadRefused("Berkas \"" + shown(name) + "\" ditolak: " + why + "." + kNothingSaved);
}

std::vector<std::string_view> partsOf(std::string_view name)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = name.find('/', start);
        parts.push_back(
            name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos)
            return parts;
        start = slash + 1;
    }
}

void checkName(const std::string& name)
{
    if (name.empty())
        refuseName(name, "namanya kosong");
    if (name.size() > kMaxName)
        refuseName(name, "namanya lebih dari 4096 byte");
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            refuseName(name, "namanya memuat karakter kendali");
        if (c == '\\')
            refuseName(name, "namanya memuat garis miring terbalik (\\)");
    }
    if (name.front() == '/')
        refuseName(name, "namanya jalur mutlak (diawali /)");
    for (const std::string_view part : partsOf(name)) {
        if (part.empty())
            refuseName(name, "namanya memuat bagian kosong (// atau / di akhir)");
        if (part == "." || part == "..")
            refuseName(name, "namanya memuat \".\" atau \"..\"");
        if (part.size() > kMaxPart)
            refuseName(name, "satu bagian namanya lebih dari 255 byte");
    }
}

std::string megabytes(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    std::string out = text;
    for (char& c : out)
        if (c == '.')
            c = ','; // Indonesian decimal comma
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ",0") == 0)
        out.resize(out.size() - 2);
    return out;
}

void checkAll(const std::vector<UploadedFile>& files, const UploadLimits& limits)
{
    if (files.empty())
        throw UploadRefused("Tidak ada berkas yang terkirim. Pilih folder batch atau berkas dari flashdisk.");
    if (files.size() > limits.maxFiles)
        throw UploadRefused("Terlalu banyak berkas: " + std::to_string(files.size()) + ", paling banyak " +
                            std::to_string(limits.maxFiles) + " sekali unggah." + kNothingSaved +
                            " Unggah folder batch satu per satu.");
    std::uint64_t total = 0;
    for (const UploadedFile& f : files)
        total += f.content.size();
    if (total > limits.maxBytes)
        throw UploadRefused("Unggahan terlalu besar: " + megabytes(total) + " MB, paling besar " +
                            megabytes(limits.maxBytes) + " MB sekali unggah." + kNothingSaved +
                            " Unggah folder batch satu per satu.");
    std::set<std::string_view> names, folders;
    for (const UploadedFile& f : files) {
        checkName(f.name);
        if (!names.insert(f.name).second)
            refuseName(f.name, "nama yang sama terkirim dua kali");
        std::string_view name = f.name;
        for (std::size_t slash = name.rfind('/'); slash != std::string_view::npos; slash = name.rfind('/')) {
            name = name.substr(0, slash);
            folders.insert(name);
        }
    }
    for (const UploadedFile& f : files)
        if (folders.count(f.name))
            refuseName(f.name, "namanya juga nama folder berkas lain");
}

// A file descriptor that closes itself.
class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    Fd& operator=(Fd&& other) noexcept
    {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    [[nodiscard]] int get() const { return m_fd; }
    // Closes now, reporting the error a delayed write may give.
    int close()
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

// A failure while writing: the sentence says what the office can do about it.
struct WriteFailed {
    int error;
    std::string name;
};

std::string writeSentence(const WriteFailed& w)
{
    std::string why;
    switch (w.error) {
    case ENOSPC:
    case EDQUOT: why = "disk server penuh"; break;
    case EFBIG: why = "berkas terlalu besar untuk disk server"; break;
    case ELOOP:
    case EEXIST: why = "di tempatnya sudah ada berkas atau tautan lain"; break;
    case EACCES:
    case EPERM:
    case EROFS: why = "folder unggahan di server tidak boleh ditulisi"; break;
    default: why = std::strerror(w.error); break;
    }
    return "Unggahan tidak dapat disimpan di server: " + why +
           (w.name.empty() ? "" : " (\"" + shown(w.name) + "\")") + "." + kNothingSaved +
           " Beri tahu teknisi bila terulang.";
}

Fd openDir(int at, const std::string& name)
{
    Fd fd(::openat(at, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        throw WriteFailed{errno, name};
    return fd;
}

void writeFile(int top, const UploadedFile& f)
{
    const std::vector<std::string_view> parts = partsOf(f.name);
    Fd dir;
    int at = top;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const std::string part(parts[i]);
        if (::mkdirat(at, part.c_str(), 0700) != 0 && errno != EEXIST)
            throw WriteFailed{errno, f.name};
        dir = openDir(at, part); // a symlink in its place fails here (O_NOFOLLOW)
        at = dir.get();
    }
    const std::string last(parts.back());
    Fd file(::openat(at, last.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (file.get() < 0)
        throw WriteFailed{errno, f.name};
    std::size_t done = 0;
    while (done < f.content.size()) {
        const ssize_t n = ::write(file.get(), f.content.data() + done, f.content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw WriteFailed{errno, f.name};
        }
        done += static_cast<std::size_t>(n);
    }
    if (file.close() != 0)
        throw WriteFailed{errno, f.name};
}

Fd openRoot(const fs::path& root)
{
    std::error_code ec;
    if (!fs::exists(root, ec)) {
        fs::create_directories(root, ec);
        if (ec)
            throw UploadRefused(writeSentence({ec.value(), ""}));
        fs::permissions(root, fs::perms::owner_all, ec);
    }
    Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        throw UploadRefused(writeSentence({errno, ""}));
    return fd;
}

// Writes every file under the folder `top` of `rootFd` (just made); on failure removes it.
void writeAll(const fs::path& root, int rootFd, const std::string& top,
              const std::vector<UploadedFile>& files)
{
    try {
        const Fd dir = openDir(rootFd, top);
        ::fchmod(dir.get(), 0700); // whatever the umask took away
        for (const UploadedFile& f : files)
            writeFile(dir.get(), f);
    } catch (const WriteFailed& w) {
        std::error_code ec;
        fs::remove_all(root / top, ec); // removes symlinks, never follows them
        throw UploadRefused(writeSentence(w));
    }
}

// "unggah-20261203-073500-3f9c2a1b": when, and 32 random bits so two at once do not meet.
std::string freshName()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    char name[64];
    std::snprintf(name, sizeof name, "unggah-%s-%08x", when, static_cast<unsigned>(randombytes_random()));
    return name;
}

} // namespace

fs::path receiveUpload(const fs::path& root, const std::vector<UploadedFile>& files,
                       const UploadLimits& limits)
{
    checkAll(files, limits);
    const Fd rootFd = openRoot(root);
    for (int attempt = 0;; ++attempt) {
        const std::string top = freshName();
        if (::mkdirat(rootFd.get(), top.c_str(), 0700) == 0) {
            writeAll(root, rootFd.get(), top, files);
            return root / top;
        }
        if (errno != EEXIST || attempt >= 20)
            throw UploadRefused(writeSentence({errno, ""}));
    }
}

fs::path receiveUploadAs(const fs::path& root, const std::string& folder,
                         const std::vector<UploadedFile>& files, const UploadLimits& limits)
{
    if (folder.empty() || folder == "." || folder == ".." || folder.find('/') != std::string::npos ||
        folder.find('\0') != std::string::npos)
        throw std::invalid_argument("receiveUploadAs: '" + folder + "' is not one plain folder name");
    checkAll(files, limits);
    const Fd rootFd = openRoot(root);
    if (::mkdirat(rootFd.get(), folder.c_str(), 0700) != 0)
        throw UploadRefused(writeSentence({errno, folder}));
    writeAll(root, rootFd.get(), folder, files);
    return root / folder;
}

} // namespace kiosk::office
