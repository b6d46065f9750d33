// Loading the whole content from data/: the words on buttons, checklists, pages, and the checks
// across files (translations, links, pictures, contacts). Every problem is reported with its file
// and line; nothing in the content can make this code throw or the screens draw garbage.
#include "core/content.hpp"

#include "core/checklist_rules.hpp"
#include "core/checklist_words.hpp"
#include "core/content_toml.hpp"
#include "core/glossary.hpp"
#include "core/navigation.hpp"
#include "core/page_parser.hpp"
#include "core/picture_file.hpp"
#include "core/takehome.hpp"
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
// The registry's list: 50,000 companies at about 200 bytes each, with room to spare.
constexpr std::uintmax_t kMaxRegistryBytes = 32 * 1024 * 1024;

// The end of a problem with a text to take home.
std::string tooLong(std::size_t bytes)
{
    return "is " + std::to_string(bytes) + " bytes; a QR code a phone reads from the screen holds at most " +
           std::to_string(kTakeHomeMaxBytes);
}

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

// The file's text; empty when it cannot be read.
std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
    return parsing::parseToml(readText(path), path.string(), errors);
}

// The pages of one language's folder; read on a thread of their own.
struct LangPages {
    std::vector<Page> pages;
    Problems errors;
    Problems warnings;                // words the glossary keeps off the screen (Basa Jawa only)
    std::set<std::string> unreadable; // ids whose file did not parse: reported already
};

// `glossary`: the words to look for in the pages' texts; nullptr: none (not Basa Jawa).
LangPages readPages(const fs::path& dir, const Glossary* glossary)
{
    LangPages out;
    for (const auto& path : tomlFiles(dir)) {
        const std::string id = path.stem().string();
        if (!parsing::validId(id)) {
            out.errors.push_back(at(path.string(), 0) + "the file name must be an id: a-z, 0-9 and -");
            continue;
        }
        const auto root = parseFile(path, out.errors);
        if (!root) {
            out.unreadable.insert(id);
            continue;
        }
        out.pages.push_back(parsing::pageFromTable(*root, path.string(), id, out.errors));
        if (glossary)
            checkGlossary(*glossary, *root, path.string(), out.warnings);
    }
    return out;
}

// loadContent, one step at a time. The steps run in the order of run(), which is the order of
// the problems they report.
class ContentLoader {
public:
    ContentLoader(const fs::path& dataDir, const fs::path& mediaDir, const LocalContacts& contacts)
        : m_dataDir(dataDir), m_contentDir(dataDir / "content"), m_mediaDir(mediaDir), m_contacts(contacts)
    {
    }

    ContentLoad run()
    {
        loadGlossary();
        loadStrings();
        loadSources();
        loadRegistry();
        loadChecklistRules();
        loadPages();
        loadChecklistWords();
        checkStrings();
        checkPages();
        checkChecklistWords();
        checkHomePages();
        checkTakeHome();
        checkSources();
        return std::move(m_load);
    }

private:
    [[nodiscard]] fs::path langDir(Lang lang) const { return m_contentDir / std::string(langCode(lang)); }
    [[nodiscard]] bool pageUnreadable(const std::string& page) const
    {
        return std::any_of(m_unreadablePages.begin(), m_unreadablePages.end(),
                           [&](const auto& set) { return set.count(page) > 0; });
    }

    void loadGlossary();
    void loadStrings();
    void loadSources();
    void loadRegistry();
    void loadChecklistRules();
    void loadPages();
    void loadChecklistWords();
    void checkStrings();
    void checkPages();
    void checkBlock(const Block& b, const std::string& file, std::set<std::string>& linkTargets);
    void checkChecklistWords();
    void checkHomePages();
    void checkTakeHome();
    void checkChecklistTakeHome(const ChecklistRules& rules, Lang lang, const ChecklistText& words);
    void checkSources();
    void checkCited(const std::vector<std::string>& ids, const std::string& file, std::size_t line);
    void checkNumbers(const std::set<std::string>& figures, const std::string& cited, const char* whose,
                      const std::string& text, const std::string& file, std::size_t line);
    void checkPageNumbers(const Page& page, const std::string& file);
    void checkChecklistNumbers(const ChecklistText& words, const ChecklistRules* rules,
                               const std::string& file);

