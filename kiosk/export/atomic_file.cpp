// Atomic file replacement with POSIX calls (write, fsync, rename).
#include "export/atomic_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace kiosk {
namespace {

// Throws with errno as it was when the call failed (building the message may change errno).
[[noreturn]] void fail(const char* what, const std::filesystem::path& path)
{
    const int error = errno;
    throw std::system_error(error, std::generic_category(), std::string(what) + " " + path.string());
}

class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// Removes the temporary file unless it was renamed into place.
class TempFile {
public:
    explicit TempFile(std::string path) : m_path(std::move(path)) {}
    ~TempFile()
    {
        if (!m_path.empty())
            ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const std::string& path() const { return m_path; }
    void keep() { m_path.clear(); }

private:
    std::string m_path;
};

} // namespace

void writeFileAtomically(const std::filesystem::path& file, std::string_view content, bool durable)
{
    // A unique temporary name beside the file, so two writers never share one.
    std::string pattern = file.string() + ".XXXXXX";
    Fd fd(::mkostemp(pattern.data(), O_CLOEXEC));
    if (fd.get() < 0)
        fail("create a temporary file for", file);
    TempFile tmp(pattern);
    if (::fchmod(fd.get(), 0644) != 0)
        fail("chmod", tmp.path());
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("write", tmp.path());
        }
        done += static_cast<std::size_t>(n);
    }
    if (durable && ::fsync(fd.get()) != 0)
        fail("fsync", tmp.path());
    if (::close(fd.release()) != 0)
        fail("close", tmp.path());
    if (::rename(tmp.path().c_str(), file.c_str()) != 0)
        fail("rename into place", file);
    tmp.keep();
    if (durable) {
        const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
        Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dfd.get() < 0 || ::fsync(dfd.get()) != 0)
            fail("fsync", dir);
    }
}

} // namespace kiosk
