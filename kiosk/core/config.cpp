// Reading and checking kiosk.toml.
#include "core/config.hpp"

#include "core/picture_file.hpp"
#include "core/text.hpp"

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

// Every section and key kiosk.toml may have. [contacts] holds sections of its own, checked where
// they are read.
struct Section {
    std::string_view name;
    std::vector<std::string_view> keys;
};
const std::vector<Section>& schema()
{
    static const std::vector<Section> sections = {
        {"kiosk", {"id", "village", "languages", "partners", "logo"}},
        {"idle", {"after_seconds", "prompt_seconds", "attract_cycle_seconds"}},
        {"paths", {"state", "content"}},
        {"content", {"trusted_keys"}},
        {"display", {"open_from", "open_until", "blank_after_minutes"}},
        {"log", {"level"}},
        {"officer",
         {"export_dir", "office_public_key", "allow_plain_export", "retention_days", "usb_mount_roots",
          "idle_minutes", "callback_within_days", "office", "registry_max_age_days"}},
        {"contacts", {}},
    };
    return sections;
}

std::string joined(const std::vector<std::string_view>& words)
{
    std::string out;
    for (const auto w : words)
        out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
}

// A key or section the kiosk does not know is most often a typing mistake ("retention_day"): it is
// named with its line and the keys that section does know, and otherwise ignored.
void reportUnknown(const toml::table& root, const std::filesystem::path& file, Problems& problems)
{
    // toml++ keeps a table's keys sorted by name: the problems are put back in the file's order.
    std::vector<std::pair<std::uint32_t, std::string>> found;
    const auto add = [&](const toml::node& node, std::string text) {
        found.emplace_back(node.source().begin.line, at(file, &node) + std::move(text));
    };
    std::vector<std::string_view> names;
    for (const auto& s : schema())
        names.push_back(s.name);
    for (const auto& [name, node] : root) {
        const std::string_view section = name.str(); // (clang 14 cannot capture a structured binding)
        const auto known = std::find_if(schema().begin(), schema().end(),
                                        [&](const Section& s) { return s.name == section; });
        if (known == schema().end()) {
            add(node, "unknown section [" + std::string(name.str()) + "] (" + joined(names) + ")");
            continue;
        }
        const auto* table = node.as_table();
        if (!table) {
            add(node, std::string(name.str()) + " must be a section: [" + std::string(name.str()) + "]");
            continue;
        }
        if (known->name == "contacts")
            continue;
        for (const auto& [key, value] : *table)
            if (std::find(known->keys.begin(), known->keys.end(), key.str()) == known->keys.end())
                add(value, "unknown key '" + std::string(key.str()) + "' in [" + std::string(name.str()) +
                               "] (" + joined(known->keys) + ")");
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& f : found)
        problems.push_back(std::move(f.second));
}

// "HH:MM" as minutes after midnight.
std::optional<int> readClock(const toml::table& root, const std::string& key,
                             const std::filesystem::path& file, Problems& problems)
{
    const toml::node* node = root.at_path(key).node();
    if (!node)
        return std::nullopt;
    const auto text = node->value<std::string>();
    if (text && text->size() == 5 && (*text)[2] == ':' &&
        std::isdigit(static_cast<unsigned char>((*text)[0])) &&
        std::isdigit(static_cast<unsigned char>((*text)[1])) &&
        std::isdigit(static_cast<unsigned char>((*text)[3])) &&
        std::isdigit(static_cast<unsigned char>((*text)[4]))) {
        const int h = ((*text)[0] - '0') * 10 + ((*text)[1] - '0');
        const int m = ((*text)[3] - '0') * 10 + ((*text)[4] - '0');
        if (h < 24 && m < 60)
            return h * 60 + m;
    }
    problems.push_back(at(file, node) + key + " must be a time of day in quotes, like \"07:30\"");
    return std::nullopt;
}

