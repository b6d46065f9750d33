// The guidance content: a page or a checklist's words in a language, with Indonesian standing in
// for a missing translation.
#include "core/content.hpp"

#include "core/dates.hpp"

#include <algorithm>

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

namespace {

std::vector<const Source*> lookUp(const Sources& sources, const std::vector<std::string>& ids)
{
    std::vector<const Source*> out;
    for (const std::string& id : ids) {
        const auto it = sources.find(id);
        if (it != sources.end() && std::find(out.begin(), out.end(), &it->second) == out.end())
            out.push_back(&it->second);
    }
    return out;
}

} // namespace

std::vector<const Source*> Content::citedBy(const Page& page) const
{
    std::vector<std::string> ids = page.sources;
    for (const Block& b : page.blocks)
        if (b.type == BlockType::Contact && !b.source.empty())
            ids.push_back(b.source);
    return lookUp(sources, ids);
}

std::vector<const Source*> Content::citedByText(const Page& page) const
{
    return lookUp(sources, page.sources);
}

std::vector<const Source*> Content::citedBy(const ChecklistText& words) const
{
    return lookUp(sources, words.sources);
}

std::vector<const Source*> Content::citedBy(const ChecklistRules::Item& sign) const
{
    return lookUp(sources, sign.sources);
}

ShownContact shownContact(const Block& contact, const LocalContacts& contacts)
{
    ShownContact shown{contact.number, contact.whatsapp, contact.hours, {}, !contact.number.empty()};
    if (contact.local.empty())
        return shown;
    const auto it = contacts.find(contact.local);
    const bool filled = it != contacts.end() && !it->second.number.empty();
    if (filled || contact.number.empty()) {
        // The office's own number (or none yet, when nothing is shipped).
        shown.number = it != contacts.end() ? it->second.number : std::string();
        shown.whatsapp = it != contacts.end() ? it->second.whatsapp : std::string();
        shown.shipped = false;
    }
    if (it != contacts.end()) {
        if (!it->second.hours.empty())
            shown.hours = it->second.hours;
        shown.address = it->second.address;
    }
    return shown;
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

std::vector<NumberToRecheck> numbersToRecheck(const Content& content, const LocalContacts& contacts,
                                              const std::string& today)
{
    std::vector<NumberToRecheck> out;
    for (const auto& [id, langs] : content.pages) {
        const auto& page = langs[langIndex(kDefaultLang)];
        if (!page)
            continue;
        for (const Block& b : page->blocks) {
            if (b.type != BlockType::Contact || b.source.empty())
                continue;
            const ShownContact shown = shownContact(b, contacts);
            const auto source = content.sources.find(b.source);
            if (!shown.shipped || source == content.sources.end() ||
                !olderThanYears(source->second.date, today, kRecheckAfterYears))
                continue;
            out.push_back({id, page->title, b.name, shown.number, source->second.date, b.local});
        }
    }
    return out;
}

ContentReview reviewContent(const Content& content, const LocalContacts& contacts, const std::string& today,
                            int registryMaxAgeDays)
{
    ContentReview review;
    review.today = today.substr(0, 10);
    review.recheck = numbersToRecheck(content, contacts, review.today);
    if (!content.registry.companies.empty())
        review.registryAgeDays = daysBetween(content.registry.info.taken, review.today);
    review.registryOld = review.registryAgeDays && *review.registryAgeDays > registryMaxAgeDays;
    return review;
}

} // namespace kiosk
