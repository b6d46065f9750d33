// Reading and checking kiosk.toml.
#include "core/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>

namespace kiosk {
namespace {

std::string at(const std::filesystem::path& file, const toml::node* node)
{
    const auto line = node ? node->source().begin.line : 0;
    return file.string() + ":" + std::to_string(line) + ": ";
}

// A whole number from lo to hi at `key` ("idle.after_seconds"); nothing when the key is missing, or
// when it is wrong, which adds a problem. true and false are not numbers here, although TOML's
// reader would turn them into 1 and 0.
std::optional<std::int64_t> readWhole(const toml::table& root, const std::string& key, std::int64_t lo,
                                      std::int64_t hi, const char* unit, const std::filesystem::path& file,
                                      Problems& problems)
{
    const toml::node* node = root.at_path(key).node();
    if (!node)
        return std::nullopt;
    const auto value = node->is_boolean() ? std::nullopt : node->value<std::int64_t>();
    if (!value || *value < lo || *value > hi) {
        problems.push_back(at(file, node) + key + " must be a whole number of " + unit + " from " +
                           std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return value;
}

void readSeconds(const toml::table& root, const char* table, const char* key, long lo, long hi, Millis& out,
                 const std::filesystem::path& file, Problems& problems)
{
    if (const auto value = readWhole(root, std::string(table) + "." + key, lo, hi, "seconds", file, problems))
        out = *value * 1000;
}

// A path in quotes at `key`, a relative one taken from the folder of `file` (so the settings can
// travel with their data folder); "" is no path. Nothing when missing or wrong (wrong adds a problem).
std::optional<std::filesystem::path> readPath(const toml::table& root, const std::string& key,
                                              const std::filesystem::path& file, Problems& problems)
{
    const toml::node* node = root.at_path(key).node();
    if (!node)
        return std::nullopt;
    const auto text = node->value<std::string>();
    if (!text || std::any_of(text->begin(), text->end(), [](char c) { return c >= 0 && c < ' '; })) {
        problems.push_back(at(file, node) + key + " must be a path in quotes, like \"/home/kiosk/ekspor\"");
        return std::nullopt;
    }
    if (text->empty())
        return std::filesystem::path();
    // The kiosk reads the path itself, no shell: "~" would become a folder named "~".
    if (text->front() == '~') {
        problems.push_back(at(file, node) + key + " must be written out in full (\"/home/kiosk/...\"): " +
                           "the kiosk does not understand ~");
        return std::nullopt;
    }
    std::filesystem::path path(*text);
    if (path.is_relative())
        path = file.parent_path() / path;
    return path.lexically_normal();
}

void readOfficer(const toml::table& root, const std::filesystem::path& file, Config& config,
                 Problems& problems)
{
    if (const toml::node* node = root.get("officer")) {
        static constexpr std::array<std::string_view, 5> kKeys = {
            "export_dir", "office_public_key", "retention_days", "usb_mount_roots", "idle_minutes"};
        if (const auto* table = node->as_table()) {
            for (const auto& [key, value] : *table)
                if (std::find(kKeys.begin(), kKeys.end(), key.str()) == kKeys.end())
                    problems.push_back(at(file, &value) + "unknown key '" + std::string(key.str()) +
                                       "' in [officer] (export_dir, office_public_key, retention_days, " +
                                       "usb_mount_roots, idle_minutes)");
        } else {
            problems.push_back(at(file, node) + "officer must be a section: [officer]");
        }
    }

    if (auto dir = readPath(root, "officer.export_dir", file, problems))
        config.exportDir = std::move(*dir);
    const std::size_t before = problems.size();
    if (auto key = readPath(root, "officer.office_public_key", file, problems)) {
        // The secret key opens every export: it must never be copied onto a kiosk.
        if (key->extension() == ".secret")
            problems.push_back(
                at(file, root.at_path("officer.office_public_key").node()) +
                "officer.office_public_key names a secret key: the kiosk needs only NAME.public; " +
                "keep NAME.secret at the office and delete it from this machine");
        else
            config.officePublicKey = std::move(*key);
    }
    if (problems.size() > before)
        config.officeKeyProblem = problems.back();
    if (const auto days = readWhole(root, "officer.retention_days", 1, 365, "days", file, problems))
        config.retentionDays = static_cast<int>(*days);
    if (const auto minutes = readWhole(root, "officer.idle_minutes", 1, 30, "minutes", file, problems))
        config.officerIdleMs = *minutes * 60'000;

    if (const toml::node* node = root.at_path("officer.usb_mount_roots").node()) {
        const auto* list = node->as_array();
        std::vector<std::filesystem::path> roots;
        bool ok = list && !list->empty();
        if (!ok)
            problems.push_back(
                at(file, node) +
                "officer.usb_mount_roots must be a list of folders, like [\"/media\", \"/run/media\"]");
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const toml::node& item = *list->get(i);
            const auto text = item.value<std::string>();
            if (!text || text->empty() || text->front() != '/') {
                problems.push_back(
                    at(file, &item) +
                    "officer.usb_mount_roots: each folder must be a full path starting with /, " +
                    "like \"/media\"");
                ok = false;
            } else {
                roots.push_back(std::filesystem::path(*text).lexically_normal());
            }
        }
        if (ok)
            config.usbRoots = std::move(roots);
    }
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
        // Whether it named an office key cannot be known: no export goes out in plain meanwhile.
        config.officeKeyProblem = problems.back();
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
    readOfficer(root, file, config, problems);
    return config;
}

} // namespace kiosk
