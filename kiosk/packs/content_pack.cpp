// Signing, checking and installing content packs (see content_pack.hpp for the format).
#include "packs/content_pack.hpp"

#include "export/file_writer.hpp"
#include "export/format.hpp"
#include "export/seal.hpp"
#include "store/sodium.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace kiosk::pack {
namespace fs = std::filesystem;
using exporter::hexOf;
using exporter::sha256Hex;

namespace {

constexpr const char* kParts[] = {"content", "checklists", "registry", "media"};
// Files beside those folders: where the facts come from.
constexpr const char* kFileParts[] = {"sources.toml"};
constexpr std::string_view kHeader = "desa-kiosk content pack 1";
// Bounds that keep a broken or hostile pack from filling the kiosk's disk.
constexpr std::size_t kMaxFiles = 20'000;
constexpr std::uint64_t kMaxBytes = 2ULL << 30;

struct Entry {
    std::string hash; // SHA-256, lower-case hex
    std::uint64_t size = 0;
    std::string path; // relative, '/'-separated, under one of kParts or one of kFileParts
};

// Every regular file of the pack's parts, sorted. A symbolic link or any other kind of file is an
// error: a pack is plain files only.
std::vector<std::string> listFiles(const fs::path& dir)
{
    std::vector<std::string> files;
    for (const char* part : kFileParts) {
        std::error_code ec;
        const auto status = fs::symlink_status(dir / part, ec);
        if (!fs::exists(status))
            continue;
        if (!fs::is_regular_file(status))
            throw std::runtime_error(std::string(part) + " must be a plain file");
        files.push_back(part);
    }
    for (const char* part : kParts) {
        std::error_code ec;
        const fs::path root = dir / part;
        const auto status = fs::symlink_status(root, ec);
        if (!fs::exists(status))
            continue;
        if (!fs::is_directory(status))
            throw std::runtime_error(std::string(part) + " must be a folder");
        for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (ec)
                break;
            const auto s = it->symlink_status(ec);
            const std::string rel = fs::relative(it->path(), dir, ec).generic_string();
            if (fs::is_directory(s))
                continue;
            if (!fs::is_regular_file(s))
                throw std::runtime_error(
                    rel + " is not a plain file (a link or a device): a pack holds files only");
            if (rel.find('\n') != std::string::npos || rel.find('\r') != std::string::npos)
                throw std::runtime_error("a file name has a line break in it");
            files.push_back(rel);
        }
        if (ec)
            throw std::system_error(ec, "cannot read " + root.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Reads `from` in chunks, hashing every byte, and hands each chunk to `sink` when there is one (the
// copy). Returns the hash and the size.
std::pair<std::string, std::uint64_t> hashFile(const fs::path& from,
                                               const std::function<void(std::string_view)>& sink,
                                               std::uint64_t& done, std::uint64_t total,
                                               const Progress& progress)
{
    const int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        throw std::system_error(errno, std::generic_category(), "cannot read " + from.string());
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 16);
    std::uint64_t size = 0;
    try {
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw std::system_error(errno, std::generic_category(), "cannot read " + from.string());
            if (n == 0)
                break;
            const std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(chunk.data()),
                                      chunk.size());
            if (sink)
                sink(chunk);
            size += chunk.size();
            done += chunk.size();
            if (progress)
                progress(std::min(done, total), total);
        }
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, hash);
    return {hexOf(hash, sizeof hash), size};
}

struct Manifest {
    std::string created;
    std::vector<Entry> entries;
};

// Parses the manifest; a line that is not as `sign` writes it makes the pack Tampered (it cannot
// have been signed that way by us), reported through std::runtime_error.
Manifest parseManifest(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kHeader)
        throw std::runtime_error("MANIFEST does not start with \"" + std::string(kHeader) + "\"");
    Manifest m;
    if (!std::getline(in, line) || line.rfind("created ", 0) != 0)
        throw std::runtime_error("MANIFEST has no \"created\" line");
    m.created = line.substr(8);
    std::set<std::string> seen;
    std::uint64_t total = 0;
    while (std::getline(in, line)) {
        // file <sha256> <size> <path>
        std::istringstream fields(line);
        std::string word, hash, size;
        fields >> word >> hash >> size;
        std::string path;
        std::getline(fields, path);
        if (!path.empty() && path.front() == ' ')
            path.erase(0, 1);
        const bool hashOk =
            hash.size() == 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
        const bool sizeOk =
            !size.empty() && size.size() < 12 && size.find_first_not_of("0123456789") == std::string::npos;
        const fs::path p(path);
        const bool pathOk =
            !path.empty() && p.is_relative() && p.lexically_normal().generic_string() == path &&
            path.find("..") == std::string::npos &&
            (std::any_of(std::begin(kParts), std::end(kParts),
                         [&](const char* part) { return path.rfind(std::string(part) + "/", 0) == 0; }) ||
             std::any_of(std::begin(kFileParts), std::end(kFileParts),
                         [&](const char* part) { return path == part; }));
        if (word != "file" || !hashOk || !sizeOk || !pathOk)
            throw std::runtime_error("MANIFEST line \"" + line.substr(0, 120) + "\" is not a file line");
        if (!seen.insert(path).second)
            throw std::runtime_error("MANIFEST lists " + path + " twice");
        m.entries.push_back({hash, std::stoull(size), path});
        total += m.entries.back().size;
        if (m.entries.size() > kMaxFiles || total > kMaxBytes)
            throw std::runtime_error("the pack is larger than a kiosk accepts (20,000 files, 2 GiB)");
    }
    return m;
}

