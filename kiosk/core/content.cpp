// Loading and checking pages and checklists. Every problem is reported with its file and line;
// nothing in the content can make this code throw or the screens draw garbage.
#include "core/content.hpp"

#include "core/form.hpp"
#include "core/navigation.hpp"
#include "core/text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxTitle = 80;
constexpr std::size_t kMaxText = 600;
constexpr std::size_t kMaxItem = 200;
constexpr std::size_t kMaxLabel = 48;
constexpr std::size_t kMaxItems = 12;
constexpr std::size_t kMaxQuestions = 3;
constexpr std::uintmax_t kMaxFileBytes = 256 * 1024;

std::string at(const std::string& file, const toml::node& node)
{
    return file + ":" + std::to_string(node.source().begin.line) + ": ";
}

std::string at(const std::string& file, std::size_t line)
{
    return file + ":" + std::to_string(line) + ": ";
}

// Characters content may hold: what the fonts draw, and line breaks.
bool drawable(char32_t c)
{
    return c == '\n' || isDrawable(c);
}

// Reads text fields of one table, reporting unknown keys, missing keys, wrong types, length and
// characters that cannot be drawn.
class Fields {
public:
    Fields(const toml::table& table, std::string file, Problems& errors, std::string what)
        : m_table(table), m_file(std::move(file)), m_errors(errors), m_what(std::move(what))
    {
    }

    std::string text(const char* key, std::size_t maxLength, bool required)
    {
        m_known.insert(key);
        const toml::node* node = m_table.get(key);
        if (!node) {
            if (required)
                m_errors.push_back(at(m_file, m_table) + m_what + " needs '" + key + "'");
            return {};
        }
        const auto* s = node->as_string();
        if (!s) {
            m_errors.push_back(at(m_file, *node) + "'" + key + "' should be text in quotes");
            return {};
        }
        // Multi-line text between triple quotes brings line breaks at its ends: they are not content.
        std::string value(trimmed(s->get()));
        check(value, *node, key, maxLength);
        if (required && value.empty())
            m_errors.push_back(at(m_file, *node) + "'" + key + "' is empty");
        return value;
    }

    std::vector<std::string> list(const char* key, std::size_t maxItems, std::size_t maxLength, bool required)
    {
        m_known.insert(key);
        std::vector<std::string> out;
        const toml::node* node = m_table.get(key);
        if (!node) {
            if (required)
                m_errors.push_back(at(m_file, m_table) + m_what + " needs '" + key + "'");
            return out;
        }
        const auto* arr = node->as_array();
        if (!arr) {
            m_errors.push_back(at(m_file, *node) + "'" + key + "' should be a list [\"…\", \"…\"]");
            return out;
        }
        if (arr->size() > maxItems)
            m_errors.push_back(at(m_file, *node) + "'" + key + "' has " + std::to_string(arr->size()) +
                               " items; at most " + std::to_string(maxItems) + " fit");
        for (const auto& item : *arr) {
            const auto* s = item.as_string();
            if (!s) {
                m_errors.push_back(at(m_file, item) + "every item of '" + key + "' should be text in quotes");
                continue;
            }
            std::string value(trimmed(s->get()));
            check(value, item, key, maxLength);
            if (value.empty())
                m_errors.push_back(at(m_file, item) + "an item of '" + key + "' is empty");
            out.push_back(std::move(value));
        }
        if (required && out.empty())
            m_errors.push_back(at(m_file, *node) + "'" + key + "' is empty");
        return out;
    }

    bool flag(const char* key)
    {
        m_known.insert(key);
        const toml::node* node = m_table.get(key);
        if (!node)
            return false;
        if (const auto* b = node->as_boolean())
            return b->get();
        m_errors.push_back(at(m_file, *node) + "'" + key + "' should be true or false");
        return false;
    }

    void allow(const char* key) { m_known.insert(key); }

    // Reports every key that was not read.
    void finish()
    {
        for (const auto& [key, node] : m_table)
            if (!m_known.count(std::string(key.str())))
                m_errors.push_back(at(m_file, node) + "unknown key '" + std::string(key.str()) + "' in " +
                                   m_what);
    }

private:
    static std::string_view trimmed(std::string_view s)
    {
        const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
        while (!s.empty() && space(s.front()))
            s.remove_prefix(1);
        while (!s.empty() && space(s.back()))
            s.remove_suffix(1);
        return s;
    }