    fs::path m_dataDir;
    fs::path m_contentDir;
    fs::path m_mediaDir;
    const LocalContacts& m_contacts;
    ContentLoad m_load;
    Content& m_content = m_load.content;
    Glossary m_glossary; // Basa Jawa's, from README.md; empty: the Javanese is not checked against it
    // Files whose syntax errors were reported already: no follow-on errors about them.
    std::set<std::string> m_unreadableChecklists;
    std::array<std::set<std::string>, 3> m_unreadablePages; // by language
    bool m_sourcesRead = false;                             // sources.toml was there and parsed
    std::set<std::string> m_cited;                          // source ids some page or checklist cites
};

// The Basa Jawa glossary in the data folder's README.md, which office staff read too. A folder
// without it (a content pack holds only content/, checklists/ and media/) is not checked against it.
void ContentLoader::loadGlossary()
{
    const fs::path readme = m_dataDir / "README.md";
    std::error_code ec;
    if (fs::is_regular_file(readme, ec))
        m_glossary = parseGlossary(readText(readme), readme.string(), m_load.warnings);
}

// Words on buttons: errors in any file; a missing word in jv or en is a warning, as is a Javanese
// word the glossary keeps off the screen.
void ContentLoader::loadStrings()
{
    Problems stringProblems;
    m_content.strings = Strings::load(m_contentDir, stringProblems);
    m_load.errors.insert(m_load.errors.end(), stringProblems.begin(), stringProblems.end());
    if (!m_glossary.empty()) {
        const fs::path jv = langDir(Lang::Jv) / "ui.toml";
        Problems reported; // by Strings::load already
        if (const auto root = parsing::parseToml(readText(jv), jv.string(), reported))
            checkGlossary(m_glossary, *root, jv.string(), m_load.warnings);
    }
    for (Lang lang : {Lang::Jv, Lang::En})
        for (const auto& [key, text] : m_content.strings.table(kDefaultLang))
            if (!m_content.strings.has(lang, key))
                m_load.warnings.push_back((langDir(lang) / "ui.toml").string() + ":0: no translation of '" +
                                          key + "'");
}

// data/sources.toml: where the facts come from, each source once.
void ContentLoader::loadSources()
{
    const fs::path path = m_dataDir / "sources.toml";
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        m_load.errors.push_back(at(path.string(), 0) +
                                "missing: pages and checklists cite their sources from this file");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (text.size() > kMaxFileBytes) {
        m_load.errors.push_back(at(path.string(), 0) + "file is too large (" + std::to_string(text.size()) +
                                " bytes)");
        return;
    }
    const std::size_t before = m_load.errors.size();
    m_content.sources = parseSources(text, path.string(), m_load.errors);
    m_sourcesRead = m_load.errors.size() == before || !m_content.sources.empty();
}

// data/registry/: the list of licensed placement companies (p3mi.csv) and where it came from
// (p3mi.toml). Content without the folder has no list, which the screens say; with it, both files.
void ContentLoader::loadRegistry()
{
    const fs::path dir = m_dataDir / "registry";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return;
    Registry& registry = m_content.registry;
    registry.present = true;
    const fs::path info = dir / "p3mi.toml";
    const fs::path list = dir / "p3mi.csv";
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path() != info && entry.path() != list)
            m_load.warnings.push_back(at(entry.path().string(), 0) +
                                      "not read: the registry is p3mi.csv and p3mi.toml only");
    if (!fs::is_regular_file(info, ec))
        m_load.errors.push_back(at(info.string(), 0) +
                                "missing: where the list came from and when it was taken");
    else if (auto read = parseRegistryInfo(readText(info), info.string(), m_load.errors))
        registry.info = std::move(*read);
    if (!fs::is_regular_file(list, ec)) {
        m_load.errors.push_back(at(list.string(), 0) +
                                "missing: the companies (its header line alone when none)");
        return;
    }
    const auto size = fs::file_size(list, ec);
    if (ec || size > kMaxRegistryBytes) {
        m_load.errors.push_back(
            at(list.string(), 0) +
            (ec ? "cannot read: " + ec.message() : "file is too large (" + std::to_string(size) + " bytes)"));
        return;
    }
    registry.companies = parseRegistryCsv(readText(list), list.string(), m_load.errors);
    m_content.registryIndex = RegistryIndex(registry.companies);
    if (!registry.companies.empty() && registry.info.taken.empty() && fs::is_regular_file(info, ec))
        m_load.errors.push_back(at(info.string(), 1) +
                                "needs 'taken': the date the list of companies was taken (YYYY-MM-DD)");
}

