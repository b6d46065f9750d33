// Reading office.toml with toml++.
#include "ledger/config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <stdexcept>

namespace kiosk::office {

namespace {

[[noreturn]] void wrong(const std::filesystem::path& file, const toml::node& node, const std::string& what)
{
    throw std::runtime_error(file.string() + ":" + std::to_string(node.source().begin.line) + ": " + what);
}

int days(const std::filesystem::path& file, const toml::table& root, const char* table, const char* key,
         int fallback)
{
    const toml::node* node = root.at_path(std::string(table) + "." + key).node();
    if (!node)
        return fallback;
    const auto v = node->value<std::int64_t>();
    if (!v || *v < 1 || *v > 3650)
        wrong(file, *node,
              std::string("[") + table + "] " + key + " must be a number of days from 1 to 3650");
    return static_cast<int>(*v);
}

} // namespace

std::filesystem::path defaultConfigFile()
{
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "desa-office" / "office.toml";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "desa-office" / "office.toml";
    return "office.toml";
}

OfficeConfig loadOfficeConfig(const std::filesystem::path& file)
{
    OfficeConfig config;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return config;
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    if (const toml::node* n = root.at_path("office.database").node()) {
        if (!n->is_string())
            wrong(file, *n, "[office] database must be text: \"sqlite:PATH\" or \"postgresql://…\"");
        config.database = *n->value<std::string>();
    }
    if (const toml::node* n = root.at_path("office.secret_key").node()) {
        if (!n->is_string())
            wrong(file, *n, "[office] secret_key must be the path of the office's NAME.secret");
        std::filesystem::path key = *n->value<std::string>();
        config.secretKey = key.is_relative() && !key.empty() ? file.parent_path() / key : key;
    }
    if (const toml::node* n = root.at_path("status.signing_key").node()) {
        if (!n->is_string() || n->value<std::string>()->empty())
            wrong(file, *n,
                  "[status] signing_key must be the path of the office's NAME.sign.secret (kiosk content "
                  "keygen)");
        std::filesystem::path key = *n->value<std::string>();
        config.signingKey = key.is_relative() ? file.parent_path() / key : key;
    }
    if (const toml::node* n = root.at_path("office.partners").node()) {
        const toml::array* list = n->as_array();
        if (!list)
            wrong(file, *n, "[office] partners must be a list of names");
        for (const toml::node& p : *list) {
            if (!p.is_string() || p.value<std::string>()->empty())
                wrong(file, p, "[office] partners: each partner is a name in quotes");
            config.partners.push_back(*p.value<std::string>());
        }
    }
    if (const toml::node* n = root.at_path("villages").node()) {
        const toml::table* t = n->as_table();
        if (!t)
            wrong(file, *n, "[villages] must be a table: KIOSK-ID = \"village\"");
        for (const auto& [kiosk, village] : *t) {
            if (!village.is_string())
                wrong(file, village,
                      "[villages] " + std::string(kiosk.str()) + " must be the village's name in quotes");
            config.villages[std::string(kiosk.str())] = *village.value<std::string>();
        }
    }
    config.silentAfterDays = days(file, root, "kiosks", "silent_after_days", config.silentAfterDays);
    config.retentionDays = days(file, root, "retention", "days_after_done", config.retentionDays);
    return config;
}

} // namespace kiosk::office