    void check(const std::string& value, const toml::node& node, const char* key, std::size_t maxLength)
    {
        const auto cps = codePoints(value);
        if (cps.size() > maxLength)
            m_errors.push_back(at(m_file, node) + "'" + key + "' is " + std::to_string(cps.size()) +
                               " characters; at most " + std::to_string(maxLength) + " fit on the screen");
        for (char32_t c : cps) {
            if (!drawable(c)) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
                m_errors.push_back(at(m_file, node) + "'" + key + "' has the character " + hex +
                                   ", which the kiosk cannot show");
                break;
            }
        }
    }

    const toml::table& m_table;
    std::string m_file;
    Problems& m_errors;
    std::string m_what;
    std::set<std::string> m_known;
};

std::string dateOf(const toml::table& root, const std::string& file, Problems& errors)
{
    const toml::node* node = root.get("verified");
    if (!node) {
        errors.push_back(at(file, root) +
                         "needs 'verified', the date the facts were last checked (like 2026-11-29)");
        return {};
    }
    const auto* d = node->as_date();
    if (!d) {
        errors.push_back(at(file, *node) + "'verified' should be a date like 2026-11-29, without quotes");
        return {};
    }
    std::ostringstream out;
    out << d->get();
    return out.str();
}

std::optional<toml::table> parseFile(const fs::path& path, Problems& errors, std::string& text)
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
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    try {
        return toml::parse(text, path.string());
    } catch (const toml::parse_error& err) {
        errors.push_back(at(path.string(), err.source().begin.line) + std::string(err.description()));
        return std::nullopt;
    }
}

const std::map<std::string, BlockType>& blockTypes()
{
    static const std::map<std::string, BlockType> types{
        {"heading", BlockType::Heading}, {"paragraph", BlockType::Paragraph}, {"bullets", BlockType::Bullets},
        {"steps", BlockType::Steps},     {"warning", BlockType::Warning},     {"tip", BlockType::Tip},
        {"contact", BlockType::Contact}, {"image", BlockType::Image},         {"link", BlockType::Link}};
    return types;
}

std::optional<Block> parseBlock(const toml::table& t, const std::string& file, Problems& errors)
{
    Fields f(t, file, errors, "this block");
    const std::string type = f.text("type", 20, true);
    const auto it = blockTypes().find(type);
    if (it == blockTypes().end()) {
        if (!type.empty())
            errors.push_back(at(file, *t.get("type")) + "unknown block type '" + type +
                             "' (heading, paragraph, bullets, steps, warning, tip, contact, image, link)");
        return std::nullopt;
    }
    Block b;
    b.type = it->second;
    b.line = t.source().begin.line;
    switch (b.type) {
    case BlockType::Heading: b.text = f.text("text", kMaxTitle, true); break;
    case BlockType::Paragraph: b.text = f.text("text", kMaxText, true); break;
    case BlockType::Bullets:
    case BlockType::Steps: b.items = f.list("items", kMaxItems, kMaxItem, true); break;
    case BlockType::Warning:
    case BlockType::Tip:
        b.title = f.text("title", kMaxTitle, false);
        b.text = f.text("text", kMaxText, true);
        break;
    case BlockType::Contact:
        b.name = f.text("name", kMaxTitle, true);
        b.local = f.text("local", 40, false);
        b.number = f.text("number", 24, b.local.empty());
        b.whatsapp = f.text("whatsapp", 24, false);
        b.hours = f.text("hours", kMaxTitle, false);
        b.purpose = f.text("purpose", kMaxItem, false);
        for (const std::string* n : {&b.number, &b.whatsapp})
            if (!n->empty() && n->find_first_of("0123456789") == std::string::npos)
                errors.push_back(at(file, t) + "the number '" + *n + "' has no digits");
        if (!b.local.empty() && !b.number.empty())
            errors.push_back(at(file, t) + "a contact has either 'number' or 'local', not both");
        for (const std::string* n : {&b.number, &b.whatsapp})
            for (char c : *n)
                if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == ' ' ||
                      c == '(' || c == ')')) {
                    errors.push_back(at(file, t) + "the number '" + *n +
                                     "' may only have digits, spaces, + and -");
                    break;
                }
        break;
    case BlockType::Image:
        b.file = f.text("file", 120, true);
        b.caption = f.text("caption", kMaxItem, false);
        break;
    case BlockType::Link:
        b.label = f.text("label", kMaxLabel, true);
        b.page = f.text("page", 60, false);
        b.checklist = f.text("checklist", 60, false);
        if (b.page.empty() == b.checklist.empty())
            errors.push_back(at(file, t) + "a link goes to either a 'page' or a 'checklist'");
        break;
    }
    f.finish();
    return b;
}