void ContentLoader::loadChecklistRules()
{
    for (const auto& path : tomlFiles(m_dataDir / "checklists")) {
        const std::string id = path.stem().string();
        if (!parsing::validId(id)) {
            m_load.errors.push_back(at(path.string(), 0) + "the file name must be an id: a-z, 0-9 and -");
            continue;
        }
        if (auto root = parseFile(path, m_load.errors)) {
            if (auto rules = parsing::rulesFromTable(*root, path.string(), id, m_load.errors))
                m_content.checklists[id] = std::move(*rules);
        } else {
            m_unreadableChecklists.insert(id);
        }
    }
}

// One language per thread (parsing is most of the time), merged in a fixed order.
void ContentLoader::loadPages()
{
    std::vector<std::future<LangPages>> jobs;
    for (Lang lang : kAllLangs)
        jobs.push_back(std::async(std::launch::async, readPages, langDir(lang) / "pages",
                                  lang == Lang::Jv && !m_glossary.empty() ? &m_glossary : nullptr));
    for (Lang lang : kAllLangs) {
        LangPages done = jobs[langIndex(lang)].get();
        m_load.errors.insert(m_load.errors.end(), done.errors.begin(), done.errors.end());
        m_load.warnings.insert(m_load.warnings.end(), done.warnings.begin(), done.warnings.end());
        m_unreadablePages[langIndex(lang)] = std::move(done.unreadable);
        for (Page& page : done.pages) {
            const std::string id = page.id;
            m_content.pages[id][langIndex(lang)] = std::move(page);
        }
    }
}

void ContentLoader::loadChecklistWords()
{
    for (Lang lang : kAllLangs) {
        const bool reference = lang == kDefaultLang;
        for (const auto& path : tomlFiles(langDir(lang) / "checklists")) {
            const std::string id = path.stem().string();
            const ChecklistRules* rules = m_content.checklist(id);
            if (!rules && !m_unreadableChecklists.count(id))
                m_load.errors.push_back(at(path.string(), 0) + "there is no checklists/" + id +
                                        ".toml with its rules");
            if (auto root = parseFile(path, m_load.errors)) {
                if (auto words = parsing::checklistWordsFromTable(*root, path.string(), rules, reference,
                                                                  m_load.errors, m_load.warnings))
                    m_content.checklistTexts[id][langIndex(lang)] = std::move(*words);
                if (lang == Lang::Jv)
                    checkGlossary(m_glossary, *root, path.string(), m_load.warnings);
            }
        }
    }
}

// Words on buttons: every word the screens use exists in Indonesian; no unknown words; each short
// enough and drawable.
void ContentLoader::checkStrings()
{
    const std::set<std::string> used = uiKeys();
    for (Lang lang : kAllLangs) {
        const std::string file = (langDir(lang) / "ui.toml").string();
        for (const auto& [key, text] : m_content.strings.table(lang)) {
            const std::string where = at(file, m_content.strings.line(lang, key));
            if (!used.count(key)) {
                m_load.errors.push_back(where + "unknown key '" + key + "': the kiosk has no place for it");
                continue;
            }
            const auto cps = codePoints(text);
            if (cps.size() > parsing::kMaxText)
                m_load.errors.push_back(where + "'" + key + "' is too long for a button or a line");
            if (std::any_of(cps.begin(), cps.end(), [](char32_t ch) { return !parsing::drawable(ch); }))
                m_load.errors.push_back(where + "'" + key + "' has a character the kiosk cannot show");
            if (text.empty())
                m_load.errors.push_back(where + "'" + key + "' is empty");
            // The resident consents to what this sentence says happens to the request (UU 27/2022).
            if (key == "form.consent.text" && (text.find("{office}") == std::string::npos ||
                                               text.find("{retention_days}") == std::string::npos))
                m_load.errors.push_back(where + "'" + key +
                                        "' must name the office that receives the request ({office}) and "
                                        "the days after its collection when the kiosk deletes it "
                                        "({retention_days}), from kiosk.toml's [officer]");
        }
    }
    for (const auto& key : used)
        if (!m_content.strings.has(kDefaultLang, key))
            m_load.errors.push_back(at((m_contentDir / "id" / "ui.toml").string(), 0) + "the word for '" +
                                    key + "' is missing");
}

