// The company search's typing, and the words of its results.
#include "core/company_search.hpp"

#include "core/dates.hpp"
#include "core/text.hpp"

namespace kiosk {

KeyResult CompanySearch::key(Key key)
{
    notice.clear();
    switch (key) {
    case Key::Shift: shift = !shift; return KeyResult::Typed;
    case Key::Done:
    case Key::Next: typing = false; return KeyResult::Typed;
    case Key::Backspace: chosen.clear(); return eraseBeforeCaret(query);
    case Key::Newline: return KeyResult::Ignored;
    default: break;
    }
    const auto text = FormState::keyText(key, shift);
    if (!text)
        return KeyResult::Ignored;
    shift = false;
    chosen.clear();
    return insertText(query, *text, kCompanyQueryMax, false, notice);
}

std::string registryDate(const Registry& registry, Lang lang)
{
    return formatDate(registry.info.taken, lang);
}

CompanyWords companyWords(const Company& company, const Registry& registry, const Strings& strings, Lang lang)
{
    CompanyWords words;
    words.listed =
        withValues(strings.get(lang, "registry.result.listed"), {{"{date}", registryDate(registry, lang)}});
    const std::string key = std::string("registry.status.") + companyStatusWord(company.status);
    words.status = withValues(strings.get(lang, key), {{"{date}", formatDate(company.statusDate, lang)}});
    return words;
}

std::string notFoundWords(const Registry& registry, const Strings& strings, Lang lang)
{
    return withValues(strings.get(lang, "registry.result.not_found"),
                      {{"{date}", registryDate(registry, lang)}});
}

std::string companyNote(const CompanySearch& search, const Registry& registry, const RegistryIndex& index,
                        const Strings& strings, Lang lang)
{
    const std::string typed = normaliseName(search.query.text);
    if (!search.chosen.empty()) {
        for (const Company& c : registry.companies)
            if (c.name == search.chosen) {
                const CompanyWords words = companyWords(c, registry, strings, lang);
                return withValues(
                    strings.get(lang, "registry.note.chosen"),
                    {{"{name}", c.name}, {"{listed}", words.listed}, {"{status}", words.status}});
            }
    }
    if (typed.empty())
        return {};
    if (registry.companies.empty())
        return withValues(strings.get(lang, "registry.note.no_list"), {{"{typed}", typed}});
    const bool found = !index.search(typed, 1).empty();
    return withValues(strings.get(lang, found ? "registry.note.typed" : "registry.note.not_found"),
                      {{"{typed}", typed}, {"{date}", registryDate(registry, lang)}});
}

} // namespace kiosk