Condition parseCondition(const toml::node* node, const std::string& file, const char* key, Problems& errors)
{
    Condition out;
    if (!node)
        return out;
    const auto* t = node->as_table();
    if (!t) {
        errors.push_back(at(file, *node) + "'" + key + "' should look like { question = [\"answer\", …] }");
        return out;
    }
    for (const auto& [q, answers] : *t) {
        std::vector<std::string> list;
        if (const auto* arr = answers.as_array()) {
            for (const auto& a : *arr)
                if (const auto* s = a.as_string())
                    list.push_back(s->get());
                else
                    errors.push_back(at(file, a) + "answers in '" + key + "' should be text in quotes");
        } else {
            errors.push_back(at(file, answers) + "'" + std::string(q.str()) +
                             "' should be a list of answers");
        }
        if (list.empty())
            errors.push_back(at(file, answers) + "'" + std::string(q.str()) + "' in '" + key +
                             "' lists no answers, so it could never apply");
        out[std::string(q.str())] = std::move(list);
    }
    return out;
}

// Every key of ui.toml that the screens use.
std::set<std::string> uiKeys()
{
    std::set<std::string> keys{"lang.self",          "header.programme",     "nav.back",
                               "nav.home",           "footer.help",          "home.welcome",
                               "home.intro",         "idle.title",           "idle.countdown",
                               "idle.seconds",       "idle.erase",           "idle.continue",
                               "attract.touch",      "error.frame",          "page.source",
                               "page.verified",      "contact.not_set",      "contact.scan",
                               "checklist.progress", "checklist.all_ready",  "checklist.still_needed",
                               "checklist.tap_hint", "checklist.if_any",     "checklist.where",
                               "checklist.fees",     "checklist.help",       "checklist.restart",
                               "checklist.warning"};
    for (Topic t : kAllTopics) {
        keys.insert("home.tile." + std::string(topicId(t)) + ".label");
        keys.insert("home.tile." + std::string(topicId(t)) + ".hint");
    }
    // The callback form, its review and its confirmation.
    for (const char* k : {"form.intro", "form.optional", "form.tap_to_fill", "form.address", "form.topic.label",
                          "form.time.label", "form.consent.label", "form.consent.text", "form.review",
                          "form.notice.max_length", "form.field.name.hint", "form.field.phone.hint",
                          "form.field.note.hint", "form.error.required", "form.error.name_short",
                          "form.error.name_long", "form.error.name_chars", "form.error.phone_prefix",
                          "form.error.phone_landline", "form.error.phone_short", "form.error.phone_long",
                          "form.error.phone_chars", "form.error.area_number", "form.error.dusun_long",
                          "form.error.dusun_chars", "form.error.note_long", "form.error.unsupported_char",
                          "form.error.topic", "form.error.consent", "osk.backspace", "osk.next", "osk.done",
                          "osk.space", "osk.newline", "review.title", "review.intro", "review.edit",
                          "review.send", "review.retry", "review.failed", "review.consent_given", "done.title",
                          "done.reference", "done.note", "done.next", "done.finish"})
        keys.insert(k);
    for (Field field : kAllFields)
        keys.insert("form.field." + std::string(fieldId(field)) + ".label");
    // Officer mode.
    for (const char* k : {"officer.title",
                          "officer.logout",
                          "officer.loading",
                          "officer.pin.enter", "officer.pin.exists", "officer.export.failed", "officer.export.again_gone",
                          "officer.pin.new",
                          "officer.pin.repeat",
                          "officer.pin.ok",
                          "officer.pin.save",
                          "officer.pin.delete",
                          "officer.pin.checking",
                          "officer.pin.short",
                          "officer.pin.wrong",
                          "officer.pin.locked",
                          "officer.pin.none",
                          "officer.pin.mismatch",
                          "officer.pin.failed",
                          "officer.export.title",
                          "officer.export.new",
                          "officer.export.new_count",
                          "officer.export.all",
                          "officer.export.running",
                          "officer.export.done",
                          "officer.export.done_again",
                          "officer.export.nothing",
                          "officer.export.pulled",
                          "officer.export.full",
                          "officer.export.readonly",
                          "officer.export.store",
                          "officer.export.earlier",
                          "officer.export.batch",
                          "officer.export.again",
                          "officer.usb.stick",
                          "officer.usb.none",
                          "officer.usb.folder",
                          "officer.usb.readonly",
                          "officer.key.ok",
                          "officer.key.missing",
                          "officer.key.bad",
                          "officer.requests.title",
                          "officer.requests.topic",
                          "officer.requests.new",
                          "officer.requests.collected",
                          "officer.requests.total",
                          "officer.requests.oldest",
                          "officer.requests.last",
                          "officer.requests.never",
                          "officer.age.days",
                          "officer.age.hours",
                          "officer.kiosk.title",
                          "officer.kiosk.database",
                          "officer.kiosk.database_moved",
                          "officer.kiosk.database_error",
                          "officer.kiosk.disk",
                          "officer.kiosk.content",
                          "officer.kiosk.content_errors",
                          "officer.kiosk.content_errors_last_good",
                          "officer.kiosk.config_errors",
                          "officer.usage.title",
                          "officer.usage.none",
                          "officer.usage.day",
                          "officer.usage.screen",
                          "officer.usage.checklist",
                          "officer.audit.title",
                          "officer.audit.kind.officer-login-ok",
                          "officer.audit.kind.officer-login-failed",
                          "officer.audit.kind.officer-login-locked",
                          "officer.audit.kind.officer-login-no-pin",
                          "officer.audit.kind.officer-lockout",
                          "officer.audit.kind.pin-changed",
                          "officer.audit.kind.export",
                          "officer.audit.kind.re-export",
                          "officer.audit.kind.purge",
                          "officer.audit.kind.content-loaded",
                          "officer.audit.kind.settings",
                          "header.text_size",
                          "voice.listen",
                          "voice.stop",
                          "voice.in_indonesian",
                          "officer.settings.title",
                          "officer.settings.volume",
                          "officer.settings.rate",
                          "officer.settings.rate_unit",
                          "officer.settings.lang",
                          "officer.settings.theme",
                          "officer.settings.theme_standard",
                          "officer.settings.theme_high_contrast",
                          "officer.settings.unknown",
                          "officer.content.title",
                          "officer.content.shipped",
                          "officer.content.current",
                          "officer.content.previous",
                          "officer.content.stick",
                          "officer.content.stick_none",
                          "officer.content.no_key",
                          "officer.content.update",
                          "officer.content.rollback",
                          "officer.content.running",
                          "officer.content.done",
                          "officer.content.rolled_back",
                          "officer.content.refused.not-found",
                          "officer.content.refused.unsigned",
                          "officer.content.refused.no-trusted-key",
                          "officer.content.refused.untrusted-key",
                          "officer.content.refused.bad-signature",
                          "officer.content.refused.tampered",
                          "officer.content.refused.invalid",
                          "officer.content.refused.already-shown",
                          "officer.content.refused.no-previous",
                          "officer.content.refused.failed",
                          "officer.audit.kind.content-update",
                          "officer.audit.kind.content-rollback"})
        keys.insert(k);
    for (RequestTopic t : kAllRequestTopics)
        keys.insert("form.topic." + std::string(requestTopicId(t)));
    for (ContactTime t : kAllContactTimes)
        keys.insert("form.time." + std::string(contactTimeId(t)));
    return keys;
}

