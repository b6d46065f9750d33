// `kiosk content keygen|sign|install|rollback|status`.
#include "cli/content_cli.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <ostream>

namespace kiosk {

namespace {

std::string reason(pack::Refusal r)
{
    using pack::Refusal;
    switch (r) {
    case Refusal::None: return "installed";
    case Refusal::NotFound: return "no content pack found";
    case Refusal::Unsigned: return "refused: the pack is not signed";
    case Refusal::NoTrustedKey: return "refused: this kiosk trusts no signing key ([content] trusted_keys)";
    case Refusal::UntrustedKey: return "refused: the pack is not signed by a key this kiosk trusts";
    case Refusal::BadSignature: return "refused: the pack was changed after it was signed";
    case Refusal::Tampered: return "refused: the pack's files are not the ones that were signed";
    case Refusal::Invalid: return "refused: the content has errors";
    case Refusal::AlreadyShown: return "this pack is already shown";
    case Refusal::NoPrevious: return "there is no previous pack to go back to";
    case Refusal::Failed: return "failed";
    }
    return "failed";
}

} // namespace

std::string describe(const pack::Outcome& outcome)
{
    std::string line = reason(outcome.refusal);
    if (!outcome.pack.id.empty())
        line += " (pack " + outcome.pack.id + ", signed " + outcome.pack.created + " UTC)";
    if (!outcome.detail.empty())
        line += ": " + outcome.detail;
    return line;
}

ContentCommand::ContentCommand(CLI::App& cli)
{
    m_content =
        cli.add_subcommand("content", "Signed content packs: keygen, sign, install, rollback, status");
    m_content->require_subcommand(1);
    m_keygen = m_content->add_subcommand(
        "keygen", "Make the office's signing keys NAME.sign.secret and NAME.sign.public");
    m_keygen->add_option("--out", m_keyName, "NAME of the two key files")->required();
    m_sign = m_content->add_subcommand(
        "sign", "Sign the pack in DIR (content/, checklists/, registry/, media/, sources.toml)");
    m_sign->add_option("--key", m_secretKey, "The office's NAME.sign.secret")
        ->required()
        ->check(CLI::ExistingFile);
    m_sign->add_option("dir", m_dir, "The pack's folder")->required()->check(CLI::ExistingDirectory);
    m_install =
        m_content->add_subcommand("install", "Check the pack in DIR and show it (the previous one is kept)");
    m_install->add_option("dir", m_dir, "The pack's folder")->required()->check(CLI::ExistingDirectory);
    m_rollback = m_content->add_subcommand("rollback", "Show the previous pack again");
    m_status = m_content->add_subcommand("status", "Which packs are installed");
}

bool ContentCommand::parsed() const
{
    return m_content->parsed();
}

int ContentCommand::run(const pack::Place& place, Millis nowUnixMs, std::ostream& out,
                        std::ostream& err) const
{
    try {
        if (m_keygen->parsed()) {
            const auto [pub, sec] = pack::makeSigningKeys(m_keyName);
            out << "wrote " << sec.string() << " (keep it at the office, never on a kiosk) and "
                << pub.string() << " (for [content] trusted_keys in every kiosk.toml)\n";
            return 0;
        }
        if (m_sign->parsed()) {
            const std::string id = pack::sign(m_dir, m_secretKey, nowUnixMs);
            out << "signed pack " << id << ": copy the folder onto a USB stick as " << pack::kStickFolder
                << "/\n";
            return 0;
        }
        pack::PackStore store(place.root);
        if (m_status->parsed()) {
            const auto current = store.current();
            const auto previous = store.previous();
            out << "current: "
                << (current ? current->id + " (signed " + current->created + " UTC)"
                            : "none: the shipped content")
                << "\nprevious: "
                << (previous ? previous->id + " (signed " + previous->created + " UTC)" : "none") << "\n";
            return 0;
        }
        const pack::Outcome outcome = m_install->parsed() ? store.install(m_dir, place.trusted, place.check)
                                                          : store.rollback(place.trusted, place.check);
        (outcome.ok() ? out : err) << (m_rollback->parsed() && outcome.ok()
                                           ? "rolled back to the previous pack"
                                           : describe(outcome))
                                   << (outcome.ok() && m_rollback->parsed() ? " " + outcome.pack.id : "")
                                   << "\n";
        if (outcome.ok())
            out << "a running kiosk shows it after a restart (systemctl restart desa-kiosk)\n";
        return outcome.ok() ? 0 : 1;
    } catch (const std::exception& e) {
        err << "kiosk: error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace kiosk
