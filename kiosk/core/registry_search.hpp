// Finding a company in the registry from what a resident typed on the on-screen keyboard, as they
// really type it: without "PT"/"CV", with or without dots, commas and spaces, in any case, with
// diacritics or not, a letter or two wrong or missing, the words in another order, the last word
// still being typed. An unrelated name does not match. Built once when the registry is loaded;
// each keystroke then looks only at the companies that share a word start or a trigram with it.
#pragma once

#include "core/registry.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The words of a company name as the search compares them: lower case, diacritics folded (é → e),
// dots, commas and other punctuation parting words ("P.T." and "C.V." joined back into one word),
// legal forms (PT, CV, Tbk, Persero) left out. Each word at most 32 bytes, at most 12 words.
[[nodiscard]] std::vector<std::string> nameWords(std::string_view name);
// The words joined by one space: two names the same here are the same name.
[[nodiscard]] std::string normalisedName(std::string_view name);

struct RegistryMatch {
    std::size_t company = 0; // index in Registry::companies
    std::size_t name = 0;    // 0: the registered name, n: the alias n-1 that matched best
    double score = 0;        // 0..1, higher is better
};

class RegistryIndex {
public:
    RegistryIndex() = default;
    explicit RegistryIndex(const std::vector<Company>& companies);

    // The best matches for `typed`, best first, at most `limit`; ties in the registered name's
    // alphabetical order, so the same input always gives the same list. Nothing for input without
    // letters or digits; input beyond 120 bytes is cut there.
    [[nodiscard]] std::vector<RegistryMatch> search(std::string_view typed, std::size_t limit = 8) const;

    [[nodiscard]] std::size_t names() const { return m_entries.size(); }

private:
    struct Entry {
        std::uint32_t company = 0;
        std::uint32_t name = 0;
        std::vector<std::uint32_t> words; // into m_words
    };
    // Whether the entry's name, word by word in its order, is among the typed words (a letter or two
    // wrong at most): a name typed with its address or more.
    [[nodiscard]] bool wholeNameIn(const Entry& entry, const std::vector<std::string>& query) const;

    std::vector<Entry> m_entries;
    std::vector<std::string> m_words;                   // every distinct word, sorted
    std::vector<std::vector<std::uint32_t>> m_postings; // per word: the entries that have it
    std::vector<std::uint32_t> m_trigramStart;          // per trigram key + 1: where its words begin
    std::vector<std::uint32_t> m_trigramWords;          // word ids, grouped by trigram
    std::vector<std::string> m_sortKey;                 // per company: normalised name, for ties
};

} // namespace kiosk
