// The Basa Jawa glossary: its table in data/README.md read as office staff write it, and the
// search for the words it keeps off the screen.
#include "core/glossary.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <optional>

namespace kiosk {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

// The cells of a table row "| a | b |" (without the outer bars); nullopt when it is no row.
std::optional<std::vector<std::string>> cells(std::string_view line)
{
    line = trim(line);
    if (line.size() < 2 || line.front() != '|')
        return std::nullopt;
    line.remove_prefix(1);
    if (line.back() == '|')
        line.remove_suffix(1);
    std::vector<std::string> out;
    for (;;) {
        const auto bar = line.find('|');
        out.emplace_back(trim(line.substr(0, bar)));
        if (bar == std::string_view::npos)
            return out;
        line.remove_prefix(bar + 1);
    }
}

// A cell's text for people: no *emphasis*, _emphasis_ or `code` marks, spaces trimmed.
std::string plain(std::string_view cell)
{
    std::string out;
    for (char c : cell)
        if (c != '*' && c != '_' && c != '`')
            out += c;
    return std::string(trim(out));
}

// The words of a "not used" cell: separated by commas, (remarks) left out, "—" for none.
std::vector<std::string> words(std::string_view cell)
{
    std::string text;
    int depth = 0;
    for (char c : plain(cell)) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            text += c;
    }
    std::vector<std::string> out;
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string word;
        for (char c : trim(rest.substr(0, comma))) // one space between the words of a phrase
            if (!isSpace(c) || (!word.empty() && word.back() != ' '))
                word += isSpace(c) ? ' ' : lower(c);
        if (!word.empty() && word != "-" && word != "—" && word != "–")
            out.push_back(word);
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

struct Columns {
    int term = -1, krama = -1, ngoko = -1, spelling = -1, indonesian = -1;
    [[nodiscard]] bool found() const { return krama >= 0 && ngoko >= 0; }
};

// Which column is which, from the header's words.
Columns columnsOf(const std::vector<std::string>& header)
{
    Columns c;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = lowered(header[i]);
        const int index = static_cast<int>(i);
        if (h.find("ngoko") != std::string::npos)
            c.ngoko = index;
        else if (h.find("spelling") != std::string::npos)
            c.spelling = index;
        else if (h.find("krama") != std::string::npos && c.krama < 0)
            c.krama = index;
        else if (h.find("indonesian") != std::string::npos)
            c.indonesian = index;
        else if (h.find("bahasa indonesia") != std::string::npos)
            c.term = index;
    }
    return c;
}

// Whether the code point that ends just before `pos` (or starts at `pos`) is part of a word.
bool letterBefore(std::string_view text, std::size_t pos)
{
    if (pos == 0)
        return false;
    const auto d = decodeUtf8(text, previousBoundary(text, pos));
    return d && (isLetter(d->cp) || (d->cp >= '0' && d->cp <= '9'));
}

bool letterAt(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return false;
    const auto d = decodeUtf8(text, pos);
    return d && (isLetter(d->cp) || (d->cp >= '0' && d->cp <= '9'));
}

// The length of `words` found at `pos` of `text` (any case, any run of spaces where it has one),
// or 0.
std::size_t matchAt(std::string_view text, std::size_t pos, std::string_view words)
{
    std::size_t i = pos;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w] == ' ') {
            if (i >= text.size() || !isSpace(text[i]))
                return 0;
            while (i < text.size() && isSpace(text[i]))
                ++i;
        } else {
            if (i >= text.size() || lower(text[i]) != words[w])
                return 0;
            ++i;
        }
    }
    return i - pos;
}

std::string message(std::string_view found, const Glossary::Avoid& a, const std::string& glossaryFile)
{
    std::string m = "'" + std::string(found) + "' ";
    const std::string use = a.use.empty() ? "" : "'" + a.use + "'";
    switch (a.kind) {
    case Glossary::Kind::Ngoko:
        m += "is ngoko" + (use.empty() ? std::string() : "; use krama: " + use);
        break;
    case Glossary::Kind::Spelling:
        m += "is not the glossary's spelling" + (use.empty() ? std::string() : ": " + use);
        break;
    case Glossary::Kind::Indonesian:
        m += "is Indonesian, not Javanese" + (use.empty() ? std::string() : "; use " + use);
        break;
    case Glossary::Kind::Keep: break; // never reported
    }
    return m + " (glossary in " + glossaryFile + ")";
}