// PNG or JPEG, by their signatures: what the kiosk can show.
bool isPicture(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char head[8]{};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    if (in.gcount() < 8)
        return false;
    const bool png = head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' &&
                     head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A;
    const bool jpeg = head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    return png || jpeg;
}

bool validId(std::string_view id)
{
    if (id.empty() || id.size() > 60)
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<ChecklistRules> parseRules(const toml::table& root, const std::string& file,
                                         const std::string& id, Problems& errors)
{
    ChecklistRules rules;
    rules.id = id;
    std::map<std::string, std::set<std::string>> answersOf;
    for (const auto& [key, node] : root)
        if (key != "questions" && key != "documents" && key != "fees" && key != "warnings")
            errors.push_back(at(file, node) + "unknown key '" + std::string(key.str()) + "' in a checklist");

    auto tables = [&](const char* key) {
        std::vector<const toml::table*> out;
        const toml::node* node = root.get(key);
        if (!node)
            return out;
        const auto* arr = node->as_array();
        if (!arr || !arr->is_array_of_tables()) {
            errors.push_back(at(file, *node) + "'" + key + "' should be [[" + key + "]] sections");
            return out;
        }
        for (const auto& t : *arr)
            out.push_back(t.as_table());
        return out;
    };

    for (const toml::table* t : tables("questions")) {
        Fields f(*t, file, errors, "this question");
        ChecklistRules::Question q;
        q.id = f.text("id", 40, true);
        q.answers = f.list("answers", 8, 40, true);
        if (!q.id.empty() && !validId(q.id))
            errors.push_back(at(file, *t) + "the id '" + q.id + "' may only have a-z, 0-9 and -");
        for (const auto& a : q.answers)
            if (!a.empty() && !validId(a))
                errors.push_back(at(file, *t) + "the answer '" + a + "' may only have a-z, 0-9 and -");
        f.allow("skip_when");
        q.skipWhen = parseCondition(t->get("skip_when"), file, "skip_when", errors);
        f.finish();
        if (answersOf.count(q.id))
            errors.push_back(at(file, *t) + "the question '" + q.id + "' is there twice");
        std::set<std::string> set(q.answers.begin(), q.answers.end());
        if (set.size() != q.answers.size())
            errors.push_back(at(file, *t) + "the question '" + q.id + "' lists an answer twice");
        answersOf[q.id] = std::move(set);
        rules.questions.push_back(std::move(q));
    }
    if (rules.questions.empty())
        errors.push_back(at(file, root) + "a checklist needs at least one [[questions]]");
    if (rules.questions.size() > kMaxQuestions)
        errors.push_back(at(file, root) + "a checklist asks at most " + std::to_string(kMaxQuestions) +
                         " questions");

    auto checkCondition = [&](const Condition& c, const toml::table& t) {
        for (const auto& [q, answers] : c) {
            const auto it = answersOf.find(q);
            if (it == answersOf.end()) {
                errors.push_back(at(file, t) + "names the unknown question '" + q + "'");
                continue;
            }
            for (const auto& a : answers)
                if (!it->second.count(a))
                    errors.push_back(at(file, t) + "the question '" + q + "' has no answer '" + a + "'");
        }
    };
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const auto& q = rules.questions[i];
        checkCondition(q.skipWhen, root);
        for (const auto& entry : q.skipWhen) {
            const std::string& other = entry.first;
            const auto pos = std::find_if(rules.questions.begin(), rules.questions.end(),
                                          [&](const auto& x) { return x.id == other; });
            if (pos != rules.questions.end() && static_cast<std::size_t>(pos - rules.questions.begin()) >= i)
                errors.push_back(at(file, root) + "'" + q.id +
                                 "' can only be skipped by an earlier question");
        }
    }

    auto items = [&](const char* key, std::vector<ChecklistRules::Item>& out, bool documents) {
        std::set<std::string> seen;
        for (const toml::table* t : tables(key)) {
            Fields f(*t, file, errors, std::string("this ") + key);
            ChecklistRules::Item item;
            item.id = f.text("id", 60, true);
            if (!item.id.empty() && !validId(item.id))
                errors.push_back(at(file, *t) + "the id '" + item.id + "' may only have a-z, 0-9 and -");
            if (documents) {
                item.icon = f.text("icon", 20, true);
                if (!item.icon.empty() && !checklistIcons().count(item.icon))
                    errors.push_back(at(file, *t) + "unknown icon '" + item.icon + "'");
                item.optional = f.flag("optional");
            }
            f.allow("when");
            item.when = parseCondition(t->get("when"), file, "when", errors);
            checkCondition(item.when, *t);
            f.finish();
            if (!item.id.empty() && !seen.insert(item.id).second)
                errors.push_back(at(file, *t) + "the id '" + item.id + "' is there twice");
            out.push_back(std::move(item));
        }
    };
    items("documents", rules.documents, true);
    items("fees", rules.fees, false);
    items("warnings", rules.warnings, false);
    return rules;
}

