// Helpers shared by the test files: the shipped data folder and scratch folders.
#pragma once

#include "core/config.hpp"
#include "core/content.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace kiosk::test {

inline std::filesystem::path dataDir()
{
    if (const char* env = std::getenv("KIOSK_DATA_DIR"))
        return env;
    return std::filesystem::path(KIOSK_SOURCE_DIR) / "data";
}

// A folder that is removed with everything in it when the test ends.
class TempDir {
public:
    TempDir()
    {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("kiosk-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    std::filesystem::path write(const std::string& name, const std::string& content) const
    {
        const auto file = m_path / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

private:
    std::filesystem::path m_path;
};

inline std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline LocalContacts shippedContacts()
{
    Problems p;
    return Config::load(dataDir() / "kiosk.toml", p).contacts;
}

// The shipped content, loaded and checked once.
inline const Content& shippedContent()
{
    static const Content content = [] {
        ContentLoad load = loadContent(dataDir(), dataDir().parent_path() / "media", shippedContacts());
        REQUIRE(load.ok());
        return std::move(load.content);
    }();
    return content;
}

// A copy of the shipped data/ (and media/) to break one thing in.
struct Pack {
    test::TempDir dir;
    std::filesystem::path data = dir.path() / "data";
    std::filesystem::path media = dir.path() / "media";
    Pack()
    {
        std::filesystem::copy(test::dataDir(), data, std::filesystem::copy_options::recursive);
        std::filesystem::create_directories(media);
        if (std::filesystem::exists(test::dataDir().parent_path() / "media"))
            std::filesystem::copy(test::dataDir().parent_path() / "media", media,
                                  std::filesystem::copy_options::recursive);
    }
    void append(const std::string& rel, const std::string& text) const
    {
        std::ofstream(data / rel, std::ios::app | std::ios::binary) << text;
    }
    void replace(const std::string& rel, const std::string& from, const std::string& to) const
    {
        std::string s = test::readFile(data / rel);
        const auto pos = s.find(from);
        REQUIRE_MESSAGE(pos != std::string::npos, rel << " has no '" << from << "'");
        s.replace(pos, from.size(), to);
        std::ofstream(data / rel, std::ios::binary | std::ios::trunc) << s;
    }
    // Takes out the first `from` and everything after it up to and with `through` ("sources = [" to
    // "]": a list over several lines).
    void erase(const std::string& rel, const std::string& from, const std::string& through) const
    {
        std::string s = test::readFile(data / rel);
        const auto pos = s.find(from);
        REQUIRE_MESSAGE(pos != std::string::npos, rel << " has no '" << from << "'");
        const auto last = s.find(through, pos + from.size());
        REQUIRE_MESSAGE(last != std::string::npos,
                        rel << " has no '" << through << "' after '" << from << "'");
        s.erase(pos, last + through.size() - pos);
        std::ofstream(data / rel, std::ios::binary | std::ios::trunc) << s;
    }
    ContentLoad load() const { return loadContent(data, media, shippedContacts()); }
};

} // namespace kiosk::test