void walk(const Glossary& glossary, const toml::node& node, const std::string& file, Problems& warnings)
{
    if (const auto* table = node.as_table()) {
        for (const auto& [key, value] : *table)
            if (key.str() != "sources" && key.str() != "source") // ids of sources.toml, not words
                walk(glossary, value, file, warnings);
    } else if (const auto* array = node.as_array()) {
        for (const auto& value : *array)
            walk(glossary, value, file, warnings);
    } else if (const auto* str = node.as_string()) {
        const std::string& text = str->get();
        for (const GlossaryHit& hit : findAvoided(glossary, text)) {
            // Counted back from where the text ends, so that a text over several lines, whose
            // first line break after """ is not part of it, still names the word's own line.
            const auto after = static_cast<std::size_t>(
                std::count(text.begin() + static_cast<std::ptrdiff_t>(hit.offset), text.end(), '\n'));
            const std::size_t end = node.source().end.line;
            const std::size_t line =
                std::max<std::size_t>(node.source().begin.line, end - std::min(end, after));
            warnings.push_back(
                file + ":" + std::to_string(line) + ": " +
                message(std::string_view(text).substr(hit.offset, hit.length), *hit.avoid, glossary.file));
        }
    }
}

} // namespace

Glossary parseGlossary(std::string_view markdown, const std::string& file, Problems& warnings)
{
    Glossary g;
    g.file = file.substr(file.find_last_of('/') + 1); // npos + 1 == 0: the whole name
    std::size_t lineNo = 0;
    std::optional<std::vector<std::string>> header;
    Columns columns;
    bool inGlossary = false;
    while (!markdown.empty()) {
        const auto nl = markdown.find('\n');
        const std::string_view line = markdown.substr(0, nl);
        markdown.remove_prefix(nl == std::string_view::npos ? markdown.size() : nl + 1);
        ++lineNo;
        const auto row = cells(line);
        if (!row) {
            header.reset();
            if (inGlossary)
                break; // the first such table is the glossary
            continue;
        }
        if (!header) { // a table starts with its header, then a row of dashes
            header = *row;
            columns = columnsOf(*row);
            inGlossary = columns.found();
            continue;
        }
        if (!inGlossary || (row->size() > 0 && (*row)[0].find("---") != std::string::npos))
            continue;
        if (row->size() != header->size()) {
            warnings.push_back(file + ":" + std::to_string(lineNo) +
                               ": this row of the Basa Jawa glossary has " + std::to_string(row->size()) +
                               " cells; its header has " + std::to_string(header->size()));
            continue;
        }
        const std::string use = plain((*row)[static_cast<std::size_t>(columns.krama)]);
        const auto add = [&](int column, Glossary::Kind kind) {
            if (column >= 0)
                for (auto& w : words((*row)[static_cast<std::size_t>(column)]))
                    g.avoid.push_back({std::move(w), kind, use});
        };
        add(columns.ngoko, Glossary::Kind::Ngoko);
        add(columns.spelling, Glossary::Kind::Spelling);
        add(columns.indonesian, Glossary::Kind::Indonesian);
        if (lowered(use).rfind("the same", 0) == 0)
            add(columns.term, Glossary::Kind::Keep);
    }
    for (std::size_t i = 0; i < g.avoid.size(); ++i)
        g.byFirstByte[static_cast<unsigned char>(g.avoid[i].words.front())].push_back(i);
    return g;
}

std::vector<GlossaryHit> findAvoided(const Glossary& glossary, std::string_view text)
{
    std::vector<GlossaryHit> hits;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const auto& candidates = glossary.byFirstByte[static_cast<unsigned char>(lower(text[pos]))];
        if (candidates.empty() || letterBefore(text, pos) || !letterAt(text, pos))
            continue; // only where a word starts that some word of the glossary starts like
        GlossaryHit best;
        for (const std::size_t i : candidates) {
            const Glossary::Avoid& a = glossary.avoid[i];
            const std::size_t n = matchAt(text, pos, a.words);
            if (n > best.length && !letterAt(text, pos + n))
                best = {pos, n, &a};
        }
        if (best.avoid) {
            if (best.avoid->kind != Glossary::Kind::Keep)
                hits.push_back(best);
            pos += best.length - 1; // overlapping words: the longer one only
        }
    }
    return hits;
}

void checkGlossary(const Glossary& glossary, const toml::table& root, const std::string& file,
                   Problems& warnings)
{
    if (glossary.empty())
        return;
    Problems found;
    walk(glossary, root, file, found);
    // In the order of the file's lines (a table's keys are read in their alphabetical order).
    const auto lineOf = [&](const std::string& p) { return std::stoul(p.substr(file.size() + 1)); };
    std::stable_sort(found.begin(), found.end(),
                     [&](const std::string& x, const std::string& y) { return lineOf(x) < lineOf(y); });
    warnings.insert(warnings.end(), found.begin(), found.end());
}

} // namespace kiosk
