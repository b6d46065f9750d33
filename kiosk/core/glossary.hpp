// The Basa Jawa glossary of data/README.md, read from its table, and the check that warns when a
// Javanese text uses a word the glossary says does not belong on the screen (ngoko, another
// spelling, an Indonesian word where a Javanese one exists).
#pragma once

#include "core/problems.hpp"

#include <toml++/toml.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Glossary {
    // Why a word is not used on the screen, and so what the warning says; or, Keep, a term that
    // stays as it is (an official name), whose words are never reported.
    enum class Kind { Ngoko, Spelling, Indonesian, Keep };
    struct Avoid {
        std::string words; // lower case, one space between words ("dodolan uwong")
        Kind kind = Kind::Ngoko;
        std::string use; // the glossary's word instead, as its krama column writes it
    };
    std::vector<Avoid> avoid;
    // The indices into `avoid` of the words that start with each byte: the check looks only at those.
    std::array<std::vector<std::size_t>, 256> byFirstByte;
    std::string file; // the file it was read from, without its folder ("README.md"), for the warnings

    [[nodiscard]] bool empty() const { return avoid.empty(); }
};

// The glossary in `markdown`: the table whose header names a krama column and a ngoko column. Its
// columns, found by their headings: "krama" (the word to use), "ngoko" (forms not shown), "other
// spellings" (not used), "Indonesian" (Indonesian words not used in Javanese); others (the
// Indonesian term, notes) are for people, except that a row whose krama column says "the same"
// keeps the terms of its "Bahasa Indonesia" column as they are (official names). Words in a cell are
// separated by commas; *emphasis* and (remarks) are left out. No such table: an empty glossary. A row with
// the wrong number of cells is a problem in `warnings`, at its line in `file`.
[[nodiscard]] Glossary parseGlossary(std::string_view markdown, const std::string& file, Problems& warnings);

struct GlossaryHit {
    std::size_t offset = 0; // in bytes, in the text searched
    std::size_t length = 0;
    const Glossary::Avoid* avoid = nullptr;
};
// Every word of the glossary's "not used" columns in `text`: whole words, any case, any spaces
// between the words of a phrase; where two overlap, the longer one, and none inside a term that
// stays as it is ("dan" in "Kementerian Imigrasi dan Pemasyarakatan").
[[nodiscard]] std::vector<GlossaryHit> findAvoided(const Glossary& glossary, std::string_view text);

// One warning per word found in any text of `root` (a Javanese ui.toml, page or checklist file; not
// in a `source`, a citation quoted as published), as
// "FILE:LINE: 'Gawanen' is ngoko; use krama: 'Mangga dipun bekta' (glossary in README.md)", with
// the line of the word itself, also inside text over several lines.
void checkGlossary(const Glossary& glossary, const toml::table& root, const std::string& file,
                   Problems& warnings);

} // namespace kiosk