PackInfo infoOf(const std::string& manifestText, const Manifest& m, const fs::path& dir)
{
    return {sha256Hex(manifestText).substr(0, 12), m.created, dir};
}

// Files under the pack's parts that the manifest does not list.
std::optional<std::string> unlisted(const fs::path& dir, const Manifest& manifest)
{
    std::set<std::string> listed;
    for (const auto& e : manifest.entries)
        listed.insert(e.path);
    for (const auto& f : listFiles(dir))
        if (!listed.count(f))
            return f;
    return std::nullopt;
}

// Checks MANIFEST.sig against the manifest's bytes. Refusal::None when a trusted key signed it.
Outcome checkSignature(const std::string& manifest, const std::string& signature,
                       const std::vector<PublicKey>& trusted)
{
    const signing::Verification v = signing::verify(manifest, signature, trusted);
    switch (v.verdict) {
    case signing::Verdict::Ok: return {};
    case signing::Verdict::NoTrustedKey:
        return {Refusal::NoTrustedKey, "no key in [content] trusted_keys of kiosk.toml", {}};
    case signing::Verdict::Malformed:
        return {Refusal::Unsigned,
                "MANIFEST.sig is not a signature written by `kiosk content sign`",
                {},
                {.file = kSignature}};
    case signing::Verdict::UntrustedKey:
        return {Refusal::UntrustedKey,
                "signed with key " + v.keyId + "…, which this kiosk does not trust",
                {},
                {.keyId = v.keyId}};
    case signing::Verdict::BadSignature: break;
    }
    return {Refusal::BadSignature,
            "the signature does not match MANIFEST: it was changed after signing",
            {},
            {.file = kManifest}};
}

