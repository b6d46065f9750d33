// Parsing a checklist's words in one language, and checking them against the checklist's rules.
#include "core/checklist_words.hpp"

#include "core/content_toml.hpp"

#include <algorithm>

namespace kiosk::parsing {

namespace {

// Calls `read` with the id and table of every [key.<id>] section of `root`; reports what is not one.
template <typename Read>
void forEachSection(const toml::table& root, const char* key, const std::string& file, Problems& errors,
                    Read read)
{
    const toml::node* node = root.get(key);
    if (!node)
        return;
    const auto* sections = node->as_table();
    if (!sections) {
        errors.push_back(at(file, *node) + "'" + key + "' should be [" + key + ".<id>] sections");
        return;
    }
    for (const auto& [id, entry] : *sections) {
        const auto* t = entry.as_table();
        if (!t) {
            errors.push_back(at(file, entry) + "[" + key + "." + std::string(id.str()) +
                             "] should be a section");
            continue;
        }
        read(std::string(id.str()), *t);
    }
}

ChecklistText::Question readQuestion(const toml::table& t, const std::string& id, const std::string& file,
                                     Problems& errors)
{
    Fields f(t, file, errors, "question '" + id + "'");
    ChecklistText::Question q;
    q.text = f.text("text", kMaxTitle, true);
    q.note = f.text("note", kMaxText, false);
    f.allow("answers");
    if (const auto* answers = t.get_as<toml::table>("answers")) {
        Fields labels(*answers, file, errors, "answers");
        for (const auto& [a, label] : *answers) {
            const std::string answer(a.str());
            q.answers[answer] = labels.text(answer.c_str(), kMaxLabel, true);
        }
    } else {
        errors.push_back(at(file, t) + "question '" + id + "' needs [questions." + id + ".answers]");
    }
    f.finish();
    return q;
}

ChecklistText::Document readDocument(const toml::table& t, const std::string& id, const std::string& file,
                                     Problems& errors)
{
    Fields f(t, file, errors, "document '" + id + "'");
    ChecklistText::Document d;
    d.name = f.text("name", kMaxLabel, true);
    d.explain = f.text("explain", 160, true);
    d.where = f.text("where", kMaxLabel + 12, true);
    f.finish();
    return d;
}

ChecklistText::Sign readSign(const toml::table& t, const std::string& id, const std::string& file,
                             Problems& errors)
{
    Fields f(t, file, errors, "sign '" + id + "'");
    ChecklistText::Sign sign;
    sign.name = f.text("name", kMaxTitle, true);
    sign.why = f.text("why", kMaxItem, true);
    f.finish();
    return sign;
}

// The one text of a fee or a warning (`what`), at most `maxLength` characters.
std::string readText(const toml::table& t, const std::string& what, std::size_t maxLength,
                     const std::string& file, Problems& errors)
{
    Fields f(t, file, errors, what);
    std::string text = f.text("text", maxLength, true);
    f.finish();
    return text;
}

// Every question and answer of the rules has words; every question and answer with words is in them.
void checkQuestionWords(const ChecklistText& text, const ChecklistRules& rules, const toml::table& root,
                        const std::string& file, Problems& errors, Problems& missing)
{
    for (const auto& q : rules.questions) {
        const auto it = text.questions.find(q.id);
        if (it == text.questions.end()) {
            missing.push_back(at(file, root) + "no words for the question '" + q.id + "'");
            continue;
        }
        for (const auto& a : q.answers)
            if (!it->second.answers.count(a))
                missing.push_back(at(file, root) + "no words for the answer '" + a + "' of '" + q.id + "'");
    }
    for (const auto& entry : text.questions) {
        const std::string& id = entry.first;
        const ChecklistText::Question& q = entry.second;
        const auto rq = std::find_if(rules.questions.begin(), rules.questions.end(),
                                     [&](const auto& x) { return x.id == id; });
        if (rq == rules.questions.end())
            errors.push_back(at(file, root) + "the question '" + id + "' is not in the checklist's rules");
        else
            for (const auto& [a, label] : q.answers)
                if (std::find(rq->answers.begin(), rq->answers.end(), a) == rq->answers.end())
                    errors.push_back(at(file, root) + "the question '" + id + "' has no answer '" + a +
                                     "' in the rules");
    }
}

// The same for documents, fees or warnings (`what`): `words` by item id.
template <typename Words>
void checkItemWords(const std::vector<ChecklistRules::Item>& items, const Words& words, const char* what,
                    const toml::table& root, const std::string& file, Problems& errors, Problems& missing)
{
    for (const auto& item : items)
        if (!words.count(item.id))
            missing.push_back(at(file, root) + "no words for the " + what + " '" + item.id + "'");
    for (const auto& entry : words) {
        const std::string& id = entry.first;
        if (std::none_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; }))
            errors.push_back(at(file, root) + "the " + what + " '" + id +
                             "' is not in the checklist's rules");
    }
}

} // namespace

