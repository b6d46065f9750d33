// Loading the whole content from data/: the words on buttons, checklists, pages, and the checks
// across files (translations, links, pictures, contacts). Every problem is reported with its file
// and line; nothing in the content can make this code throw or the screens draw garbage.
#include "core/content.hpp"

#include "core/checklist_rules.hpp"
#include "core/checklist_words.hpp"
#include "core/content_toml.hpp"
#include "core/page_parser.hpp"
#include "core/picture_file.hpp"
#include "core/text.hpp"
#include "core/ui_keys.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <future>
#include <iterator>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

using parsing::at;

constexpr std::uintmax_t kMaxFileBytes = 256 * 1024;

// The .toml files of `dir`, sorted (none when it is not a folder).
std::vector<fs::path> tomlFiles(const fs::path& dir)
{
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return out;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == ".toml")
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The file read and parsed; a file that cannot be read, is too large or is not TOML is a problem.
std::optional<toml::table> parseFile(const fs::path& path, Problems& errors)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        errors.push_back(at(path.string(), 0) + "cannot read: " + ec.message());
        return std::nullopt;
    }
    if (size > kMaxFileBytes) {
        errors.push_back(at(path.string(), 0) + "file is too large (" + std::to_string(size) + " bytes)");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return parsing::parseToml(text, path.string(), errors);
}

} // namespace