std::optional<ChecklistText> parseChecklistText(const toml::table& root, const std::string& file,
                                                const ChecklistRules* rules, bool reference, Problems& errors,
                                                Problems& warnings)
{
    ChecklistText text;
    Fields top(root, file, errors, "a checklist");
    text.title = top.text("title", kMaxTitle, true);
    text.source = top.text("source", kMaxText, true);
    top.allow("verified");
    text.verified = dateOf(root, file, errors);
    for (const char* k : {"questions", "documents", "fees", "warnings"})
        top.allow(k);
    top.finish();

    auto section = [&](const char* key) -> const toml::table* {
        const toml::node* node = root.get(key);
        if (!node)
            return nullptr;
        if (!node->is_table()) {
            errors.push_back(at(file, *node) + "'" + key + "' should be [" + key + ".<id>] sections");
            return nullptr;
        }
        return node->as_table();
    };
    Problems& missing = reference ? errors : warnings;

    if (const auto* qs = section("questions")) {
        for (const auto& [id, node] : *qs) {
            const auto* t = node.as_table();
            if (!t) {
                errors.push_back(at(file, node) + "[questions." + std::string(id.str()) +
                                 "] should be a section");
                continue;
            }
            Fields f(*t, file, errors, "question '" + std::string(id.str()) + "'");
            ChecklistText::Question q;
            q.text = f.text("text", kMaxTitle, true);
            f.allow("answers");
            if (const auto* answers = t->get_as<toml::table>("answers")) {
                Fields labels(*answers, file, errors, "answers");
                for (const auto& [a, label] : *answers) {
                    const std::string answer(a.str());
                    q.answers[answer] = labels.text(answer.c_str(), kMaxLabel, true);
                }
            } else {
                errors.push_back(at(file, *t) + "question '" + std::string(id.str()) + "' needs [questions." +
                                 std::string(id.str()) + ".answers]");
            }
            f.finish();
            text.questions[std::string(id.str())] = std::move(q);
        }
    }
    if (const auto* ds = section("documents")) {
        for (const auto& [id, node] : *ds) {
            const auto* t = node.as_table();
            if (!t) {
                errors.push_back(at(file, node) + "[documents." + std::string(id.str()) +
                                 "] should be a section");
                continue;
            }
            Fields f(*t, file, errors, "document '" + std::string(id.str()) + "'");
            ChecklistText::Document d;
            d.name = f.text("name", kMaxLabel, true);
            d.explain = f.text("explain", 160, true);
            d.where = f.text("where", kMaxLabel + 12, true);
            f.finish();
            text.documents[std::string(id.str())] = std::move(d);
        }
    }
    if (const auto* fs_ = section("fees")) {
        for (const auto& [id, node] : *fs_) {
            const auto* t = node.as_table();
            if (!t) {
                errors.push_back(at(file, node) + "[fees." + std::string(id.str()) + "] should be a section");
                continue;
            }
            Fields f(*t, file, errors, "fee '" + std::string(id.str()) + "'");
            text.fees[std::string(id.str())] = f.text("text", kMaxItem, true);
            f.finish();
        }
    }

    if (const auto* ws = section("warnings")) {
        for (const auto& [id, node] : *ws) {
            const auto* t = node.as_table();
            if (!t) {
                errors.push_back(at(file, node) + "[warnings." + std::string(id.str()) +
                                 "] should be a section");
                continue;
            }
            Fields f(*t, file, errors, "warning '" + std::string(id.str()) + "'");
            text.warnings[std::string(id.str())] = f.text("text", kMaxText, true);
            f.finish();
        }
    }

    if (rules) {
        // Every id named by the rules has words here; every id here is named by the rules.
        for (const auto& q : rules->questions) {
            const auto it = text.questions.find(q.id);
            if (it == text.questions.end()) {
                missing.push_back(at(file, root) + "no words for the question '" + q.id + "'");
                continue;
            }
            for (const auto& a : q.answers)
                if (!it->second.answers.count(a))
                    missing.push_back(at(file, root) + "no words for the answer '" + a + "' of '" + q.id +
                                      "'");
        }
        for (const auto& entry : text.questions) {
            const std::string& id = entry.first;
            const ChecklistText::Question& q = entry.second;
            const auto rq = std::find_if(rules->questions.begin(), rules->questions.end(),
                                         [&](const auto& x) { return x.id == id; });
            if (rq == rules->questions.end())
                errors.push_back(at(file, root) + "the question '" + id +
                                 "' is not in the checklist's rules");
            else
                for (const auto& [a, label] : q.answers)
                    if (std::find(rq->answers.begin(), rq->answers.end(), a) == rq->answers.end())
                        errors.push_back(at(file, root) + "the question '" + id + "' has no answer '" + a +
                                         "' in the rules");
        }
        auto pair = [&](const std::vector<ChecklistRules::Item>& items, const auto& words, const char* what) {
            for (const auto& item : items)
                if (!words.count(item.id))
                    missing.push_back(at(file, root) + "no words for the " + what + " '" + item.id + "'");
            for (const auto& entry : words) {
                const std::string& id = entry.first;
                if (std::none_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; }))
                    errors.push_back(at(file, root) + "the " + what + " '" + id +
                                     "' is not in the checklist's rules");
            }
        };
        pair(rules->documents, text.documents, "document");
        pair(rules->fees, text.fees, "fee");
        pair(rules->warnings, text.warnings, "warning");
    }
    return text;
}

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

