// The file-writer seam: POSIX calls that throw std::system_error with errno, and the faulty one.
#include "export/file_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>

namespace fs = std::filesystem;

namespace kiosk::exporter {

namespace {

[[noreturn]] void fail(int error, const std::string& what)
{
    throw std::system_error(error, std::generic_category(), what);
}

[[noreturn]] void failErrno(const std::string& what)
{
    fail(errno, what);
}

} // namespace

void PosixFileWriter::makeDir(const fs::path& dir, bool mayExist)
{
    if (::mkdir(dir.c_str(), 0755) == 0)
        return;
    const int error = errno;
    struct stat st {};
    if (error == EEXIST && mayExist && ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return;
    fail(error, "cannot create the folder " + dir.string());
}

int PosixFileWriter::createFile(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        failErrno("cannot create " + file.string());
    return fd;
}

void PosixFileWriter::write(int handle, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(handle, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failErrno("cannot write");
        }
        if (n == 0)
            fail(ENOSPC, "cannot write (no progress)");
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void PosixFileWriter::syncFile(int handle)
{
    if (::fsync(handle) != 0)
        failErrno("cannot flush a file to the disk (fsync)");
}

void PosixFileWriter::closeFile(int handle)
{
    if (::close(handle) != 0 && errno != EINTR)
        failErrno("cannot close a file");
}

void PosixFileWriter::syncDir(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot open the folder " + dir.string());
    // Some file systems (and FAT drivers) refuse fsync on a directory with EINVAL: nothing to do.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int error = errno;
        ::close(fd);
        fail(error, "cannot flush the folder " + dir.string() + " (fsync)");
    }
    ::close(fd);
}

void PosixFileWriter::syncPath(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot open " + path.string() + " to flush it");
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int error = errno;
        ::close(fd);
        fail(error, "cannot flush " + path.string() + " (fsync)");
    }
    ::close(fd);
}

std::string PosixFileWriter::readFile(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot open " + file.string() + " to read it back");
    std::string out;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            fail(error, "cannot read back " + file.string());
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

void PosixFileWriter::rename(const fs::path& from, const fs::path& to)
{
    if (::rename(from.c_str(), to.c_str()) != 0)
        failErrno("cannot rename " + from.string() + " to " + to.filename().string());
}

void PosixFileWriter::remove(const fs::path& path)
{
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec)
        fail(ec.value(), "cannot remove " + path.string());
}

void FaultyFileWriter::step(const char* what)
{
    const std::size_t n = m_count++;
    if (n == m_failAt || (m_sticky && n > m_failAt)) {
        m_fired = true;
        fail(m_error, std::string("injected fault in ") + what + " (operation " + std::to_string(n) + ")");
    }
}

void FaultyFileWriter::makeDir(const fs::path& dir, bool mayExist)
{
    step("makeDir");
    m_inner.makeDir(dir, mayExist);
}

int FaultyFileWriter::createFile(const fs::path& file)
{
    step("createFile");
    return m_inner.createFile(file);
}

void FaultyFileWriter::write(int handle, std::string_view bytes)
{
    step("write");
    m_inner.write(handle, bytes);
}

void FaultyFileWriter::syncFile(int handle)
{
    step("syncFile");
    m_inner.syncFile(handle);
}

void FaultyFileWriter::closeFile(int handle)
{
    try {
        step("closeFile");
    } catch (...) {
        try {
            m_inner.closeFile(handle);
        } catch (...) {
        }
        throw;
    }
    m_inner.closeFile(handle);
}

void FaultyFileWriter::syncDir(const fs::path& dir)
{
    step("syncDir");
    m_inner.syncDir(dir);
}

void FaultyFileWriter::syncPath(const fs::path& path)
{
    step("syncPath");
    m_inner.syncPath(path);
}

std::string FaultyFileWriter::readFile(const fs::path& file)
{
    step("readFile");
    return m_inner.readFile(file);
}

void FaultyFileWriter::rename(const fs::path& from, const fs::path& to)
{
    step("rename");
    m_inner.rename(from, to);
}

void FaultyFileWriter::remove(const fs::path& path)
{
    step("remove");
    m_inner.remove(path);
}

} // namespace kiosk::exporter
