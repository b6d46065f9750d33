// `kiosk registry import FILE.csv --out DIR --source "…" --taken YYYY-MM-DD`: a technician turns the
// CSV that office staff saved from a spreadsheet into DIR/registry/ (p3mi.csv and p3mi.toml), the
// folder a content pack carries, and sees every row that could not be used with its line.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

class RegistryCommand {
public:
    // Adds `registry` with its subcommand `import` to `cli`.
    explicit RegistryCommand(CLI::App& cli);
    RegistryCommand(const RegistryCommand&) = delete;
    RegistryCommand& operator=(const RegistryCommand&) = delete;

    [[nodiscard]] bool parsed() const;
    // Reads the CSV, writes DIR/registry/ whole (a new folder swapped in: a reader sees the old list
    // or the new one), reports what it did on `out` and each row not used on `err`. Returns the exit
    // code: 0 written, 1 nothing usable or failed, 2 usage (a missing source, a date that is not one).
    int run(std::ostream& out, std::ostream& err) const;

private:
    CLI::App* m_registry = nullptr;
    CLI::App* m_import = nullptr;
    std::filesystem::path m_file, m_outDir;
    std::string m_source, m_taken, m_note;
};

} // namespace kiosk
