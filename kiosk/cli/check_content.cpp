// `kiosk check-content`: the kiosk's own content and settings checks, printed for a technician.
#include "cli/check_content.hpp"

#include "core/config.hpp"
#include "core/content.hpp"
#include "packs/content_store.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <ostream>
#include <string>

namespace fs = std::filesystem;

namespace kiosk {
namespace {

int checkContent(const fs::path& dir, fs::path mediaDir, const fs::path& configFile, std::ostream& out)
{
    try {
        if (mediaDir.empty()) // data/ has its pictures beside it
            mediaDir = dir.parent_path() / "media";
        Problems configErrors;
        Config config = Config::load(configFile.empty() ? dir / "kiosk.toml" : configFile, configErrors);
        config.checkLogo(mediaDir, configErrors);
        const ContentLoad load = loadContent(dir, mediaDir, config.contacts);
        for (const auto& e : configErrors)
            out << e << "\n";
        for (const auto& e : load.errors)
            out << e << "\n";
        for (const auto& w : load.warnings) {
            // FILE:LINE: warning: message
            const auto pos = w.find(": ");
            out << (pos == std::string::npos ? w : w.substr(0, pos + 2) + "warning: " + w.substr(pos + 2))
                << "\n";
        }
        const std::size_t errors = configErrors.size() + load.errors.size();
        out << errors << " errors, " << load.warnings.size() << " warnings\n";
        return errors == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        out << dir.string() << ":0: cannot be checked: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

CheckContentCommand::CheckContentCommand(CLI::App& cli)
{
    m_check = cli.add_subcommand("check-content", "Check content and settings; exit 1 on any error");
    m_check->add_option("dir", m_dir, "Content folder to check (default: the shipped data/)");
}

bool CheckContentCommand::parsed() const
{
    return m_check->parsed();
}

int CheckContentCommand::run(const fs::path& dataDir, const fs::path& shippedData, const fs::path& mediaDir,
                             const fs::path& configFile, const fs::path& systemConfig,
                             std::ostream& out) const
{
    // "data/" names the same folder as "data": the pictures are looked for beside it, not in it.
    fs::path dir = m_dir.empty() ? dataDir : m_dir;
    if (!dir.lexically_normal().has_filename())
        dir = dir.lexically_normal().parent_path();
    // A content pack has no kiosk.toml of its own: it is checked against this kiosk's settings
    // (its local contacts), as "Perbarui konten" will check it.
    std::error_code ec;
    const bool isPack = !fs::exists(dir / "kiosk.toml", ec);
    fs::path settings = configFile;
    if (settings.empty() && isPack)
        settings = fs::exists(systemConfig, ec) ? systemConfig : shippedData / "kiosk.toml";
    const fs::path media =
        !mediaDir.empty() || !isPack ? mediaDir : packMedia(dir, shippedData.parent_path() / "media");
    return checkContent(dir, media, settings, out);
}

} // namespace kiosk
