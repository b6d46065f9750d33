// The technicians' export commands: a batch to a folder, an office key pair, and decrypting a batch.
#include "cli/export_cli.hpp"

#include "core/clock.hpp"
#include "export/exporter.hpp"
#include "export/seal.hpp"
#include "store/requests.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <optional>
#include <ostream>
#include <system_error>

namespace fs = std::filesystem;

namespace kiosk {

ExportCommand::ExportCommand(CLI::App& cli, fs::path& dbFile) : m_dbFile(dbFile)
{
    m_export =
        cli.add_subcommand("export", "Write a batch of callback requests to DIR and mark them collected");
    m_export->add_option("--to", m_to, "Destination folder, which must exist (a USB stick's root)")
        ->required();
    m_export->add_option("--db", m_dbFile, "Database file (default: the kiosk's)");
    CLI::Option* all =
        m_export->add_flag("--all", m_all, "Include requests already collected that are still on the kiosk");
    m_export
        ->add_option(
            "--again", m_again,
            "Write batch BATCH again (a lost stick): its requests still on the kiosk, none newly marked")
        ->type_name("BATCH")
        ->excludes(all);
    m_export->add_option("--public-key", m_publicKey, "Seal the files with personal data to this office key")
        ->check(CLI::ExistingFile);

    m_keygen =
        cli.add_subcommand("keygen", "Make an office key pair: NAME.public and NAME.secret (mode 0600)");
    m_keygen->add_option("--out", m_keyName, "NAME of the two key files")->required();

    m_decrypt =
        cli.add_subcommand("decrypt", "Check a batch folder and restore its files with the office key");
    m_decrypt->add_option("--key", m_secretKey, "The office's NAME.secret")
        ->required()
        ->check(CLI::ExistingFile);
    m_decrypt->add_option("batch", m_batchDir, "The batch folder")->required()->check(CLI::ExistingDirectory);
    m_decrypt->add_option("--out", m_outDir, "Where to write the restored files")->required();
}

bool ExportCommand::parsed() const
{
    return m_export->parsed() || m_keygen->parsed() || m_decrypt->parsed();
}

int ExportCommand::run(const std::string& kioskId, std::ostream& out, std::ostream& err) const
{
    if (m_export->parsed())
        return runExport(kioskId, out, err);
    if (m_keygen->parsed())
        return runKeygen(out, err);
    if (m_decrypt->parsed())
        return runDecrypt(out, err);
    return 2;
}

int ExportCommand::runExport(const std::string& kioskId, std::ostream& out, std::ostream& err) const
{
    try {
        std::error_code ec;
        // Never made here: a mistyped stick path must not fill the kiosk's own disk.
        if (!fs::is_directory(m_to, ec)) {
            err << "kiosk: export failed: " << m_to.string() << " is not a folder (is the stick mounted?)\n";
            return 1;
        }
        if (!fs::is_regular_file(m_dbFile, ec)) {
            err << "kiosk: export failed: no database at " << m_dbFile.string() << "\n";
            return 1;
        }
        exporter::ExportOptions options;
        options.destination = m_to;
        options.kioskId = kioskId;
        options.scope = m_all ? ExportScope::All : ExportScope::New;
        options.againBatch = m_again;
        if (m_publicKey.empty() && !m_configuredKeyProblem.empty()) {
            err << "kiosk: export refused: the office key in the configuration cannot be used ("
                << m_configuredKeyProblem << "); fix it or give --public-key\n";
            return 1;
        }
        if (const fs::path& key = m_publicKey.empty() ? m_configuredKey : m_publicKey; !key.empty())
            options.officeKey = exporter::readPublicKey(key);
        const SystemClock clock;
        options.nowMs = clock.now();
        auto opened = store::RequestStore::open(m_dbFile, kioskId, clock, err);
        if (!opened.store->available() || !opened.store->database()) {
            err << "kiosk: export failed: the database " << m_dbFile.string() << " cannot be opened\n";
            return 1;
        }
        exporter::PosixFileWriter files;
        const exporter::ExportResult result =
            exporter::exportBatch(*opened.store->database(), files, options);
        if (result.folder.empty()) {
            if (!m_again.empty())
                out << "nothing to export: every request of batch " << m_again << " was purged\n";
            else
                out << "nothing to export: no " << (m_all ? "" : "new ") << "requests\n";
            return 0;
        }
        out << result.folder.string() << "\n"
            << result.count << " requests" << (result.sealed ? ", sealed" : ", NOT sealed (no --public-key)")
            << ", " << result.marked << " newly marked collected\n";
        return 0;
    } catch (const std::exception& e) {
        err << "kiosk: export failed, nothing was marked collected: " << e.what() << "\n";
        return 1;
    }
}

int ExportCommand::runKeygen(std::ostream& out, std::ostream& err) const
{
    try {
        exporter::writeKeyFiles(m_keyName, exporter::makeKeyPair());
        out << "wrote " << m_keyName.string() << ".public (for the kiosks) and " << m_keyName.string()
            << ".secret (keep it at the office)\n";
        return 0;
    } catch (const std::exception& e) {
        err << "kiosk: keygen failed: " << e.what() << "\n";
        return 1;
    }
}

int ExportCommand::runDecrypt(std::ostream& out, std::ostream& err) const
{
    try {
        const exporter::DecryptResult result =
            exporter::decryptBatch(m_batchDir, exporter::readSecretKey(m_secretKey), m_outDir);
        for (const fs::path& f : result.written)
            out << f.string() << "\n";
        out << result.count << " requests, every hash verified\n";
        return 0;
    } catch (const std::exception& e) {
        err << "kiosk: decrypt refused: " << e.what() << "\n";
        return 1;
    }
}

} // namespace kiosk
