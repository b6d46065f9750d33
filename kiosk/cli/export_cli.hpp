// `kiosk export`, `kiosk keygen`, `kiosk decrypt`: the export engine from a terminal.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace kiosk {

class ExportCommand {
public:
    // Adds `export`, `keygen` and `decrypt` to `cli`. `export --db` writes to `dbFile` (the
    // variable of the top-level --db); `dbFile` must outlive this.
    ExportCommand(CLI::App& cli, std::filesystem::path& dbFile);
    ExportCommand(const ExportCommand&) = delete;
    ExportCommand& operator=(const ExportCommand&) = delete;

    // True when the command line named one of them.
    [[nodiscard]] bool parsed() const;
    // The office key of the configuration: `export` seals to it unless --public-key names another.
    // With `problem` set (a key was asked for but cannot be used), `export` refuses to write plain.
    void useConfiguredKey(std::filesystem::path key, std::string problem)
    {
        m_configuredKey = std::move(key);
        m_configuredKeyProblem = std::move(problem);
    }
    // Runs it; returns the exit code (1 with a one-line reason on `err` on failure).
    int run(const std::string& kioskId, std::ostream& out, std::ostream& err) const;

private:
    int runExport(const std::string& kioskId, std::ostream& out, std::ostream& err) const;
    int runKeygen(std::ostream& out, std::ostream& err) const;
    int runDecrypt(std::ostream& out, std::ostream& err) const;

    std::filesystem::path& m_dbFile;
    CLI::App* m_export = nullptr;
    CLI::App* m_keygen = nullptr;
    CLI::App* m_decrypt = nullptr;
    std::filesystem::path m_to;
    bool m_all = false;
    std::string m_again; // a batch id: write its requests again
    std::filesystem::path m_publicKey;
    std::filesystem::path m_configuredKey;
    std::string m_configuredKeyProblem;
    std::filesystem::path m_keyName;
    std::filesystem::path m_secretKey;
    std::filesystem::path m_batchDir;
    std::filesystem::path m_outDir;
};

} // namespace kiosk
