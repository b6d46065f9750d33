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

int number(const std::filesystem::path& file, const toml::table& root, const char* key, int low, int high,
           int fallback)
{
    const toml::node* node = root.at_path(std::string("desk.") + key).node();
    if (!node)
        return fallback;
    const auto v = node->value<std::int64_t>();
    if (!node->is_integer() || !v || *v < low || *v > high)
        wrong(file, *node,
              std::string("[desk] ") + key + " must be a whole number from " + std::to_string(low) + " to " +
                  std::to_string(high));
    return static_cast<int>(*v);
}

// "HOST:PORT" with a port from 1 to 65535 (an IPv6 host in brackets).
bool validListen(const std::string& listen)
{
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= listen.size() || listen.size() - colon > 6)
        return false;
    int port = 0;
    for (std::size_t i = colon + 1; i < listen.size(); ++i) {
        if (listen[i] < '0' || listen[i] > '9')
            return false;
        port = port * 10 + (listen[i] - '0');
    }
    return port >= 1 && port <= 65535;
}

void readDesk(const std::filesystem::path& file, const toml::table& root, DeskSettings& desk)
{
    if (const toml::node* n = root.at_path("desk.listen").node()) {
        if (!n->is_string() || !validListen(*n->value<std::string>()))
            wrong(file, *n, "[desk] listen must be \"HOST:PORT\", e.g. \"127.0.0.1:8080\"");
        desk.listen = *n->value<std::string>();
    }
    if (const toml::node* n = root.at_path("desk.behind_proxy").node()) {
        if (!n->is_boolean())
            wrong(file, *n, "[desk] behind_proxy must be true or false");
        desk.behindProxy = *n->value<bool>();
    }
    if (const toml::node* n = root.at_path("desk.upload_dir").node()) {
        if (!n->is_string() || n->value<std::string>()->empty())
            wrong(file, *n, "[desk] upload_dir must be the path of a folder");
        std::filesystem::path dir = *n->value<std::string>();
        desk.uploadDir = dir.is_relative() ? file.parent_path() / dir : dir;
    }
    if (const toml::node* n = root.at_path("desk.office_name").node()) {
        if (!n->is_string() || n->value<std::string>()->empty())
            wrong(file, *n, "[desk] office_name must be the office's name in quotes");
        desk.officeName = *n->value<std::string>();
    }
    desk.targetDays = number(file, root, "target_days", 1, 365, desk.targetDays);
    desk.uploadMaxMb = number(file, root, "upload_max_mb", 1, 4096, desk.uploadMaxMb);
    desk.uploadMaxFiles = number(file, root, "upload_max_files", 1, 100000, desk.uploadMaxFiles);
    desk.sessionIdleMinutes = number(file, root, "session_idle_minutes", 1, 1440, desk.sessionIdleMinutes);
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
    readDesk(file, root, config.desk);
    return config;
}

} // namespace kiosk::office
