// `kiosk check-content [DIR]`: every problem of the content and settings in DIR, one per line, as a
// kiosk would find them at start-up or on "Perbarui konten".
#pragma once

#include <filesystem>
#include <iosfwd>

namespace CLI {
class App;
}

namespace kiosk {

class CheckContentCommand {
public:
    // Adds `check-content` to `cli`.
    explicit CheckContentCommand(CLI::App& cli);
    CheckContentCommand(const CheckContentCommand&) = delete;
    CheckContentCommand& operator=(const CheckContentCommand&) = delete;

    [[nodiscard]] bool parsed() const;
    // Checks DIR (default `dataDir`). A content pack has no kiosk.toml of its own: it is checked
    // against `configFile` (when given), else `systemConfig` if it exists, else the shipped
    // settings, as "Perbarui konten" will check it. Prints `FILE:LINE: message` per problem and a
    // count on `out`. Returns the exit code: 0 no errors, 1 errors.
    int run(const std::filesystem::path& dataDir, const std::filesystem::path& shippedData,
            const std::filesystem::path& mediaDir, const std::filesystem::path& configFile,
            const std::filesystem::path& systemConfig, std::ostream& out) const;

private:
    CLI::App* m_check = nullptr;
    std::filesystem::path m_dir;
};

} // namespace kiosk
