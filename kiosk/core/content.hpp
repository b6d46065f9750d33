// The guidance content: pages of blocks and checklists, per language, loaded from data/ and
// checked so thoroughly that the screens can trust it.
#pragma once

#include "core/config.hpp"
#include "core/language.hpp"
#include "core/navigation.hpp"
#include "core/problems.hpp"
#include "core/registry.hpp"
#include "core/registry_search.hpp"
#include "core/sources.hpp"
#include "core/strings.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

enum class BlockType { Heading, Paragraph, Bullets, Steps, Warning, Tip, Contact, Image, Link };

struct Block {
    BlockType type = BlockType::Paragraph;
    std::string text;               // heading, paragraph, warning, tip
    std::string title;              // warning, tip (optional)
    std::vector<std::string> items; // bullets, steps
    // contact: a shipped number (with the id of its source), or the office's `local` one from
    // kiosk.toml, or both: kiosk.toml's number, once filled in, replaces the shipped one
    std::string name, number, whatsapp, hours, purpose, local, source;
    // image
    std::string file, caption;
    // link: to a page, a checklist, or one of kLinkScreens
    std::string label, page, checklist, screen;
    std::size_t line = 0; // in its file, for messages about it
};

// The kiosk's own screens a link block may open (`screen = "recruiter"`), by their screen ids.
inline constexpr const char* kLinkScreens[] = {"recruiter"};

struct Page {
    std::string id;
    std::string title;
    std::vector<std::string> sources; // ids in sources.toml
    std::string verified;             // YYYY-MM-DD
    std::size_t titleLine = 0, sourcesLine = 0;
    std::vector<Block> blocks;
    // Key points to take home in the QR code of "Bawa pulang" (optional), and its line in the file.
    std::string takehome;
    std::size_t takehomeLine = 0;
};

// answers[question id] = answer id
using Answers = std::map<std::string, std::string>;
// For some questions, the answers that make a rule apply; all named questions must match.
using Condition = std::map<std::string, std::vector<std::string>>;
// Conditions of which any one is enough ("17 or older, or married").
using AnyCondition = std::vector<Condition>;

[[nodiscard]] bool matches(const Condition& when, const Answers& answers);
// Whether one of the conditions matches (none: false).
[[nodiscard]] bool matchesAny(const AnyCondition& when, const Answers& answers);

struct ChecklistRules {
    struct Question {
        std::string id;
        std::vector<std::string> answers;
        std::map<std::string, std::string> icons; // by answer: one of checklistIcons()
        AnyCondition skipWhen;                    // empty: always asked
    };
    struct Item {
        std::string id;
        std::string icon; // documents only
        bool optional = false;
        AnyCondition when;                // empty: always applies
        bool grave = false;               // signs only: a sign of trafficking (the numbers to call now)
        std::vector<std::string> sources; // signs only: ids in sources.toml of why it matters
        std::size_t line = 0;             // in the rules file, for messages about it

        [[nodiscard]] bool appliesTo(const Answers& answers) const
        {
            return when.empty() || matchesAny(when, answers);
        }
    };
    std::string id;
    // Documents (documents, fees, warnings: what to prepare) or signs (warning signs found in what
    // the resident was told), never both.
    ChecklistKind kind = ChecklistKind::Documents;
    std::vector<Question> questions;
    std::vector<Item> documents;
    std::vector<Item> fees;
    std::vector<Item> warnings; // shown in red above the result when they apply
    std::vector<Item> signs;

    // Questions asked for these answers, in order (skipped ones left out).
    [[nodiscard]] std::vector<const Question*> asked(const Answers& answers) const;
    // The first question asked but not yet answered, or nullptr when the checklist is complete.
    [[nodiscard]] const Question* next(const Answers& answers) const;
    [[nodiscard]] std::vector<const Item*> documentsFor(const Answers& answers) const;
    [[nodiscard]] std::vector<const Item*> feesFor(const Answers& answers) const;
    [[nodiscard]] std::vector<const Item*> warningsFor(const Answers& answers) const;
    // The signs these answers show: the grave ones first, each kind in the rules' order.
    [[nodiscard]] std::vector<const Item*> signsFor(const Answers& answers) const;
};

// Where a link to the checklist leads: a document checklist or a sign checklist's screen.
[[nodiscard]] inline Route routeTo(const ChecklistRules& rules)
{
    return Route::forChecklist(rules.id, rules.kind);
}

struct ChecklistText {
    struct Question {
        std::string text;
        std::string note; // optional: a longer line under the question (what an answer covers)
        std::map<std::string, std::string> answers;
    };
    struct Document {
        std::string name, explain, where;
    };
    struct Sign {
        std::string name, why;
    };
    std::string title, verified;
    std::vector<std::string> sources; // ids in sources.toml
    // Lines in the file, for messages: "title", "sources", "questions.<id>", "documents.<id>",
    // "fees.<id>", "warnings.<id>", "signs.<id>", "steps".
    std::map<std::string, std::size_t> lines;
    std::map<std::string, Question> questions;
    std::map<std::string, Document> documents;
    std::map<std::string, std::string> fees;
    std::map<std::string, std::string> warnings;
    std::map<std::string, Sign> signs;
    std::vector<std::string> steps; // a sign checklist's next steps, whatever was found

