// `kiosk registry import`: a spreadsheet's CSV, read and checked, written as the kiosk's registry.
#include "cli/registry_cli.hpp"

#include "core/registry.hpp"
#include "core/registry_import.hpp"
#include "export/atomic_file.hpp"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <exception>
#include <fstream>
#include <iterator>
#include <ostream>
#include <system_error>

namespace fs = std::filesystem;

namespace kiosk {
namespace {

// Bigger than any list of companies: a file this size is something else.
constexpr std::uintmax_t kMaxImportBytes = 64 * 1024 * 1024;

// DIR/registry/ replaced by a folder holding `files` (name, text): written beside it, then swapped in.
void writeRegistry(const fs::path& outDir, const std::vector<std::pair<std::string, std::string>>& files)
{
    const fs::path target = outDir / "registry";
    const fs::path fresh = outDir / ".registry.new";
    fs::create_directories(outDir);
    fs::remove_all(fresh);
    fs::create_directory(fresh);
    for (const auto& [name, text] : files)
        writeFileAtomically(fresh / name, text, true);
    if (fs::exists(target)) {
        if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
            throw std::system_error(errno, std::generic_category(), "cannot replace " + target.string());
        fs::remove_all(fresh); // the old list, after the exchange
    } else if (::rename(fresh.c_str(), target.c_str()) != 0) {
        throw std::system_error(errno, std::generic_category(), "cannot create " + target.string());
    }
}

std::string companies(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " company" : " companies");
}

} // namespace

RegistryCommand::RegistryCommand(CLI::App& cli)
{
    m_registry = cli.add_subcommand("registry", "The list of licensed placement companies (P3MI)");
    m_registry->require_subcommand(1);
    m_import = m_registry->add_subcommand(
        "import", "Turn a CSV saved from a spreadsheet into DIR/registry/ (p3mi.csv, p3mi.toml)");
    m_import->add_option("file", m_file, "The CSV (comma or semicolon separated, UTF-8 or Windows-1252)")
        ->required();
    m_import->add_option("--out", m_outDir, "Folder to write registry/ into (a content folder or pack)")
        ->required();
    m_import->add_option("--source", m_source, "Where the list came from (\"SISKOP2MI, KP2MI\")")->required();
    m_import->add_option("--taken", m_taken, "The date the list was taken, YYYY-MM-DD")->required();
    m_import->add_option("--note", m_note, "A note about the list, for office staff");
}

bool RegistryCommand::parsed() const
{
    return m_registry->parsed();
}

int RegistryCommand::run(std::ostream& out, std::ostream& err) const
{
    if (!isIsoDate(m_taken)) {
        err << "kiosk: --taken '" << m_taken << "' is not a date written YYYY-MM-DD (2026-03-12)\n";
        return 2;
    }
    if (m_source.find_first_not_of(" \t") == std::string::npos) {
        err << "kiosk: --source must say where the list came from\n";
        return 2;
    }
    std::error_code ec;
    const auto size = fs::file_size(m_file, ec);
    if (ec || size > kMaxImportBytes) {
        err << "kiosk: " << m_file.string() << ": "
            << (ec ? "cannot read: " + ec.message()
                   : "too large for a list of companies (" + std::to_string(size) + " bytes)")
            << "\n";
        return 1;
    }
    std::ifstream in(m_file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const RegistryImport read = importRegistryCsv(bytes, m_file.string());
    for (const auto& note : read.notes)
        out << m_file.string() << ": " << note << "\n";
    if (!read.fatal.empty()) {
        err << read.fatal << "\n";
        return 1;
    }
    for (const auto& problem : read.rejected)
        err << problem << "\n";
    out << m_file.string() << ": " << read.rows << (read.rows == 1 ? " row, " : " rows, ")
        << companies(read.companies.size()) << " usable, " << read.rows - read.companies.size()
        << " not used\n";
    if (read.companies.empty()) {
        err << "kiosk: no usable company in " << m_file.string() << "; nothing written\n";
        return 1;
    }
    const RegistryInfo info{m_source, m_taken, m_note};
    try {
        writeRegistry(m_outDir, {{"p3mi.csv", registryCsv(read.companies)},
                                 {"p3mi.toml", registryInfoToml(info, read.companies.size())}});
    } catch (const std::exception& e) {
        err << "kiosk: " << e.what() << "\n";
        return 1;
    }
    out << "wrote " << (m_outDir / "registry").string() << "/: " << companies(read.companies.size())
        << ", taken " << m_taken << "\n";
    return 0;
}

} // namespace kiosk