// A list of full paths in quotes; nothing when missing or wrong (wrong adds a problem).
std::optional<std::vector<std::filesystem::path>>
readPathList(const toml::table& root, const std::string& key, bool mayBeEmpty, const char* example,
             const std::filesystem::path& file, Problems& problems)
{
    const toml::node* node = root.at_path(key).node();
    if (!node)
        return std::nullopt;
    const auto* list = node->as_array();
    if (!list || (!mayBeEmpty && list->empty())) {
        problems.push_back(at(file, node) + key + " must be a list of " + (mayBeEmpty ? "" : "one or more ") +
                           "full paths, like " + example);
        return std::nullopt;
    }
    std::vector<std::filesystem::path> paths;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& item = *list->get(i);
        const auto text = item.value<std::string>();
        if (!text || text->empty() || text->front() != '/') {
            problems.push_back(at(file, &item) + key +
                               ": each entry must be a full path starting with /, like " + example);
            ok = false;
        } else {
            paths.push_back(std::filesystem::path(*text).lexically_normal());
        }
    }
    return ok ? std::optional(std::move(paths)) : std::nullopt;
}

void readSections(const toml::table& root, const std::filesystem::path& file, Config& config,
                  Problems& problems)
{
    if (const toml::node* node = root.at_path("kiosk.languages").node()) {
        const auto* list = node->as_array();
        std::vector<Lang> langs;
        bool ok = list && !list->empty();
        for (std::size_t i = 0; ok && i < list->size(); ++i) {
            const auto code = list->get(i)->value<std::string>();
            const auto lang = code ? langFromCode(*code) : std::nullopt;
            ok = lang && std::find(langs.begin(), langs.end(), *lang) == langs.end();
            if (ok)
                langs.push_back(*lang);
        }
        if (ok)
            config.languages = std::move(langs);
        else
            problems.push_back(at(file, node) +
                               "kiosk.languages must list one or more of \"id\", \"jv\", \"en\", each once, "
                               "like [\"id\", \"jv\", \"en\"]");
    }
    if (auto state = readPath(root, "paths.state", file, problems))
        config.stateDir = std::move(*state);
    if (auto content = readPath(root, "paths.content", file, problems))
        config.contentDir = std::move(*content);
    if (auto keys = readPathList(root, "content.trusted_keys", true,
                                 "[\"/etc/desa-kiosk/kantor.sign.public\"]", file, problems))
        config.trustedContentKeys = std::move(*keys);
    const auto from = readClock(root, "display.open_from", file, problems);
    const auto until = readClock(root, "display.open_until", file, problems);
    if (from)
        config.openFromMinute = *from;
    if (until)
        config.openUntilMinute = *until;
    if (const auto minutes =
            readWhole(root, "display.blank_after_minutes", 1, 240, "minutes", file, problems))
        config.blankAfterMs = *minutes * 60'000;
    if (const toml::node* node = root.at_path("log.level").node()) {
        const auto text = node->value<std::string>();
        const auto level = text ? logLevelFromName(*text) : std::nullopt;
        if (level)
            config.logLevel = *level;
        else
            problems.push_back(at(file, node) +
                               "log.level must be one of \"error\", \"warning\", \"info\", \"debug\"");
    }
}

// Words every font of the kiosk can draw, 1 to `most` characters, on one line.
bool drawableName(const std::string& text, std::size_t most)
{
    const auto points = codePoints(text);
    return !points.empty() && points.size() <= most &&
           std::all_of(points.begin(), points.end(), [](char32_t cp) { return isDrawable(cp); });
}

constexpr std::size_t kOfficeLength = 60;

void readOfficer(const toml::table& root, const std::filesystem::path& file, Config& config,
                 Problems& problems)
{
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
    if (const toml::node* node = root.at_path("officer.allow_plain_export").node()) {
        if (const auto* flag = node->as_boolean()) {
            config.allowPlainExport = flag->get();
        } else {
            config.allowPlainExport = false; // a doubt never lets residents' data out in plain
            problems.push_back(at(file, node) +
                               "officer.allow_plain_export must be true or false, without quotes; "
                               "until it is, copies without an office key are refused");
        }
    }
    if (const auto days = readWhole(root, "officer.retention_days", 1, 365, "days", file, problems))
        config.retentionDays = static_cast<int>(*days);
    if (const auto days = readWhole(root, "officer.callback_within_days", 1, 60, "days", file, problems))
        config.callbackWithinDays = static_cast<int>(*days);
    if (const toml::node* node = root.at_path("officer.office").node()) {
        const auto name = node->value<std::string>();
        if (name && drawableName(*name, kOfficeLength))
            config.office = *name;
        else
            problems.push_back(
                at(file, node) + "officer.office must be the name of the office in quotes, 1 to " +
                std::to_string(kOfficeLength) +
                " letters on one line, like \"Kantor Imigrasi Surakarta\"; until it is, the form names \"" +
                config.office + "\"");
    }
    if (const auto minutes = readWhole(root, "officer.idle_minutes", 1, 30, "minutes", file, problems))
        config.officerIdleMs = *minutes * 60'000;
    if (const auto days = readWhole(root, "officer.registry_max_age_days", 1, 365, "days", file, problems))
        config.registryMaxAgeDays = static_cast<int>(*days);

    if (auto roots = readPathList(root, "officer.usb_mount_roots", false, "[\"/media\", \"/run/media\"]",
                                  file, problems))
        config.usbRoots = std::move(*roots);
}