// Every page in Indonesian, its translations, and what its blocks point to.
void ContentLoader::checkPages()
{
    for (const auto& [id, langs] : m_content.pages) {
        for (Lang lang : kAllLangs) {
            const fs::path file = langDir(lang) / "pages" / (id + ".toml");
            if (!langs[langIndex(lang)]) {
                if (m_unreadablePages[langIndex(lang)].count(id))
                    continue; // its syntax error says enough
                if (lang == kDefaultLang)
                    m_load.errors.push_back(at(file.string(), 0) +
                                            "missing: every page must exist in Indonesian");
                else if (langs[langIndex(kDefaultLang)])
                    m_load.warnings.push_back(at(file.string(), 0) + "missing: shown in Indonesian");
                continue;
            }
            std::set<std::string> linkTargets;
            for (const Block& b : langs[langIndex(lang)]->blocks)
                checkBlock(b, file.string(), linkTargets);
        }
    }
}

// A link goes to a page or checklist that exists, once per page; a picture is a PNG or JPEG in the
// media folder; a local contact is one of kiosk.toml's.
void ContentLoader::checkBlock(const Block& b, const std::string& file, std::set<std::string>& linkTargets)
{
    const std::string where = at(file, b.line);
    if (b.type == BlockType::Link) {
        if (!b.page.empty() && !m_content.pages.count(b.page) && !pageUnreadable(b.page))
            m_load.errors.push_back(where + "links to the page '" + b.page + "', which does not exist");
        if (!b.checklist.empty() && !m_content.checklists.count(b.checklist) &&
            !m_unreadableChecklists.count(b.checklist))
            m_load.errors.push_back(where + "links to the checklist '" + b.checklist +
                                    "', which does not exist");
        const std::string target = !b.page.empty()        ? "page " + b.page
                                   : !b.checklist.empty() ? "checklist " + b.checklist
                                                          : "screen " + b.screen;
        if (!linkTargets.insert(target).second)
            m_load.errors.push_back(where + "a second button to the " + target +
                                    " on this page: one is enough");
    }
    if (b.type == BlockType::Image && !b.file.empty()) {
        std::error_code ec;
        if (b.file.find("..") != std::string::npos || b.file.front() == '/' ||
            !fs::is_regular_file(m_mediaDir / b.file, ec))
            m_load.errors.push_back(where + "the picture '" + b.file + "' is not in " + m_mediaDir.string());
        else if (!isPictureFile(m_mediaDir / b.file))
            m_load.errors.push_back(where + "'" + b.file + "' is not a PNG or JPEG picture");
    }
    if (b.type == BlockType::Contact && !b.local.empty() && b.number.empty() && !m_contacts.count(b.local))
        m_load.errors.push_back(where + "the local contact '" + b.local +
                                "' is not in kiosk.toml [contacts]");
}

// Every checklist has its words in Indonesian, and in the other languages (or a warning).
void ContentLoader::checkChecklistWords()
{
    for (const auto& [id, rules] : m_content.checklists) {
        const auto it = m_content.checklistTexts.find(id);
        for (Lang lang : kAllLangs) {
            if (it != m_content.checklistTexts.end() && it->second[langIndex(lang)])
                continue;
            const fs::path file = langDir(lang) / "checklists" / (id + ".toml");
            (lang == kDefaultLang ? m_load.errors : m_load.warnings)
                .push_back(at(file.string(), 0) +
                           (lang == kDefaultLang ? "missing: every checklist needs its words in Indonesian"
                                                 : "missing: shown in Indonesian"));
        }
    }
}

// The home screen's tiles open these pages: every topic's that is a page.
void ContentLoader::checkHomePages()
{
    for (const Topic topic : kAllTopics) {
        const Route route = Route::forTopic(topic);
        if (route.kind != ScreenKind::Page)
            continue;
        const std::string& id = route.id;
        if (!m_content.pages.count(id))
            m_load.errors.push_back(
                at((m_contentDir / "id" / "pages" / (std::string(id) + ".toml")).string(), 0) +
                "missing: the home screen opens this page");
    }
}