std::optional<ChecklistText> checklistWordsFromTable(const toml::table& root, const std::string& file,
                                                     const ChecklistRules* rules, bool reference,
                                                     Problems& errors, Problems& warnings)
{
    ChecklistText text;
    Fields top(root, file, errors, "a checklist");
    text.title = top.text("title", kMaxTitle, true);
    text.sources = sourceIds(root, file, errors, top);
    for (const char* k : {"title", "sources"})
        if (const toml::node* node = root.get(k))
            text.lines[k] = node->source().begin.line;
    top.allow("verified");
    text.verified = dateOf(root, file, errors);
    for (const char* k : {"questions", "documents", "fees", "warnings", "signs"})
        top.allow(k);
    text.steps = top.list("steps", kMaxItems, kMaxItem, false);
    if (const toml::node* node = root.get("steps"))
        text.lines["steps"] = node->source().begin.line;
    top.finish();

    forEachSection(root, "questions", file, errors, [&](const std::string& id, const toml::table& t) {
        text.questions[id] = readQuestion(t, id, file, errors);
        text.lines["questions." + id] = t.source().begin.line;
    });
    forEachSection(root, "documents", file, errors, [&](const std::string& id, const toml::table& t) {
        text.documents[id] = readDocument(t, id, file, errors);
        text.lines["documents." + id] = t.source().begin.line;
    });
    forEachSection(root, "fees", file, errors, [&](const std::string& id, const toml::table& t) {
        text.fees[id] = readText(t, "fee '" + id + "'", kMaxItem, file, errors);
        text.lines["fees." + id] = t.source().begin.line;
    });
    forEachSection(root, "warnings", file, errors, [&](const std::string& id, const toml::table& t) {
        text.warnings[id] = readText(t, "warning '" + id + "'", kMaxText, file, errors);
        text.lines["warnings." + id] = t.source().begin.line;
    });
    forEachSection(root, "signs", file, errors, [&](const std::string& id, const toml::table& t) {
        text.signs[id] = readSign(t, id, file, errors);
        text.lines["signs." + id] = t.source().begin.line;
    });

    if (rules) {
        // Every id named by the rules has words here; every id here is named by the rules.
        Problems& missing = reference ? errors : warnings;
        checkQuestionWords(text, *rules, root, file, errors, missing);
        checkItemWords(rules->documents, text.documents, "document", root, file, errors, missing);
        checkItemWords(rules->fees, text.fees, "fee", root, file, errors, missing);
        checkItemWords(rules->warnings, text.warnings, "warning", root, file, errors, missing);
        checkItemWords(rules->signs, text.signs, "sign", root, file, errors, missing);
        // What to do next follows the signs found, or none: a sign checklist needs it, the other kind
        // has no place for it.
        if (rules->kind == ChecklistKind::Signs && text.steps.empty())
            missing.push_back(at(file, root) + "a sign checklist needs 'steps': what to do next");
        if (rules->kind == ChecklistKind::Documents && !text.steps.empty())
            errors.push_back(at(file, text.lines.at("steps")) +
                             "'steps' are for a checklist of [[signs]]; this one lists documents");
    }
    return text;
}

} // namespace kiosk::parsing

namespace kiosk {

std::optional<ChecklistText> parseChecklistWords(std::string_view text, const std::string& file,
                                                 const ChecklistRules* rules, Problems& errors,
                                                 Problems& warnings)
{
    const auto root = parsing::parseToml(text, file, errors);
    if (!root)
        return std::nullopt;
    return parsing::checklistWordsFromTable(*root, file, rules, true, errors, warnings);
}

} // namespace kiosk