constexpr std::size_t kMostPartners = 4;
constexpr std::size_t kPartnerLength = 60;

// [kiosk] partners and logo: whose service the attract screen says the kiosk is.
void readService(const toml::table& root, const std::filesystem::path& file, Config& config,
                 Problems& problems)
{
    if (const toml::node* node = root.at_path("kiosk.partners").node()) {
        const auto* list = node->as_array();
        std::vector<std::string> names;
        bool ok = list && list->size() <= kMostPartners;
        for (std::size_t i = 0; ok && i < list->size(); ++i) {
            const auto name = list->get(i)->value<std::string>();
            ok = name && drawableName(*name, kPartnerLength);
            if (ok)
                names.push_back(*name);
            else
                node = list->get(i); // the line of the wrong name
        }
        if (ok)
            config.partners = std::move(names);
        else
            problems.push_back(
                at(file, node) + "kiosk.partners must be a list of at most " + std::to_string(kMostPartners) +
                " names in quotes, each of 1 to " + std::to_string(kPartnerLength) +
                " letters, like [\"Kantor Imigrasi Surakarta\", \"KP2MI\", \"Disnaker Sragen\"]");
    }
    if (const toml::node* node = root.at_path("kiosk.logo").node()) {
        const auto name = node->value<std::string>();
        // "media/logo.png" names the same file as "logo.png": the media folder is the only place.
        const std::string_view given = name ? std::string_view(*name) : std::string_view();
        const std::filesystem::path path(given.substr(given.rfind("media/", 0) == 0 ? 6 : 0));
        const auto inside = std::find(path.begin(), path.end(), "..") == path.end() && path.is_relative();
        if (name && name->empty())
            config.logo.clear();
        else if (name && !path.empty() && inside && drawableName(*name, 200))
            config.logo = path.lexically_normal().generic_string();
        else
            problems.push_back(at(file, node) +
                               "kiosk.logo must be the name of a picture in the media folder, in quotes, "
                               "like \"logo-kantor.png\" (or \"\" for none)");
        config.logoAt = at(file, node);
    }
}

} // namespace

std::string CallbackPromise::fill(std::string text) const
{
    return withValues(std::move(text), {{"{office}", office},
                                        {"{days}", std::to_string(withinDays)},
                                        {"{retention_days}", std::to_string(retentionDays)}});
}

bool Config::openAt(int minuteOfDay) const
{
    if (openFromMinute == openUntilMinute)
        return true;
    if (openFromMinute < openUntilMinute)
        return minuteOfDay >= openFromMinute && minuteOfDay < openUntilMinute;
    return minuteOfDay >= openFromMinute || minuteOfDay < openUntilMinute; // open across midnight
}

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

    reportUnknown(root, file, problems);
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
        static const toml::table none;
        // (By reference: a copy of a table forgets where in the file its values were.)
        for (const auto& [key, entry] : contacts ? *contacts : none) {
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
    readSections(root, file, config, problems);
    readService(root, file, config, problems);
    readOfficer(root, file, config, problems);
    return config;
}

void Config::checkLogo(const std::filesystem::path& mediaDir, Problems& problems)
{
    if (logo.empty())
        return;
    std::error_code ec;
    const std::filesystem::path path = mediaDir / logo;
    if (std::filesystem::is_regular_file(path, ec) && isPictureFile(path))
        return;
    problems.push_back(logoAt + "kiosk.logo: there is no PNG or JPEG picture '" + logo +
                       "' in the media folder " + mediaDir.string() +
                       "; the attract screen shows no logo until the file is there");
    logo.clear();
}

} // namespace kiosk
