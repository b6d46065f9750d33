// `kiosk content ...`: signed content packs from a terminal. The office makes a key pair and signs
// packs; a technician installs one on a kiosk or goes back to the previous one, with exactly the
// checks of officer mode's "Perbarui konten".
#pragma once

#include "packs/content_pack.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk {

class ContentCommand {
public:
    // Adds `content` with its subcommands `keygen`, `sign`, `install`, `rollback` and `status`.
    explicit ContentCommand(CLI::App& cli);
    ContentCommand(const ContentCommand&) = delete;
    ContentCommand& operator=(const ContentCommand&) = delete;

    [[nodiscard]] bool parsed() const;
    // Runs the subcommand given. Returns the exit code: 0 done, 1 refused or failed, 2 usage.
    int run(const pack::Place& place, Millis nowUnixMs, std::ostream& out, std::ostream& err) const;

private:
    CLI::App* m_content = nullptr;
    CLI::App* m_keygen = nullptr;
    CLI::App* m_sign = nullptr;
    CLI::App* m_install = nullptr;
    CLI::App* m_rollback = nullptr;
    CLI::App* m_status = nullptr;
    std::filesystem::path m_keyName, m_secretKey, m_dir;
};

// One line for a person: why a pack was refused, or what is now shown.
[[nodiscard]] std::string describe(const pack::Outcome& outcome);

} // namespace kiosk
