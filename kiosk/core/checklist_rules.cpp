// Checklist rules: which questions are asked and which documents, fees, warnings or warning signs
// apply for the answers given, and parsing them from checklists/<id>.toml.
#include "core/checklist_rules.hpp"

#include "core/content_toml.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kiosk {

bool matches(const Condition& when, const Answers& answers)
{
    for (const auto& [question, accepted] : when) {
        const auto it = answers.find(question);
        if (it == answers.end() || std::find(accepted.begin(), accepted.end(), it->second) == accepted.end())
            return false;
    }
    return true;
}

bool matchesAny(const AnyCondition& when, const Answers& answers)
{
    return std::any_of(when.begin(), when.end(), [&](const Condition& c) { return matches(c, answers); });
}

std::vector<const ChecklistRules::Question*> ChecklistRules::asked(const Answers& answers) const
{
    std::vector<const Question*> out;
    for (const auto& q : questions)
        if (!matchesAny(q.skipWhen, answers))
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
        if (d.appliesTo(answers))
            out.push_back(&d);
    return out;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::warningsFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const auto& w : warnings)
        if (w.appliesTo(answers))
            out.push_back(&w);
    return out;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::feesFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const auto& f : fees)
        if (f.appliesTo(answers))
            out.push_back(&f);
    return out;
}

std::vector<const ChecklistRules::Item*> ChecklistRules::signsFor(const Answers& answers) const
{
    std::vector<const Item*> out;
    for (const bool grave : {true, false})
        for (const auto& sign : signs)
            if (sign.grave == grave && sign.appliesTo(answers))
                out.push_back(&sign);
    return out;
}

const std::set<std::string>& checklistIcons()
{
    static const std::set<std::string> icons{
        "id-card",  "users", "book",     "file",    "briefcase", "moon",     "graduation", "child",
        "building", "money", "plane",    "refresh", "user",      "heart",    "plus",       "history",
        "check",    "times", "question", "globe",   "laptop",    "comments", "home",       "lock"};
    return icons;
}

std::optional<ChecklistRules> parseChecklistRules(std::string_view text, const std::string& file,
                                                  const std::string& id, Problems& errors)
{
    const auto root = parsing::parseToml(text, file, errors);
    if (!root)
        return std::nullopt;
    return parsing::rulesFromTable(*root, file, id, errors);
}

} // namespace kiosk