std::size_t index(Lang lang)
{
    return static_cast<std::size_t>(lang);
}

Page pageFromTable(const toml::table& root, const std::string& file, const std::string& id, Problems& errors)
{
    Page page;
    page.id = id;
    Fields f(root, file, errors, "a page");
    page.title = f.text("title", kMaxTitle, true);
    page.source = f.text("source", kMaxText, true);
    f.allow("verified");
    page.verified = dateOf(root, file, errors);
    f.allow("blocks");
    f.finish();
    const toml::node* blocks = root.get("blocks");
    if (!blocks) {
        errors.push_back(at(file, root) + "a page needs [[blocks]]");
    } else if (const auto* arr = blocks->as_array(); !arr || !arr->is_array_of_tables()) {
        errors.push_back(at(file, *blocks) + "'blocks' should be [[blocks]] sections");
    } else {
        for (const auto& node : *arr)
            if (auto b = parseBlock(*node.as_table(), file, errors))
                page.blocks.push_back(std::move(*b));
    }
    return page;
}

} // namespace

bool matches(const Condition& when, const Answers& answers)
{
    for (const auto& [question, accepted] : when) {
        const auto it = answers.find(question);
        if (it == answers.end() || std::find(accepted.begin(), accepted.end(), it->second) == accepted.end())
            return false;
    }
    return true;
}

