// libFuzzer target: whatever bytes an editor leaves in a content file, the page, checklist-rules,
// checklist-words and sources parsers report problems and return; they never crash, hang or read out
// of bounds, and neither does reading the numbers a text states. The words are checked against the
// rules parsed from the same bytes, and against none. The same for the registry: its CSV and TOML,
// the import of a spreadsheet's CSV (any encoding), and the search, with the bytes as what a
// resident typed and as the list searched.
#include "core/content.hpp"
#include "core/registry_import.hpp"
#include "core/registry_search.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    kiosk::Problems errors;
    if (auto page = kiosk::parsePage(text, "fuzz.toml", "fuzz", errors))
        for (const auto& block : page->blocks)
            (void)block.text.size();
    errors.clear();
    if (auto rules = kiosk::parseChecklistRules(text, "fuzz.toml", "fuzz", errors)) {
        kiosk::Answers answers;
        while (const auto* q = rules->next(answers)) {
            if (q->answers.empty())
                break;
            answers[q->id] = q->answers.front();
        }
        (void)rules->documentsFor(answers);
        (void)rules->feesFor(answers);
        (void)rules->warningsFor(answers);
        kiosk::Problems warnings;
        (void)kiosk::parseChecklistWords(text, "fuzz.toml", &*rules, errors, warnings);
    }
    kiosk::Problems warnings;
    errors.clear();
    (void)kiosk::parseChecklistWords(text, "fuzz.toml", nullptr, errors, warnings);
    errors.clear();
    (void)kiosk::parseSources(text, "fuzz.toml", errors);
    (void)kiosk::statedNumbers(text);
    errors.clear();
    const auto companies = kiosk::parseRegistryCsv(text, "p3mi.csv", errors);
    (void)kiosk::parseRegistryInfo(text, "p3mi.toml", errors);
    const auto imported = kiosk::importRegistryCsv(text, "daftar.csv");
    static const kiosk::RegistryIndex fixed([] {
        std::vector<kiosk::Company> list(3);
        list[0].name = "PT Karya Mandiri Sejahtera";
        list[1].name = "CV S\xC3\xA9jahtera Bina";
        list[1].aliases = {"SB"};
        list[2].name = "PT Maju Jaya";
        return list;
    }());
    (void)fixed.search(text);
    const kiosk::RegistryIndex own(imported.companies.empty() ? companies : imported.companies);
    (void)own.search(text);
    (void)own.search("karya mandiri");
    return 0;
}