// What a resident takes home fits in a QR code a phone reads from the screen: every page with this
// kiosk's local numbers, every checklist result.
void ContentLoader::checkTakeHome()
{
    for (const auto& [id, langs] : m_content.pages)
        for (Lang lang : kAllLangs) {
            const auto& page = langs[langIndex(lang)];
            if (!page)
                continue;
            const std::string text = pageTakeHome(*page, m_content, lang, m_contacts);
            if (text.size() > kTakeHomeMaxBytes)
                m_load.errors.push_back(
                    at((langDir(lang) / "pages" / (id + ".toml")).string(), page->takehomeLine) +
                    "the text to take home (title, 'takehome', numbers, sources and date) " +
                    tooLong(text.size()) + ": shorten 'takehome' or the sources' 'short' names");
        }
    // A sign checklist has nothing to take home: what to prepare is a document checklist's.
    for (const auto& [id, texts] : m_content.checklistTexts)
        if (const ChecklistRules* rules = m_content.checklist(id);
            rules && rules->kind == ChecklistKind::Documents)
            for (Lang lang : kAllLangs)
                if (texts[langIndex(lang)])
                    checkChecklistTakeHome(*rules, lang, *texts[langIndex(lang)]);
}

// Every complete set of answers, with nothing ticked, everything ticked, and all but the optional ones.
void ContentLoader::checkChecklistTakeHome(const ChecklistRules& rules, Lang lang, const ChecklistText& words)
{
    for (const Answers& answers : everyAnswerSet(rules)) {
        std::set<std::string> all, needed;
        for (const auto* d : rules.documentsFor(answers)) {
            all.insert(d->id);
            if (!d->optional)
                needed.insert(d->id);
        }
        std::size_t longest = 0;
        for (const std::set<std::string>& have : {std::set<std::string>{}, needed, all})
            longest =
                std::max(longest, checklistTakeHome(rules, words, answers, have, m_content, lang).size());
        if (longest <= kTakeHomeMaxBytes)
            continue;
        std::string which;
        for (const auto& [q, a] : answers)
            which += (which.empty() ? "" : ", ") + q + " = " + a;
        m_load.errors.push_back(at((langDir(lang) / "checklists" / (rules.id + ".toml")).string(), 0) +
                                "the result to take home for " + which + " " + tooLong(longest) +
                                ": shorten the documents or fees");
        return; // one is enough to say what to shorten
    }
}

// Every cited source is in sources.toml; every number a page or checklist states is supported by
// one of its sources or is one of kiosk.toml's; a source nobody cites is a warning.
void ContentLoader::checkSources()
{
    for (const auto& [id, langs] : m_content.pages)
        for (Lang lang : kAllLangs)
            if (const auto& page = langs[langIndex(lang)]) {
                const std::string file = (langDir(lang) / "pages" / (id + ".toml")).string();
                checkCited(page->sources, file, page->sourcesLine);
                for (const Block& b : page->blocks)
                    if (b.type == BlockType::Contact && !b.source.empty())
                        checkCited({b.source}, file, b.line);
                if (m_sourcesRead && !page->sources.empty()) // else "needs 'sources'" says enough
                    checkPageNumbers(*page, file);
            }
    for (const auto& [id, rules] : m_content.checklists) {
        const std::string file = (m_dataDir / "checklists" / (id + ".toml")).string();
        for (const auto& sign : rules.signs)
            checkCited(sign.sources, file, sign.line);
    }
    for (const auto& [id, texts] : m_content.checklistTexts)
        for (Lang lang : kAllLangs)
            if (const auto& words = texts[langIndex(lang)]) {
                const std::string file = (langDir(lang) / "checklists" / (id + ".toml")).string();
                const auto line = words->lines.find("sources");
                checkCited(words->sources, file, line == words->lines.end() ? 0 : line->second);
                if (m_sourcesRead && !words->sources.empty())
                    checkChecklistNumbers(*words, m_content.checklist(id), file);
            }
    if (!m_sourcesRead)
        return;
    const std::string file = (m_dataDir / "sources.toml").string();
    for (const auto& [id, source] : m_content.sources)
        if (!m_cited.count(id))
            m_load.warnings.push_back(at(file, source.line) + "the source '" + id +
                                      "' is cited by no page or checklist");
}

void ContentLoader::checkCited(const std::vector<std::string>& ids, const std::string& file, std::size_t line)
{
    for (const std::string& id : ids) {
        m_cited.insert(id);
        if (m_sourcesRead && !m_content.sources.count(id))
            m_load.errors.push_back(at(file, line) + "the source '" + id + "' is not in sources.toml");
    }
}

