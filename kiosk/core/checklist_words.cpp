// Parsing a checklist's words in one language, and checking them against the checklist's rules.
#include "core/checklist_words.hpp"

#include "core/content_toml.hpp"

#include <algorithm>

namespace kiosk::parsing {

std::optional<ChecklistText> checklistWordsFromTable(const toml::table& root, const std::string& file,
                                                     const ChecklistRules* rules, bool reference,
                                                     Problems& errors, Problems& warnings)
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