ContentLoad loadContent(const fs::path& dataDir, const fs::path& mediaDir, const LocalContacts& contacts)
{
    ContentLoad load;
    Content& c = load.content;
    const fs::path contentDir = dataDir / "content";

    // Words on buttons: errors in any file; a missing word in jv or en is a warning.
    Problems stringProblems;
    c.strings = Strings::load(contentDir, stringProblems);
    load.errors.insert(load.errors.end(), stringProblems.begin(), stringProblems.end());
    for (Lang lang : {Lang::Jv, Lang::En})
        for (const auto& [key, text] : c.strings.table(kDefaultLang))
            if (!c.strings.has(lang, key))
                load.warnings.push_back((contentDir / std::string(langCode(lang)) / "ui.toml").string() +
                                        ":0: no translation of '" + key + "'");

    // Checklist rules.
    std::set<std::string> unreadableChecklists; // reported already: no follow-on errors about them
    for (const auto& path : tomlFiles(dataDir / "checklists")) {
        const std::string id = path.stem().string();
        if (!parsing::validId(id)) {
            load.errors.push_back(at(path.string(), 0) + "the file name must be an id: a-z, 0-9 and -");
            continue;
        }
        if (auto root = parseFile(path, load.errors)) {
            if (auto rules = parsing::rulesFromTable(*root, path.string(), id, load.errors))
                c.checklists[id] = std::move(*rules);
        } else {
            unreadableChecklists.insert(id);
        }
    }

    // Pages, one language per thread (parsing is most of the time), merged in a fixed order.
    struct LangPages {
        std::vector<Page> pages;
        Problems errors;
        std::set<std::string> unreadable; // ids whose file did not parse: reported already
    };
    std::vector<std::future<LangPages>> jobs;
    for (Lang lang : kAllLangs)
        jobs.push_back(
            std::async(std::launch::async, [dir = contentDir / std::string(langCode(lang)) / "pages"] {
                LangPages out;
                for (const auto& path : tomlFiles(dir)) {
                    const std::string id = path.stem().string();
                    if (!parsing::validId(id)) {
                        out.errors.push_back(at(path.string(), 0) +
                                             "the file name must be an id: a-z, 0-9 and -");
                        continue;
                    }
                    const auto root = parseFile(path, out.errors);
                    if (!root) {
                        out.unreadable.insert(id);
                        continue;
                    }
                    out.pages.push_back(parsing::pageFromTable(*root, path.string(), id, out.errors));
                }
                return out;
            }));
    std::array<std::set<std::string>, 3> unreadable;
    for (Lang lang : kAllLangs) {
        LangPages done = jobs[langIndex(lang)].get();
        load.errors.insert(load.errors.end(), done.errors.begin(), done.errors.end());
        unreadable[langIndex(lang)] = std::move(done.unreadable);
        for (Page& page : done.pages) {
            const std::string id = page.id;
            c.pages[id][langIndex(lang)] = std::move(page);
        }
    }

    auto anyUnreadable = [&](const std::string& page) {
        return std::any_of(unreadable.begin(), unreadable.end(),
                           [&](const auto& set) { return set.count(page) > 0; });
    };

    // Checklist words, per language.
    for (Lang lang : kAllLangs) {
        const fs::path langDir = contentDir / std::string(langCode(lang));
        const bool reference = lang == kDefaultLang;
        for (const auto& path : tomlFiles(langDir / "checklists")) {
            const std::string id = path.stem().string();
            const ChecklistRules* rules = c.checklist(id);
            if (!rules && !unreadableChecklists.count(id))
                load.errors.push_back(at(path.string(), 0) + "there is no checklists/" + id +
                                      ".toml with its rules");
            if (auto root = parseFile(path, load.errors))
                if (auto words = parsing::checklistWordsFromTable(*root, path.string(), rules, reference,
                                                                  load.errors, load.warnings))
                    c.checklistTexts[id][langIndex(lang)] = std::move(*words);
        }
    }

    // Words on buttons: every word the screens use exists in Indonesian; no unknown words; each
    // short enough and drawable.
    const std::set<std::string> used = uiKeys();
    for (Lang lang : kAllLangs) {
        const std::string file = (contentDir / std::string(langCode(lang)) / "ui.toml").string();
        for (const auto& [key, text] : c.strings.table(lang)) {
            const std::string where = at(file, c.strings.line(lang, key));
            if (!used.count(key)) {
                load.errors.push_back(where + "unknown key '" + key + "': the kiosk has no place for it");
                continue;
            }
            const auto cps = codePoints(text);
            if (cps.size() > parsing::kMaxText)
                load.errors.push_back(where + "'" + key + "' is too long for a button or a line");
            if (std::any_of(cps.begin(), cps.end(), [](char32_t ch) { return !parsing::drawable(ch); }))
                load.errors.push_back(where + "'" + key + "' has a character the kiosk cannot show");
            if (text.empty())
                load.errors.push_back(where + "'" + key + "' is empty");
        }
    }
    for (const auto& key : used)
        if (!c.strings.has(kDefaultLang, key))
            load.errors.push_back(at((contentDir / "id" / "ui.toml").string(), 0) + "the word for '" + key +
                                  "' is missing");

    // Across files: every page and checklist in Indonesian; translations; links; pictures; contacts.
    for (const auto& [id, langs] : c.pages) {
        for (Lang lang : kAllLangs) {
            const fs::path file = contentDir / std::string(langCode(lang)) / "pages" / (id + ".toml");
            if (!langs[langIndex(lang)]) {
                if (unreadable[langIndex(lang)].count(id))
                    continue; // its syntax error says enough
                if (lang == kDefaultLang)
                    load.errors.push_back(at(file.string(), 0) +
                                          "missing: every page must exist in Indonesian");
                else if (langs[langIndex(kDefaultLang)])
                    load.warnings.push_back(at(file.string(), 0) + "missing: shown in Indonesian");
                continue;
            }
            std::set<std::string> linkTargets;
            for (const Block& b : langs[langIndex(lang)]->blocks) {
                const std::string where = at(file.string(), b.line);
                if (b.type == BlockType::Link) {
                    if (!b.page.empty() && !c.pages.count(b.page) && !anyUnreadable(b.page))
                        load.errors.push_back(where + "links to the page '" + b.page +
                                              "', which does not exist");
                    if (!b.checklist.empty() && !c.checklists.count(b.checklist) &&
                        !unreadableChecklists.count(b.checklist))
                        load.errors.push_back(where + "links to the checklist '" + b.checklist +
                                              "', which does not exist");
                    const std::string target = b.page.empty() ? "checklist " + b.checklist : "page " + b.page;
                    if (!linkTargets.insert(target).second)
                        load.errors.push_back(where + "a second button to the " + target +
                                              " on this page: one is enough");
                }
                if (b.type == BlockType::Image && !b.file.empty()) {
                    std::error_code ec;
                    if (b.file.find("..") != std::string::npos || b.file.front() == '/' ||
                        !fs::is_regular_file(mediaDir / b.file, ec))
                        load.errors.push_back(where + "the picture '" + b.file + "' is not in " +
                                              mediaDir.string());
                    else if (!isPictureFile(mediaDir / b.file))
                        load.errors.push_back(where + "'" + b.file + "' is not a PNG or JPEG picture");
                }
                if (b.type == BlockType::Contact && !b.local.empty() && !contacts.count(b.local))
                    load.errors.push_back(where + "the local contact '" + b.local +
                                          "' is not in kiosk.toml [contacts]");
            }
        }
    }
    for (const auto& [id, rules] : c.checklists) {
        const auto it = c.checklistTexts.find(id);
        for (Lang lang : kAllLangs) {
            if (it != c.checklistTexts.end() && it->second[langIndex(lang)])
                continue;
            const fs::path file = contentDir / std::string(langCode(lang)) / "checklists" / (id + ".toml");
            (lang == kDefaultLang ? load.errors : load.warnings)
                .push_back(at(file.string(), 0) +
                           (lang == kDefaultLang ? "missing: every checklist needs its words in Indonesian"
                                                 : "missing: shown in Indonesian"));
        }
    }
    // The home screen's tiles open these pages.
    for (const char* id : {"trafficking", "work-abroad", "passport", "hotlines"})
        if (!c.pages.count(id))
            load.errors.push_back(
                at((contentDir / "id" / "pages" / (std::string(id) + ".toml")).string(), 0) +
                "missing: the home screen opens this page");
    return load;
}

} // namespace kiosk