namespace kiosk::parsing {

namespace {

// The answers of every question read so far, by question id.
using AnswersOf = std::map<std::string, std::set<std::string>>;

// One condition: { question = ["answer", …], … }, every question named at least once.
Condition parseCondition(const toml::table& t, const std::string& file, const char* key, Problems& errors)
{
    Condition out;
    if (t.empty())
        errors.push_back(at(file, t) + "a condition in '" + key + "' names no question");
    for (const auto& [q, answers] : t) {
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

// `key`: one condition, or a list of conditions of which any one is enough.
AnyCondition parseAnyCondition(const toml::node* node, const std::string& file, const char* key,
                               Problems& errors)
{
    AnyCondition out;
    if (!node)
        return out;
    if (const auto* t = node->as_table()) {
        out.push_back(parseCondition(*t, file, key, errors));
        return out;
    }
    const auto* list = node->as_array();
    if (!list || list->empty()) {
        errors.push_back(at(file, *node) + "'" + key +
                         "' should look like { question = [\"answer\", …] }, or a list [{ … }, { … }] of "
                         "which any one is enough");
        return out;
    }
    for (const auto& entry : *list) {
        if (const auto* t = entry.as_table())
            out.push_back(parseCondition(*t, file, key, errors));
        else
            errors.push_back(at(file, entry) + "each condition in '" + key +
                             "' should look like { question = [\"answer\", …] }");
    }
    return out;
}

// The [[key]] sections of `root` (none when there are none, or they are something else).
std::vector<const toml::table*> sections(const toml::table& root, const char* key, const std::string& file,
                                         Problems& errors)
{
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
}

// Every question and answer that the conditions of `any` name exists.
void checkCondition(const AnyCondition& any, const toml::table& t, const AnswersOf& answersOf,
                    const std::string& file, Problems& errors)
{
    for (const Condition& c : any)
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
}

// The icon of each answer of `q`, from its icons = { answer = "icon", … }: one for every answer.
std::map<std::string, std::string> readAnswerIcons(const toml::table& t, const ChecklistRules::Question& q,
                                                   const std::string& file, Problems& errors)
{
    std::map<std::string, std::string> out;
    const toml::node* node = t.get("icons");
    const auto* icons = node ? node->as_table() : nullptr;
    if (node && !icons)
        errors.push_back(at(file, *node) + "'icons' should look like { answer = \"icon\", … }");
    if (icons)
        for (const auto& [key, icon] : *icons) {
            const std::string answer(key.str());
            const auto* name = icon.as_string();
            if (std::find(q.answers.begin(), q.answers.end(), answer) == q.answers.end())
                errors.push_back(at(file, icon) + "'icons' names '" + answer +
                                 "', which is not an answer of '" + q.id + "'");
            else if (!name)
                errors.push_back(at(file, icon) + "the icon of '" + answer + "' should be text in quotes");
            else if (!checklistIcons().count(name->get()))
                errors.push_back(at(file, icon) + "unknown icon '" + name->get() + "'");
            else
                out[answer] = name->get();
        }
    for (const auto& a : q.answers)
        if (!a.empty() && !(icons && icons->contains(a)))
            errors.push_back(at(file, t) + "the answer '" + a + "' of '" + q.id +
                             "' needs an icon in 'icons'");
    return out;
}

ChecklistRules::Question readQuestion(const toml::table& t, const std::string& file, Problems& errors)
{
    Fields f(t, file, errors, "this question");
    ChecklistRules::Question q;
    q.id = f.text("id", 40, true);
    q.answers = f.list("answers", 8, 40, true);
    if (!q.id.empty() && !validId(q.id))
        errors.push_back(at(file, t) + "the id '" + q.id + "' may only have a-z, 0-9 and -");
    for (const auto& a : q.answers)
        if (!a.empty() && !validId(a))
            errors.push_back(at(file, t) + "the answer '" + a + "' may only have a-z, 0-9 and -");
    f.allow("icons");
    q.icons = readAnswerIcons(t, q, file, errors);
    f.allow("skip_when");
    q.skipWhen = parseAnyCondition(t.get("skip_when"), file, "skip_when", errors);
    f.finish();
    return q;
}

// The [[questions]], each once with each answer once, and how many there may be.
void readQuestions(const toml::table& root, const std::string& file, ChecklistRules& rules,
                   AnswersOf& answersOf, Problems& errors)
{
    for (const toml::table* t : sections(root, "questions", file, errors)) {
        ChecklistRules::Question q = readQuestion(*t, file, errors);
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
}

// A question is skipped for answers that exist, and only by the answers of a question before it.
void checkSkips(const ChecklistRules& rules, const toml::table& root, const AnswersOf& answersOf,
                const std::string& file, Problems& errors)
{
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const auto& q = rules.questions[i];
        checkCondition(q.skipWhen, root, answersOf, file, errors);
        for (const Condition& c : q.skipWhen)
            for (const auto& entry : c) {
                const std::string& other = entry.first;
                const auto pos = std::find_if(rules.questions.begin(), rules.questions.end(),
                                              [&](const auto& x) { return x.id == other; });
                if (pos != rules.questions.end() &&
                    static_cast<std::size_t>(pos - rules.questions.begin()) >= i)
                    errors.push_back(at(file, root) + "'" + q.id +
                                     "' can only be skipped by an earlier question");
            }
    }
}

// What an item of a section has besides its id and `when`.
enum class ItemKind { Plain, Document, Sign };

// The [[documents]], [[fees]], [[warnings]] or [[signs]] (`key`): ids once each, conditions on known
// answers; documents also have an icon and may be optional; signs may be grave and cite their sources.
std::vector<ChecklistRules::Item> readItems(const toml::table& root, const char* key, ItemKind kind,
                                            const AnswersOf& answersOf, const std::string& file,
                                            Problems& errors)
{
    std::vector<ChecklistRules::Item> out;
    std::set<std::string> seen;
    for (const toml::table* t : sections(root, key, file, errors)) {
        Fields f(*t, file, errors, std::string("this ") + key);
        ChecklistRules::Item item;
        item.line = t->source().begin.line;
        item.id = f.text("id", 60, true);
        if (!item.id.empty() && !validId(item.id))
            errors.push_back(at(file, *t) + "the id '" + item.id + "' may only have a-z, 0-9 and -");
        if (kind == ItemKind::Document) {
            item.icon = f.text("icon", 20, true);
            if (!item.icon.empty() && !checklistIcons().count(item.icon))
                errors.push_back(at(file, *t) + "unknown icon '" + item.icon + "'");
            item.optional = f.flag("optional");
        }
        if (kind == ItemKind::Sign) {
            item.grave = f.flag("grave");
            item.sources = sourceIds(*t, file, errors, f);
        }
        f.allow("when");
        item.when = parseAnyCondition(t->get("when"), file, "when", errors);
        checkCondition(item.when, *t, answersOf, file, errors);
        f.finish();
        if (!item.id.empty() && !seen.insert(item.id).second)
            errors.push_back(at(file, *t) + "the id '" + item.id + "' is there twice");
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace

std::optional<ChecklistRules> rulesFromTable(const toml::table& root, const std::string& file,
                                             const std::string& id, Problems& errors)
{
    ChecklistRules rules;
    rules.id = id;
    for (const auto& [key, node] : root)
        if (key != "questions" && key != "documents" && key != "fees" && key != "warnings" && key != "signs")
            errors.push_back(at(file, node) + "unknown key '" + std::string(key.str()) + "' in a checklist");
    AnswersOf answersOf;
    readQuestions(root, file, rules, answersOf, errors);
    checkSkips(rules, root, answersOf, file, errors);
    rules.documents = readItems(root, "documents", ItemKind::Document, answersOf, file, errors);
    rules.fees = readItems(root, "fees", ItemKind::Plain, answersOf, file, errors);
    rules.warnings = readItems(root, "warnings", ItemKind::Plain, answersOf, file, errors);
    rules.signs = readItems(root, "signs", ItemKind::Sign, answersOf, file, errors);
    // A checklist either lists what to prepare or looks for warning signs: one result screen each.
    if (!rules.signs.empty()) {
        rules.kind = ChecklistKind::Signs;
        for (const char* key : {"documents", "fees", "warnings"})
            if (const toml::node* node = root.get(key))
                errors.push_back(at(file, *node) +
                                 "a checklist has either [[signs]] (a sign checklist) or "
                                 "documents, fees and warnings (a document checklist), not both: '" +
                                 key + "' is in a checklist with [[signs]]");
    }
    return rules;
}

} // namespace kiosk::parsing