std::vector<const ChecklistRules::Question*> ChecklistRules::asked(const Answers& answers) const
{
    std::vector<const Question*> out;
    for (const auto& q : questions)
        if (q.skipWhen.empty() || !matches(q.skipWhen, answers))
            out.push_back(&q);
    return out;
}

const ChecklistRules::Question* ChecklistRules::next(const Answers& answers) const
{
    for (const Question* q : asked(answers))
        if (!answers.count(q->id))
            return q;
    return nullptr;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::documentsFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const auto& d : documents)
        if (matches(d.when, answers))
            out.push_back(&d);
    return out;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::warningsFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const auto& w : warnings)
        if (matches(w.when, answers))
            out.push_back(&w);
    return out;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::feesFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const auto& f : fees)
        if (matches(f.when, answers))
            out.push_back(&f);
    return out;
}

const std::set<std::string>& checklistIcons()
{
    static const std::set<std::string> icons{"id-card", "users",      "book",  "file",     "briefcase",
                                             "moon",    "graduation", "child", "building", "money"};
    return icons;
}

const Page* Content::page(const std::string& id, Lang lang) const
{
    const auto it = pages.find(id);
    if (it == pages.end())
        return nullptr;
    if (it->second[index(lang)])
        return &*it->second[index(lang)];
    return it->second[index(kDefaultLang)] ? &*it->second[index(kDefaultLang)] : nullptr;
}

const ChecklistText* Content::checklistText(const std::string& id, Lang lang) const
{
    const auto it = checklistTexts.find(id);
    if (it == checklistTexts.end())
        return nullptr;
    if (it->second[index(lang)])
        return &*it->second[index(lang)];
    return it->second[index(kDefaultLang)] ? &*it->second[index(kDefaultLang)] : nullptr;
}