    // The name of the document `id` in these words (its id if they have none).
    [[nodiscard]] std::string documentName(const std::string& id) const;
};

// What a contact card shows: kiosk.toml's number for a `local` contact once filled in, else the
// shipped one (`shipped` then says so, and the card names its source's date).
struct ShownContact {
    std::string number, whatsapp, hours, address;
    bool shipped = false;
};
[[nodiscard]] ShownContact shownContact(const Block& contact, const LocalContacts& contacts);

struct Content {
    Strings strings;
    Sources sources;             // data/sources.toml
    Registry registry;           // data/registry/: the licensed placement companies
    RegistryIndex registryIndex; // the residents' search in it, built once as the content is loaded
    std::map<std::string, std::array<std::optional<Page>, 3>> pages;
    std::map<std::string, ChecklistRules> checklists;
    std::map<std::string, std::array<std::optional<ChecklistText>, 3>> checklistTexts;

    // The page in `lang`, else in Indonesian; nullptr if there is no such page.
    [[nodiscard]] const Page* page(const std::string& id, Lang lang) const;
    [[nodiscard]] const ChecklistText* checklistText(const std::string& id, Lang lang) const;
    [[nodiscard]] const ChecklistRules* checklist(const std::string& id) const;
    // The sources a page cites, its own and its contact blocks', once each in that order; ids that
    // are not in sources.toml left out (check-content reports them).
    [[nodiscard]] std::vector<const Source*> citedBy(const Page& page) const;
    [[nodiscard]] std::vector<const Source*> citedBy(const ChecklistText& words) const;
    // The sources of one sign of a sign checklist (why it matters).
    [[nodiscard]] std::vector<const Source*> citedBy(const ChecklistRules::Item& sign) const;
    // Only the sources the page's own `sources` names: what the text to take home lists (each card's
    // number shows its source's date on the screen; a QR code has no room for a dozen names).
    [[nodiscard]] std::vector<const Source*> citedByText(const Page& page) const;
    // The oldest `verified` date of any page or checklist (what officers should re-check first).
    [[nodiscard]] std::string oldestVerified() const;
    [[nodiscard]] bool empty() const { return pages.empty(); }
};

// A number shipped with the content, not replaced in kiosk.toml, whose source is more than two years
// older than today: officer mode asks the office to check it again.
struct NumberToRecheck {
    std::string page;      // the page's id
    std::string pageTitle; // in Indonesian
    std::string name, number;
    std::string sourceDate; // "2024-04-04", "2020-02" or "2020"
    std::string local;      // the kiosk.toml [contacts.<key>] that can replace it; "" when none can
};
inline constexpr int kRecheckAfterYears = 2;
// Every such number of the Indonesian pages, once per page, in page order. `today` is "YYYY-MM-DD…".
[[nodiscard]] std::vector<NumberToRecheck>
numbersToRecheck(const Content& content, const LocalContacts& contacts, const std::string& today);

// What officer mode asks the office to look at in the content on a given day: the shipped numbers
// to check again, and how old the list of placement companies is. Both change only with the date,
// so the dashboard works them out once a day.
struct ContentReview {
    std::string today;                    // "YYYY-MM-DD": the day they were worked out for
    std::vector<NumberToRecheck> recheck; // numbersToRecheck on that day
    // Days since the company list was taken; none for a list without companies (or without a date),
    // or when the day is not known.
    std::optional<long> registryAgeDays;
    bool registryOld = false; // taken more than the office's registry_max_age_days ago
};
// The review on `today` ("YYYY-MM-DD…", only its date counts), a list older than `registryMaxAgeDays`
// days being old.
[[nodiscard]] ContentReview reviewContent(const Content& content, const LocalContacts& contacts,
                                          const std::string& today, int registryMaxAgeDays);

struct ContentLoad {
    Content content;
    Problems errors;   // the content must not be shown
    Problems warnings; // shown, but someone should fix it (missing translations)
    [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Icons a checklist's documents and answers may name.
[[nodiscard]] const std::set<std::string>& checklistIcons();

// Reads and checks everything under `dataDir` (content/, checklists/) with pictures from
// `mediaDir` and local contacts from the configuration. Never throws for bad content; every
// problem becomes one "FILE:LINE: message" line.
[[nodiscard]] ContentLoad loadContent(const std::filesystem::path& dataDir,
                                      const std::filesystem::path& mediaDir, const LocalContacts& contacts);

// Parses the rules of one checklist from text (used by the loader and by the fuzz target).
[[nodiscard]] std::optional<ChecklistRules>
parseChecklistRules(std::string_view text, const std::string& file, const std::string& id, Problems& errors);

// Parses the words of one checklist, checked against its rules when given (for the fuzz target).
[[nodiscard]] std::optional<ChecklistText> parseChecklistWords(std::string_view text, const std::string& file,
                                                               const ChecklistRules* rules, Problems& errors,
                                                               Problems& warnings);

// Parses one page from text (used by the loader and by the fuzz target).
[[nodiscard]] std::optional<Page> parsePage(std::string_view text, const std::string& file,
                                            const std::string& id, Problems& errors);

} // namespace kiosk
