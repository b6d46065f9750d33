// Atomic file replacement with POSIX calls (write, fsync, rename).
#include "app/atomic_file.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

namespace kiosk {
namespace {

[[noreturn]] void fail(const std::string& what)
{
    throw std::system_error(errno, std::generic_category(), what);
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
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

} // namespace

void writeFileAtomically(const std::filesystem::path& file, std::string_view content, bool durable)
{
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (fd.get() < 0)
            fail("open " + tmp.string());
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                fail("write " + tmp.string());
            }
            done += static_cast<std::size_t>(n);
        }
        if (durable && ::fsync(fd.get()) != 0)
            fail("fsync " + tmp.string());
        if (::close(fd.release()) != 0)
            fail("close " + tmp.string());
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0)
        fail("rename " + tmp.string());
    if (durable) {
        const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
        Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dfd.get() < 0 || ::fsync(dfd.get()) != 0)
            fail("fsync " + dir.string());
    }
}

} // namespace kiosk