// Reads a pack's manifest and signature into memory and checks them, and that the pack's files are
// exactly those listed. On success `manifest` holds what was checked (the bytes later written, never
// read again from the source).
Outcome readSigned(const fs::path& dir, const std::vector<PublicKey>& trusted, std::string& manifestText,
                   std::string& signatureText, Manifest& manifest)
{
    std::error_code ec;
    const bool hasManifest = fs::exists(dir / kManifest, ec);
    const bool hasSignature = fs::exists(dir / kSignature, ec);
    if (!hasManifest || !hasSignature) {
        const bool hasContent = fs::exists(dir / "content", ec);
        if (!hasManifest && !hasContent)
            return {Refusal::NotFound, "no content pack in " + dir.string(), {}};
        const char* missing = hasManifest ? kSignature : kManifest;
        return {Refusal::Unsigned,
                std::string(missing) + " is missing in " + dir.string(),
                {},
                {.file = missing}};
    }
    try {
        exporter::PosixFileWriter files;
        manifestText = files.readFile(dir / kManifest);
        signatureText = files.readFile(dir / kSignature);
    } catch (const std::exception& e) {
        return {Refusal::Failed, e.what(), {}, faultOf(e)};
    }
    Outcome signature = checkSignature(manifestText, signatureText, trusted);
    if (!signature.ok())
        return signature;
    try {
        manifest = parseManifest(manifestText);
    } catch (const std::exception& e) {
        return {Refusal::Tampered, e.what(), {}, {.file = kManifest}};
    }
    const PackInfo info = infoOf(manifestText, manifest, dir);
    // The files are those listed: none added, none missing (their bytes are checked as they are read).
    try {
        if (const auto extra = unlisted(dir, manifest))
            return {Refusal::Tampered, *extra + " is not in the signed MANIFEST", info, {.file = *extra}};
    } catch (const std::exception& e) {
        return {Refusal::Tampered, e.what(), info, faultOf(e)};
    }
    for (const auto& e : manifest.entries)
        if (!fs::is_regular_file(fs::symlink_status(dir / e.path, ec)))
            return {Refusal::Tampered,
                    e.path + " is in the signed MANIFEST but not in the pack",
                    info,
                    {.file = e.path}};
    return {Refusal::None, {}, info};
}

Outcome checkContent(const fs::path& dir, const ContentCheck& check, const PackInfo& info)
{
    const Problems problems = check ? check(dir) : Problems{};
    if (problems.empty())
        return {Refusal::None, {}, info};
    std::string detail = std::to_string(problems.size()) + " content errors; the first: " + problems.front();
    // Where the first is, as a path inside the pack.
    FaultDetail fault = problemPlace(problems.front());
    const std::string prefix = dir.string() + "/";
    if (fault.file.rfind(prefix, 0) == 0)
        fault.file.erase(0, prefix.size());
    fault.count = static_cast<std::int64_t>(problems.size());
    return {Refusal::Invalid, detail, info, fault};
}

fs::path linkTarget(const fs::path& link)
{
    std::error_code ec;
    const fs::path target = fs::read_symlink(link, ec);
    return ec ? fs::path() : target;
}

} // namespace

const char* refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None: return "ok";
    case Refusal::NotFound: return "not-found";
    case Refusal::Unsigned: return "unsigned";
    case Refusal::NoTrustedKey: return "no-trusted-key";
    case Refusal::UntrustedKey: return "untrusted-key";
    case Refusal::BadSignature: return "bad-signature";
    case Refusal::Tampered: return "tampered";
    case Refusal::Invalid: return "invalid";
    case Refusal::AlreadyShown: return "already-shown";
    case Refusal::NoPrevious: return "no-previous";
    case Refusal::Failed: return "failed";
    }
    return "failed";
}

std::string sign(const fs::path& dir, const fs::path& secretKeyFile, Millis createdUnixMs)
{
    store::initSodium();
    std::error_code ec;
    if (!fs::is_directory(dir / "content", ec))
        throw std::runtime_error(dir.string() + " has no content folder: a pack is laid out like data/ " +
                                 "(content/, checklists/, registry/, media/, sources.toml)");
    std::string manifest =
        std::string(kHeader) + "\ncreated " + formatUtc(createdUnixMs, "%Y-%m-%d %H:%M") + "\n";
    std::uint64_t done = 0;
    for (const auto& rel : listFiles(dir)) {
        const auto [hash, size] = hashFile(dir / rel, {}, done, 0, {});
        manifest += "file " + hash + " " + std::to_string(size) + " " + rel + "\n";
    }
    (void)parseManifest(manifest); // the same limits a kiosk applies
    const std::string signature = signing::sign(manifest, secretKeyFile);
    for (const auto& [name, text] : {std::pair{kManifest, manifest}, std::pair{kSignature, signature}}) {
        std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out)
            throw std::runtime_error("cannot write " + (dir / name).string());
    }
    return sha256Hex(manifest).substr(0, 12);
}

