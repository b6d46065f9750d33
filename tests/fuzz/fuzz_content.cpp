// libFuzzer target: whatever bytes an editor leaves in a content file, the page, checklist-rules,
// checklist-words and sources parsers report problems and return; they never crash, hang or read out
// of bounds, and neither does reading the numbers a text states. The words are checked against the
// rules parsed from the same bytes, and against none.
#include "core/content.hpp"

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
    return 0;
}