void ContentLoader::checkNumbers(const std::set<std::string>& figures, const std::string& cited,
                                 const char* whose, const std::string& text, const std::string& file,
                                 std::size_t line)
{
    for (const StatedNumber& n : statedNumbers(text))
        if (!figures.count(n.value))
            m_load.errors.push_back(at(file, line) + "the number '" + n.text +
                                    "' is not among the figures of " + whose + " sources (" + cited +
                                    "): add it to the source's supports in sources.toml, or take it out");
}

namespace {

// The figures of the `cited` sources (what they support, and their own date: "Nomor per 4 April
// 2024" states the date of the source it comes from) and the numbers kiosk.toml fills in (its
// contacts' numbers, WhatsApp and hours), with the cited ids for messages.
std::pair<std::set<std::string>, std::string> figuresFor(const std::vector<const Source*>& cited,
                                                         const LocalContacts& contacts)
{
    std::set<std::string> figures;
    std::string names;
    for (const Source* s : cited) {
        const auto more = figuresOf(s->supports);
        figures.insert(more.begin(), more.end());
        // "2024-04-04": the year and the day as a text writes them (2024, 4).
        if (s->date.size() >= 4)
            figures.insert(s->date.substr(0, 4));
        if (s->date.size() == 10)
            figures.insert(std::to_string(std::stoi(s->date.substr(8, 2))));
        names += (names.empty() ? "" : ", ") + s->id;
    }
    for (const auto& [key, c] : contacts) {
        const auto more = figuresOf({c.number, c.whatsapp, c.hours});
        figures.insert(more.begin(), more.end());
    }
    return {figures, names.empty() ? "none cited" : names};
}

} // namespace

void ContentLoader::checkPageNumbers(const Page& page, const std::string& file)
{
    // Named references, not a structured binding: the lambda below captures them (C++20 and
    // clang 14 do not let a lambda capture a structured binding).
    const auto known = figuresFor(m_content.citedBy(page), m_contacts);
    const std::set<std::string>& figures = known.first;
    const std::string& cited = known.second;
    const auto check = [&](const std::string& text, std::size_t line) {
        checkNumbers(figures, cited, "this page's", text, file, line);
    };
    check(page.title, page.titleLine);
    check(page.takehome, page.takehomeLine);
    for (const Block& b : page.blocks) {
        for (const std::string* t :
             {&b.text, &b.title, &b.name, &b.number, &b.whatsapp, &b.hours, &b.purpose, &b.caption, &b.label})
            check(*t, b.line);
        for (const std::string& item : b.items)
            check(item, b.line);
    }
}

void ContentLoader::checkChecklistNumbers(const ChecklistText& words, const ChecklistRules* rules,
                                          const std::string& file)
{
    const auto known = figuresFor(m_content.citedBy(words), m_contacts);
    const std::set<std::string>& figures = known.first;
    const std::string& cited = known.second;
    const auto lineOf = [&](const std::string& where) {
        const auto it = words.lines.find(where);
        return it == words.lines.end() ? std::size_t{0} : it->second;
    };
    const auto check = [&](const std::string& text, const std::string& where) {
        checkNumbers(figures, cited, "this checklist's", text, file, lineOf(where));
    };
    check(words.title, "title");
    for (const auto& [id, q] : words.questions) {
        check(q.text, "questions." + id);
        check(q.note, "questions." + id);
        for (const auto& [a, label] : q.answers)
            check(label, "questions." + id);
    }
    for (const std::string& step : words.steps)
        check(step, "steps");
    // A sign's words may also state what its own sources support.
    for (const auto& [id, sign] : words.signs) {
        std::vector<const Source*> sources = m_content.citedBy(words);
        if (rules)
            for (const auto& item : rules->signs)
                if (item.id == id)
                    for (const Source* s : m_content.citedBy(item))
                        sources.push_back(s);
        const auto own = figuresFor(sources, m_contacts);
        for (const std::string* t : {&sign.name, &sign.why})
            checkNumbers(own.first, own.second, "this sign's", *t, file, lineOf("signs." + id));
    }
    for (const auto& [id, d] : words.documents)
        for (const std::string* t : {&d.name, &d.explain, &d.where})
            check(*t, "documents." + id);
    for (const auto& [id, text] : words.fees)
        check(text, "fees." + id);
    for (const auto& [id, text] : words.warnings)
        check(text, "warnings." + id);
}

} // namespace

ContentLoad loadContent(const fs::path& dataDir, const fs::path& mediaDir, const LocalContacts& contacts)
{
    return ContentLoader(dataDir, mediaDir, contacts).run();
}

} // namespace kiosk