std::optional<PackInfo> peek(const fs::path& dir)
{
    try {
        const std::string text = exporter::PosixFileWriter().readFile(dir / kManifest);
        std::istringstream in(text);
        std::string header, created;
        if (!std::getline(in, header) || header != kHeader || !std::getline(in, created) ||
            created.rfind("created ", 0) != 0)
            return std::nullopt;
        store::initSodium();
        return PackInfo{sha256Hex(text).substr(0, 12), created.substr(8, 40), dir};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

PackStore::PackStore(fs::path root) : m_root(std::move(root))
{
}

std::optional<PackInfo> PackStore::current() const
{
    const fs::path target = linkTarget(m_root / "current");
    if (target.empty())
        return std::nullopt;
    return peek(m_root / target);
}

std::optional<PackInfo> PackStore::previous() const
{
    const fs::path target = linkTarget(m_root / "previous");
    if (target.empty())
        return std::nullopt;
    return peek(m_root / target);
}

namespace {

// Creates `file`, lets `fill` write it through `files`, and flushes it to disk.
template <typename Fill> void writeNew(exporter::FileWriter& files, const fs::path& file, const Fill& fill)
{
    const int fd = files.createFile(file);
    try {
        fill(fd);
        files.syncFile(fd);
    } catch (...) {
        try {
            files.closeFile(fd);
        } catch (const std::exception&) { // the first failure is the one worth telling
        }
        throw;
    }
    files.closeFile(fd);
}

// Points `name` (in `root`) at `target` in one step: a new link beside it, renamed over it, flushed.
void relink(exporter::FileWriter& files, const fs::path& root, const char* name, const fs::path& target)
{
    const fs::path fresh = root / (std::string(".") + name + ".new");
    std::error_code ec;
    fs::remove(fresh, ec);
    fs::create_symlink(target, fresh);
    files.rename(fresh, root / name);
    files.syncDir(root);
}

// Leftovers of an interrupted install and packs neither current nor previous.
void tidy(const fs::path& root)
{
    std::error_code ec;
    std::set<fs::path> keep;
    for (const char* link : {"current", "previous"}) {
        const fs::path t = linkTarget(root / link);
        if (!t.empty())
            keep.insert(t.filename());
    }
    for (const auto& e : fs::directory_iterator(root / "packs", ec))
        if (!keep.count(e.path().filename()))
            fs::remove_all(e.path(), ec);
    for (const auto& e : fs::directory_iterator(root, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(".incoming-", 0) == 0 || name == ".current.new" || name == ".previous.new")
            fs::remove_all(e.path(), ec);
    }
}

// Makes packs/<id> current and what was current previous: first `previous` (so that a cut right
// after leaves the old pack shown and kept), then `current`.
void makeCurrent(exporter::FileWriter& files, const fs::path& root, const std::string& id)
{
    const fs::path old = linkTarget(root / "current");
    if (!old.empty())
        relink(files, root, "previous", old);
    relink(files, root, "current", fs::path("packs") / id);
}

} // namespace

Outcome PackStore::install(const fs::path& source, const std::vector<PublicKey>& trusted,
                           const ContentCheck& check, const Progress& progress)
{
    std::string manifestText, signatureText;
    Manifest manifest;
    Outcome signedOk = readSigned(source, trusted, manifestText, signatureText, manifest);
    if (!signedOk.ok())
        return signedOk;
    PackInfo info = signedOk.pack;
    if (const auto shown = current(); shown && shown->id == info.id)
        return {Refusal::AlreadyShown, "pack " + info.id + " is already shown", info};

    fs::path incoming;
    exporter::PosixFileWriter files;
    try {
        fs::create_directories(m_root / "packs");
        tidy(m_root);
        incoming = m_root / (".incoming-" + std::to_string(::getpid()));
        fs::create_directories(incoming);
        std::uint64_t total = 0, done = 0;
        for (const auto& e : manifest.entries)
            total += e.size;
        std::set<fs::path> folders{incoming};
        for (const auto& e : manifest.entries) {
            const fs::path to = incoming / e.path;
            fs::create_directories(to.parent_path());
            for (fs::path p = to.parent_path(); p != incoming; p = p.parent_path())
                folders.insert(p);
            std::pair<std::string, std::uint64_t> got;
            writeNew(files, to, [&](int fd) {
                got = hashFile(
                    source / e.path, [&](std::string_view bytes) { files.write(fd, bytes); }, done, total,
                    progress);
            });
            if (got.first != e.hash || got.second != e.size) {
                fs::remove_all(incoming);
                return {
                    Refusal::Tampered, e.path + " is not the file that was signed", info, {.file = e.path}};
            }
        }
        // The manifest and signature copied are the bytes that were checked.
        for (const auto& [name, text] :
             {std::pair{kManifest, &manifestText}, std::pair{kSignature, &signatureText}})
            writeNew(files, incoming / name, [&](int fd) { files.write(fd, *text); });
        for (const auto& folder : folders)
            files.syncDir(folder);

        Outcome checked = checkContent(incoming, check, info);
        if (!checked.ok()) {
            fs::remove_all(incoming);
            return checked;
        }
        const fs::path home = m_root / "packs" / info.id;
        if (fs::exists(
                home)) // installed before and still kept (the previous pack): the copy just made is the same
            fs::remove_all(home);
        files.rename(incoming, home);
        files.syncDir(m_root / "packs");
        makeCurrent(files, m_root, info.id);
        info.dir = home;
        tidy(m_root);
        return {Refusal::None, {}, info};
    } catch (const std::exception& e) {
        std::error_code ec;
        if (!incoming.empty())
            fs::remove_all(incoming, ec);
        return {Refusal::Failed, e.what(), info, faultOf(e)};
    }
}

Outcome PackStore::verifyInstalled(const PackInfo& pack, const std::vector<PublicKey>& trusted,
                                   const ContentCheck& check) const
{
    std::string manifestText, signatureText;
    Manifest manifest;
    Outcome signedOk = readSigned(pack.dir, trusted, manifestText, signatureText, manifest);
    if (!signedOk.ok())
        return signedOk;
    try {
        std::uint64_t done = 0;
        for (const auto& e : manifest.entries) {
            const auto [hash, size] = hashFile(pack.dir / e.path, {}, done, 0, {});
            if (hash != e.hash || size != e.size)
                return {Refusal::Tampered,
                        e.path + " is not the file that was signed",
                        signedOk.pack,
                        {.file = e.path}};
        }
    } catch (const std::exception& e) {
        return {Refusal::Tampered, e.what(), signedOk.pack, faultOf(e)};
    }
    return checkContent(pack.dir, check, signedOk.pack);
}

Outcome PackStore::rollback(const std::vector<PublicKey>& trusted, const ContentCheck& check)
{
    const auto before = previous();
    if (!before)
        return {Refusal::NoPrevious, "no earlier pack is kept", {}};
    Outcome checked = verifyInstalled(*before, trusted, check);
    if (!checked.ok())
        return checked;
    try {
        // One exchange of the two links: there is no moment with either of them lost.
        if (::renameat2(AT_FDCWD, (m_root / "previous").c_str(), AT_FDCWD, (m_root / "current").c_str(),
                        RENAME_EXCHANGE) != 0)
            throw std::system_error(errno, std::generic_category(),
                                    "cannot switch back to the previous pack");
        exporter::PosixFileWriter().syncDir(m_root);
    } catch (const std::exception& e) {
        return {Refusal::Failed, e.what(), *before, faultOf(e)};
    }
    return checked;
}

} // namespace kiosk::pack
