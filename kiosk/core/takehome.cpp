// The take-home texts of pages and checklist results.
#include "core/takehome.hpp"

#include "core/dates.hpp"

namespace kiosk {
namespace {

// The first line: whose kiosk this is, and what the text is about.
std::string heading(const Strings& strings, Lang lang, const std::string& title)
{
    return strings.get(lang, "header.programme") + ": " + title + "\n";
}

// Where the facts come from, by the sources' short names, and the date they were checked.
std::string sourceAndDate(const Strings& strings, Lang lang, const std::vector<const Source*>& cited,
                          const std::string& verified)
{
    std::string names;
    for (const Source* s : cited)
        names += (names.empty() ? "" : "; ") + (s->shortName.empty() ? s->title : s->shortName);
    return "\n" + strings.get(lang, "page.source") + ": " + names + "\n" +
           strings.get(lang, "page.verified") + ": " + formatDate(verified, lang);
}

// "Polisi: 110, WA 0811-..." for each contact block with a number (a local one as filled in).
std::string numbers(const Page& page, const LocalContacts& contacts)
{
    std::string out;
    for (const Block& b : page.blocks) {
        if (b.type != BlockType::Contact)
            continue;
        const ShownContact shown = shownContact(b, contacts);
        if (shown.number.empty())
            continue;
        out += b.name + ": " + shown.number + (shown.whatsapp.empty() ? "" : ", WA " + shown.whatsapp) + "\n";
    }
    return out;
}

} // namespace

std::string pageTakeHome(const Page& page, const Content& content, Lang lang, const LocalContacts& contacts)
{
    const Strings& strings = content.strings;
    const std::string calls = numbers(page, contacts);
    if (page.takehome.empty() && calls.empty())
        return {};
    std::string text = heading(strings, lang, page.title);
    if (!page.takehome.empty())
        text += page.takehome + "\n";
    if (!calls.empty())
        text += (page.takehome.empty() ? "" : "\n") + calls;
    return text + sourceAndDate(strings, lang, content.citedByText(page), page.verified);
}

std::string checklistTakeHome(const ChecklistRules& rules, const ChecklistText& words, const Answers& answers,
                              const std::set<std::string>& have, const Content& content, Lang lang)
{
    const Strings& strings = content.strings;
    std::string text = heading(strings, lang, words.title);
    for (const auto* w : rules.warningsFor(answers)) {
        const auto it = words.warnings.find(w->id);
        text += strings.get(lang, "checklist.warning") + ": " +
                (it != words.warnings.end() ? it->second : w->id) + "\n";
    }
    // What is still to prepare, as the summary on the screen: the documents that are not optional
    // and not ticked. Where to get each, and what the resident has, stay on the screen: no room.
    std::string needed;
    for (const auto* d : rules.documentsFor(answers))
        if (!d->optional && !have.count(d->id))
            needed += "- " + words.documentName(d->id) + "\n";
    if (needed.empty())
        text += strings.get(lang, "checklist.all_ready") + "\n";
    else
        text += "\n" + strings.get(lang, "checklist.still_needed") + ":\n" + needed;
    const auto fees = rules.feesFor(answers);
    if (!fees.empty())
        text += "\n" + strings.get(lang, "checklist.fees") + ":\n";
    for (const auto* fee : fees) {
        const auto it = words.fees.find(fee->id);
        text += "- " + (it != words.fees.end() ? it->second : fee->id) + "\n";
    }
    return text + sourceAndDate(strings, lang, content.citedBy(words), words.verified);
}

std::string takeHomeText(const Content& content, const LocalContacts& contacts, const Route& from,
                         const ChecklistProgress& progress, Lang lang)
{
    if (from.kind == ScreenKind::Page) {
        const Page* page = content.page(from.id, lang);
        return page ? pageTakeHome(*page, content, lang, contacts) : std::string();
    }
    const ChecklistRules* rules = content.checklist(from.id);
    const ChecklistText* words = content.checklistText(from.id, lang);
    if (from.kind != ScreenKind::Checklist || !rules || !words || rules->next(progress.asMap()))
        return {};
    return checklistTakeHome(*rules, *words, progress.asMap(), progress.have, content, lang);
}

bool offeredToTakeHome(const std::string& text)
{
    return !text.empty() && text.size() <= kTakeHomeMaxBytes;
}

std::vector<Answers> everyAnswerSet(const ChecklistRules& rules)
{
    std::vector<Answers> done;
    std::vector<Answers> open{Answers{}};
    while (!open.empty()) {
        Answers answers = std::move(open.back());
        open.pop_back();
        const ChecklistRules::Question* q = rules.next(answers);
        if (!q) {
            done.push_back(std::move(answers));
            continue;
        }
        for (const std::string& a : q->answers) {
            Answers next = answers;
            next[q->id] = a;
            open.push_back(std::move(next));
        }
    }
    return done;
}

} // namespace kiosk