const ChecklistRules* Content::checklist(const std::string& id) const
{
    const auto it = checklists.find(id);
    return it == checklists.end() ? nullptr : &it->second;
}

std::string Content::oldestVerified() const
{
    std::string oldest;
    auto consider = [&](const std::string& d) {
        if (!d.empty() && (oldest.empty() || d < oldest))
            oldest = d;
    };
    for (const auto& [id, langs] : pages)
        for (const auto& p : langs)
            if (p)
                consider(p->verified);
    for (const auto& [id, langs] : checklistTexts)
        for (const auto& t : langs)
            if (t)
                consider(t->verified);
    return oldest;
}

std::optional<ChecklistRules> parseChecklistRules(std::string_view text, const std::string& file,
                                                  const std::string& id, Problems& errors)
{
    try {
        const toml::table root = toml::parse(text, file);
        return parseRules(root, file, id, errors);
    } catch (const toml::parse_error& err) {
        errors.push_back(at(file, err.source().begin.line) + std::string(err.description()));
        return std::nullopt;
    }
}

std::optional<ChecklistText> parseChecklistWords(std::string_view text, const std::string& file,
                                                 const ChecklistRules* rules, Problems& errors,
                                                 Problems& warnings)
{
    try {
        const toml::table root = toml::parse(text, file);
        return parseChecklistText(root, file, rules, true, errors, warnings);
    } catch (const toml::parse_error& err) {
        errors.push_back(at(file, err.source().begin.line) + std::string(err.description()));
        return std::nullopt;
    }
}

std::optional<Page> parsePage(std::string_view text, const std::string& file, const std::string& id,
                              Problems& errors)
{
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& err) {
        errors.push_back(at(file, err.source().begin.line) + std::string(err.description()));
        return std::nullopt;
    }
    return pageFromTable(root, file, id, errors);
}

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
        if (!validId(id)) {
            load.errors.push_back(at(path.string(), 0) + "the file name must be an id: a-z, 0-9 and -");
            continue;
        }
        std::string text;
        if (auto root = parseFile(path, load.errors, text)) {
            if (auto rules = parseRules(*root, path.string(), id, load.errors))
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
                    if (!validId(id)) {
                        out.errors.push_back(at(path.string(), 0) +
                                             "the file name must be an id: a-z, 0-9 and -");
                        continue;
                    }
                    std::string text;
                    const auto root = parseFile(path, out.errors, text);
                    if (!root) {
                        out.unreadable.insert(id);
                        continue;
                    }
                    out.pages.push_back(pageFromTable(*root, path.string(), id, out.errors));
                }
                return out;
            }));
    std::array<std::set<std::string>, 3> unreadable;
    for (Lang lang : kAllLangs) {
        LangPages done = jobs[index(lang)].get();
        load.errors.insert(load.errors.end(), done.errors.begin(), done.errors.end());
        unreadable[index(lang)] = std::move(done.unreadable);
        for (Page& page : done.pages) {
            const std::string id = page.id;
            c.pages[id][index(lang)] = std::move(page);
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
            std::string text;
            if (auto root = parseFile(path, load.errors, text))
                if (auto words = parseChecklistText(*root, path.string(), rules, reference, load.errors,
                                                    load.warnings))
                    c.checklistTexts[id][index(lang)] = std::move(*words);
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
            if (cps.size() > kMaxText)
                load.errors.push_back(where + "'" + key + "' is too long for a button or a line");
            if (std::any_of(cps.begin(), cps.end(), [](char32_t ch) { return !drawable(ch); }))
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
            if (!langs[index(lang)]) {
                if (unreadable[index(lang)].count(id))
                    continue; // its syntax error says enough
                if (lang == kDefaultLang)
                    load.errors.push_back(at(file.string(), 0) +
                                          "missing: every page must exist in Indonesian");
                else if (langs[index(kDefaultLang)])
                    load.warnings.push_back(at(file.string(), 0) + "missing: shown in Indonesian");
                continue;
            }
            std::set<std::string> linkTargets;
            for (const Block& b : langs[index(lang)]->blocks) {
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
                    else if (!isPicture(mediaDir / b.file))
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
            if (it != c.checklistTexts.end() && it->second[index(lang)])
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
