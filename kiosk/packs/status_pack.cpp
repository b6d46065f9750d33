// Taking a status pack from a stick and keeping it (see status_pack.hpp).
#include "packs/status_pack.hpp"

#include "export/atomic_file.hpp"
#include "export/file_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace kiosk::pack {
namespace fs = std::filesystem;

namespace {

statuspack::Read refused(statuspack::Refusal refusal, std::string detail, FaultDetail fault = {})
{
    statuspack::Read r;
    r.refusal = refusal;
    r.detail = std::move(detail);
    r.fault = std::move(fault);
    return r;
}

// Reads `file` as readStatusFile does, as a Read: the bytes in `bytes` when it is ok.
statuspack::Read readWhole(const fs::path& file, std::string& bytes)
{
    try {
        bool tooLarge = false;
        const auto text = readStatusFile(file, tooLarge);
        if (tooLarge)
            return refused(statuspack::Refusal::TooLarge,
                           file.string() + " is larger than a status pack may be", {.file = file.filename()});
        if (!text)
            return refused(statuspack::Refusal::NotFound, "no file " + file.string(),
                           {.file = file.filename()});
        bytes = *text;
        return {};
    } catch (const std::exception& e) {
        FaultDetail fault = faultOf(e);
        fault.file = file.filename();
        return refused(statuspack::Refusal::Failed, e.what(), fault);
    }
}

} // namespace

std::optional<std::string> readStatusFile(const fs::path& file, bool& tooLarge)
{
    tooLarge = false;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ELOOP || errno == ENOTDIR)
            return std::nullopt; // none there, or a link in its place: not a file of ours
        throw std::system_error(errno, std::generic_category(), "cannot read " + file.string());
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        throw std::system_error(errno, std::generic_category(), "cannot read " + file.string());
    if (!S_ISREG(st.st_mode))
        return std::nullopt;
    if (static_cast<std::uint64_t>(st.st_size) > statuspack::kMaxBytes) {
        tooLarge = true;
        return std::string();
    }
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw std::system_error(errno, std::generic_category(), "cannot read " + file.string());
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > statuspack::kMaxBytes) { // it grew while being read
            tooLarge = true;
            return std::string();
        }
    }
    return text;
}

StatusStore::StatusStore(fs::path root) : m_root(std::move(root))
{
}

statuspack::Read StatusStore::load(const std::vector<signing::PublicKey>& trusted,
                                   const std::string& kioskId) const
{
    std::string bytes;
    statuspack::Read r = readWhole(file(), bytes);
    if (!r.ok())
        return r;
    return statuspack::read(bytes, trusted, kioskId);
}

statuspack::Read StatusStore::take(const fs::path& folder, const std::vector<signing::PublicKey>& trusted,
                                   const std::string& kioskId)
{
    std::string bytes;
    statuspack::Read r = readWhole(folder / statuspack::fileName(kioskId), bytes);
    if (!r.ok())
        return r;
    r = statuspack::read(bytes, trusted, kioskId);
    if (!r.ok())
        return r;
    // The pack kept: a newer one stays, the same one is not written again. One kept that no longer
    // passes (a key no longer trusted) is replaced.
    if (const statuspack::Read kept = load(trusted, kioskId); kept.ok()) {
        if (r.pack.createdMs < kept.pack.createdMs)
            return refused(statuspack::Refusal::Older, "made " + r.pack.book.created +
                                                           ", before the pack this kiosk has (" +
                                                           kept.pack.book.created + ")");
        if (r.pack.createdMs == kept.pack.createdMs)
            return refused(statuspack::Refusal::AlreadyHave, "this kiosk has this pack already");
    }
    try {
        if (fs::create_directories(m_root)) // a new folder: its own entry flushed too
            exporter::PosixFileWriter().syncDir(m_root.parent_path());
        // What a write cut short by a kill left beside the file (its temporary copies) goes first.
        std::error_code ec;
        const std::string prefix = file().filename().string() + ".";
        for (const auto& e : fs::directory_iterator(m_root, ec))
            if (e.path().filename().string().rfind(prefix, 0) == 0)
                fs::remove(e.path(), ec);
        writeFileAtomically(file(), bytes, true);
    } catch (const std::exception& e) {
        return refused(statuspack::Refusal::Failed, e.what(), faultOf(e));
    }
    return r;
}

} // namespace kiosk::pack
