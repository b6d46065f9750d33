// The file operations the exporter uses, behind a seam: POSIX for real, and one that fails on cue.
#pragma once

#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::exporter {

// Every operation throws std::system_error carrying the errno (ENOSPC, EIO, EROFS…) on failure.
class FileWriter {
public:
    virtual ~FileWriter() = default;

    // mkdir; when `mayExist`, an existing directory is fine.
    virtual void makeDir(const std::filesystem::path& dir, bool mayExist) = 0;
    // Creates a new file (never an existing one) for writing; returns its handle.
    virtual int createFile(const std::filesystem::path& file) = 0;
    // Writes all of `bytes`.
    virtual void write(int handle, std::string_view bytes) = 0;
    virtual void syncFile(int handle) = 0;
    // Closes the handle; it is closed even when this throws.
    virtual void closeFile(int handle) = 0;
    virtual void syncDir(const std::filesystem::path& dir) = 0;
    // Flushes a file or folder named by its path, with its own entry in the folder that holds it.
    // Needed after a rename: FAT keeps a file's size and first cluster in its folder entry and
    // writes them with the file, not with the folder, so a renamed file whose folder alone was
    // flushed is on the stick under its new name with no content (seen on Linux's vfat).
    virtual void syncPath(const std::filesystem::path& path) = 0;
    [[nodiscard]] virtual std::string readFile(const std::filesystem::path& file) = 0;
    virtual void rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
    // Removes a file, or a directory with everything in it.
    virtual void remove(const std::filesystem::path& path) = 0;
};

// The real one: open/write/fsync/rename… on the file system.
class PosixFileWriter final : public FileWriter {
public:
    void makeDir(const std::filesystem::path& dir, bool mayExist) override;
    int createFile(const std::filesystem::path& file) override;
    void write(int handle, std::string_view bytes) override;
    void syncFile(int handle) override;
    void closeFile(int handle) override;
    void syncDir(const std::filesystem::path& dir) override;
    void syncPath(const std::filesystem::path& path) override;
    [[nodiscard]] std::string readFile(const std::filesystem::path& file) override;
    void rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    void remove(const std::filesystem::path& path) override;
};

// For tests: passes every operation to `inner` and fails operation number `failAt` (0-based,
// counting every call) with `error` before it reaches `inner`. With `sticky`, every later
// operation fails too (a stick pulled out or turned read-only stays that way); otherwise only the
// one. closeFile still closes the inner handle when it fails.
class FaultyFileWriter final : public FileWriter {
public:
    FaultyFileWriter(FileWriter& inner, std::size_t failAt, int error, bool sticky = false)
        : m_inner(inner), m_failAt(failAt), m_error(error), m_sticky(sticky)
    {
    }

    void makeDir(const std::filesystem::path& dir, bool mayExist) override;
    int createFile(const std::filesystem::path& file) override;
    void write(int handle, std::string_view bytes) override;
    void syncFile(int handle) override;
    void closeFile(int handle) override;
    void syncDir(const std::filesystem::path& dir) override;
    void syncPath(const std::filesystem::path& path) override;
    [[nodiscard]] std::string readFile(const std::filesystem::path& file) override;
    void rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
    void remove(const std::filesystem::path& path) override;

    // How many operations were called so far, and whether the fault has fired.
    [[nodiscard]] std::size_t operations() const { return m_count; }
    [[nodiscard]] bool fired() const { return m_fired; }

private:
    void step(const char* what);

    FileWriter& m_inner;
    std::size_t m_failAt;
    int m_error;
    bool m_sticky;
    std::size_t m_count = 0;
    bool m_fired = false;
};

} // namespace kiosk::exporter
