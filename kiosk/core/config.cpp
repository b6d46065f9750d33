// Reading and checking kiosk.toml.
#include "core/config.hpp"

#include <toml++/toml.h>

#include <cctype>

namespace kiosk {
namespace {

std::string at(const std::filesystem::path& file, const toml::node* node)
{
    const auto line = node ? node->source().begin.line : 0;
    return file.string() + ":" + std::to_string(line) + ": ";
}

void readSeconds(const toml::table& root, const char* table, const char* key, long lo, long hi, Millis& out,
                 const std::filesystem::path& file, Problems& problems)
{
    const toml::node* node = root.at_path(std::string(table) + "." + key).node();
    if (!node)
        return;
    const auto value = node->value<std::int64_t>();
    if (!value || *value < lo || *value > hi) {
        problems.push_back(at(file, node) + table + "." + key + " must be a whole number of seconds from " +
                           std::to_string(lo) + " to " + std::to_string(hi));
        return;
    }
    out = *value * 1000;
}

} // namespace

Config Config::load(const std::filesystem::path& file, Problems& problems)
{
    Config config;
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& err) {
        problems.push_back(file.string() + ":" + std::to_string(err.source().begin.line) + ": " +
                           std::string(err.description()));
        return config;
    }

    if (const toml::node* node = root.at_path("kiosk.id").node()) {
        const auto id = node->value<std::string>();
        bool ok = id && id->size() >= 2 && id->size() <= 8;
        if (ok)
            for (char c : *id)
                ok = ok && std::isupper(static_cast<unsigned char>(c));
        if (ok)
            config.kioskId = *id;
        else
            problems.push_back(at(file, node) + "kiosk.id must be 2 to 8 capital letters, like \"CMG\"");
    } else {
        problems.push_back(at(file, nullptr) + "kiosk.id is missing");
    }
    if (const toml::node* node = root.at_path("kiosk.village").node()) {
        const auto village = node->value<std::string>();
        if (village && !village->empty() && village->size() <= 80)
            config.village = *village;
        else
            problems.push_back(at(file, node) + "kiosk.village must be text of 1 to 80 characters");
    }
    readSeconds(root, "idle", "after_seconds", 20, 3600, config.idleAfterMs, file, problems);
    readSeconds(root, "idle", "prompt_seconds", 5, 120, config.idlePromptMs, file, problems);
    readSeconds(root, "idle", "attract_cycle_seconds", 2, 60, config.attractCycleMs, file, problems);

    if (const toml::node* node = root.get("contacts")) {
        const auto* contacts = node->as_table();
        if (!contacts)
            problems.push_back(at(file, node) + "contacts must be [contacts.<key>] sections");
        for (const auto& [key, entry] : contacts ? *contacts : toml::table{}) {
            const auto* t = entry.as_table();
            if (!t) {
                problems.push_back(at(file, &entry) + "contacts." + std::string(key.str()) +
                                   " must be a section");
                continue;
            }
            LocalContact c;
            for (const auto& [field, value] : *t) {
                const auto text = value.value<std::string>();
                std::string* target = field == "number"     ? &c.number
                                      : field == "whatsapp" ? &c.whatsapp
                                      : field == "hours"    ? &c.hours
                                      : field == "address"  ? &c.address
                                                            : nullptr;
                if (!target)
                    problems.push_back(at(file, &value) + "unknown key '" + std::string(field.str()) +
                                       "' (number, whatsapp, hours, address)");
                else if (!text || text->size() > 120)
                    problems.push_back(at(file, &value) + "contacts." + std::string(key.str()) + "." +
                                       std::string(field.str()) + " must be text of at most 120 characters");
                else
                    *target = *text;
            }
            for (const std::string* n : {&c.number, &c.whatsapp})
                if (n->find_first_not_of("0123456789+- ()") != std::string::npos) {
                    problems.push_back(at(file, t) + "contacts." + std::string(key.str()) +
                                       ": a number may only have digits, spaces, + and -");
                    n == &c.number ? c.number.clear() : c.whatsapp.clear();
                }
            config.contacts[std::string(key.str())] = std::move(c);
        }
    }
    return config;
}

} // namespace kiosk
