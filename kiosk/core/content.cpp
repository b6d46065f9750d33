// The guidance content: a page or a checklist's words in a language, with Indonesian standing in
// for a missing translation.
#include "core/content.hpp"

namespace kiosk {

const Page* Content::page(const std::string& id, Lang lang) const
{
    const auto it = pages.find(id);
    if (it == pages.end())
        return nullptr;
    if (it->second[langIndex(lang)])
        return &*it->second[langIndex(lang)];
    return it->second[langIndex(kDefaultLang)] ? &*it->second[langIndex(kDefaultLang)] : nullptr;
}

const ChecklistText* Content::checklistText(const std::string& id, Lang lang) const
{
    const auto it = checklistTexts.find(id);
    if (it == checklistTexts.end())
        return nullptr;
    if (it->second[langIndex(lang)])
        return &*it->second[langIndex(lang)];
    return it->second[langIndex(kDefaultLang)] ? &*it->second[langIndex(kDefaultLang)] : nullptr;
}

std::string ChecklistText::documentName(const std::string& id) const
{
    const auto it = documents.find(id);
    return it != documents.end() ? it->second.name : id;
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

} // namespace kiosk
