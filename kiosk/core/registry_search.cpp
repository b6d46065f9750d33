// The registry's search: an index of the names' words (sorted, for word starts) and of their
// trigrams (for typos), built once; per keystroke, the words near each typed word, then the names
// that have them, scored and sorted.
#include "core/registry_search.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace kiosk {
namespace {

constexpr std::size_t kMaxWordBytes = 32;
constexpr std::size_t kMaxWords = 12;
constexpr std::size_t kMaxTypedBytes = 120;
// Words looked at per typed word that starts them ("a" starts thousands): enough for any screen.
constexpr std::size_t kMaxPrefixWords = 4000;
// The share of the typed words (weighted by length) a name must match to be shown.
constexpr double kMinScore = 0.6;

// Latin-1's letters with diacritics (U+00C0..U+00FF), folded to a-z; 0 where it is no letter.
constexpr char kLatin1[64] = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
                              'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   's',
                              'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
                              'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};

// `name` as lower-case a-z, 0-9 and spaces: diacritics folded, apostrophes dropped, everything
// else a space.
std::string folded(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(c);
        else if (c == '\'' || c == '`')
            continue;
        else if (c == 0xC3 && i + 1 < name.size() &&
                 (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) {
            const char f = kLatin1[static_cast<unsigned char>(name[i + 1]) - 0x80];
            out += f ? f : ' ';
            ++i;
        } else if (c == 0xE2 && name.substr(i, 3) == "\xE2\x80\x99") { // ’
            i += 2;
        } else if (c >= 0x80) { // another character: skip its continuation bytes
            while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80)
                ++i;
            out += ' ';
        } else {
            out += ' ';
        }
    }
    return out;
}

bool legalForm(const std::string& word)
{
    return word == "pt" || word == "cv" || word == "tbk" || word == "persero";
}

// Optimal string alignment distance (a swap of two letters is one edit), or max + 1 when more.
int distance(std::string_view a, std::string_view b, int max)
{
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > max)
        return max + 1;
    std::array<std::array<int, kMaxWordBytes + 1>, 3> rows{}; // i-2, i-1, i
    for (int j = 0; j <= m; ++j)
        rows[1][j] = j;
    for (int i = 1; i <= n; ++i) {
        auto& cur = rows[(i + 1) % 3];
        const auto& prev = rows[i % 3];
        const auto& prev2 = rows[(i + 2) % 3];
        cur[0] = i;
        int best = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, prev2[j - 2] + 1);
            cur[j] = d;
            best = std::min(best, d);
        }
        if (best > max)
            return max + 1;
    }
    return rows[(n + 1) % 3][m];
}

int allowedEdits(std::size_t length)
{
    return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

// How well the typed word `q` stands for the name's word `w`: 1 the same, less for a word start
// or a word with a letter or two wrong, 0 not at all. `last`: the word still being typed.
double similarity(const std::string& q, const std::string& w, bool last)
{
    if (q == w)
        return 1.0;
    const double lengthShare = static_cast<double>(q.size()) / static_cast<double>(w.size());
    if (w.size() > q.size() && w.compare(0, q.size(), q) == 0 && (last || q.size() >= 3))
        return (last ? 0.7 : 0.6) + 0.3 * lengthShare;
    const int max = allowedEdits(q.size());
    if (max == 0)
        return 0;
    const int d = distance(q, w, max);
    if (d <= max)
        return d == 1 ? 0.85 : 0.7;
    if (last && w.size() > q.size() && distance(q, std::string_view(w).substr(0, q.size()), max) <= max)
        return 0.6;
    return 0;
}

constexpr std::uint32_t kAlphabet = 37; // ' ', a-z, 0-9

std::uint32_t code(char c)
{
    return c == ' '   ? 0
           : c >= 'a' ? static_cast<std::uint32_t>(c - 'a' + 1)
                      : static_cast<std::uint32_t>(c - '0' + 27);
}

// The trigrams of " word ", as keys below kAlphabet^3.
std::vector<std::uint32_t> trigrams(const std::string& word)
{
    const std::string padded = " " + word + " ";
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i + 2 < padded.size(); ++i)
        out.push_back((code(padded[i]) * kAlphabet + code(padded[i + 1])) * kAlphabet + code(padded[i + 2]));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

std::vector<std::string> nameWords(std::string_view name)
{
    const std::string text = folded(name.substr(0, std::min(name.size(), std::size_t{4096})));
    std::vector<std::string> words;
    std::size_t from = 0;
    while (from < text.size()) {
        const auto start = text.find_first_not_of(' ', from);
        if (start == std::string::npos)
            break;
        const auto end = std::min(text.find(' ', start), text.size());
        words.push_back(text.substr(start, std::min(end - start, kMaxWordBytes)));
        from = end;
    }
    // "p t" (from P.T.) is "pt", "c v" is "cv": runs of one-letter words joined.
    std::vector<std::string> joined;
    bool letters = false; // the last word joined is one-letter words so far
    for (auto& word : words) {
        const bool oneLetter = word.size() == 1 && word[0] >= 'a';
        if (oneLetter && letters && joined.back().size() < kMaxWordBytes) {
            joined.back() += word;
        } else {
            joined.push_back(std::move(word));
            letters = oneLetter;
        }
    }
    std::vector<std::string> out;
    for (auto& word : joined)
        if (!legalForm(word) && out.size() < kMaxWords)
            out.push_back(std::move(word));
    if (out.empty()) // a name that is only a legal form ("PT") keeps it
        for (auto& word : joined)
            if (out.size() < kMaxWords)
                out.push_back(std::move(word));
    return out;
}

std::string normalisedName(std::string_view name)
{
    std::string out;
    for (const auto& word : nameWords(name))
        out += (out.empty() ? "" : " ") + word;
    return out;
}

RegistryIndex::RegistryIndex(const std::vector<Company>& companies)
{
    // Every name's words, then the sorted vocabulary, then postings and trigrams by word id.
    std::vector<std::vector<std::string>> entryWords;
    for (std::size_t c = 0; c < companies.size(); ++c) {
        m_sortKey.push_back(normalisedName(companies[c].name) + '\t' + companies[c].licence);
        for (std::size_t n = 0; n <= companies[c].aliases.size(); ++n) {
            auto words = nameWords(n == 0 ? companies[c].name : companies[c].aliases[n - 1]);
            if (words.empty())
                continue;
            m_entries.push_back({static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(n), {}});
            entryWords.push_back(std::move(words));
        }
    }
    for (const auto& words : entryWords)
        m_words.insert(m_words.end(), words.begin(), words.end());
    std::sort(m_words.begin(), m_words.end());
    m_words.erase(std::unique(m_words.begin(), m_words.end()), m_words.end());
    m_postings.resize(m_words.size());
    for (std::size_t e = 0; e < m_entries.size(); ++e)
        for (const auto& word : entryWords[e]) {
            const auto id = static_cast<std::uint32_t>(
                std::lower_bound(m_words.begin(), m_words.end(), word) - m_words.begin());
            m_entries[e].words.push_back(id);
            if (m_postings[id].empty() || m_postings[id].back() != e)
                m_postings[id].push_back(static_cast<std::uint32_t>(e));
        }
    constexpr std::uint32_t kKeys = kAlphabet * kAlphabet * kAlphabet;
    std::vector<std::vector<std::uint32_t>> keyWords(kKeys);
    m_trigramStart.assign(kKeys + 1, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs; // (key, word)
    for (std::uint32_t w = 0; w < m_words.size(); ++w)
        for (const auto key : trigrams(m_words[w]))
            pairs.emplace_back(key, w);
    std::sort(pairs.begin(), pairs.end());
    for (const auto& pair : pairs)
        ++m_trigramStart[pair.first + 1];
    std::partial_sum(m_trigramStart.begin(), m_trigramStart.end(), m_trigramStart.begin());
    m_trigramWords.reserve(pairs.size());
    for (const auto& pair : pairs)
        m_trigramWords.push_back(pair.second);
}

bool RegistryIndex::wholeNameIn(const Entry& entry, const std::vector<std::string>& query) const
{
    // The name's words one after the other, in its order, somewhere among the typed words.
    const std::size_t n = entry.words.size();
    for (std::size_t start = 0; start + n <= query.size(); ++start) {
        std::size_t k = 0;
        while (k < n && similarity(query[start + k], m_words[entry.words[k]], false) >= 0.85)
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

std::vector<RegistryMatch> RegistryIndex::search(std::string_view typed, std::size_t limit) const
{
    typed = typed.substr(0, std::min(typed.size(), kMaxTypedBytes));
    const std::vector<std::string> query = nameWords(typed);
    if (query.empty() || m_entries.empty() || limit == 0)
        return {};
    const bool endsInWord = !typed.empty() && folded(typed.substr(typed.size() - 1)) != " ";
    const std::size_t nq = query.size();
    std::vector<float> best(m_entries.size() * nq, 0.0F);
    std::vector<std::uint32_t> touched;
    std::vector<char> seen(m_entries.size(), 0);
    std::vector<std::uint16_t> shared(m_words.size(), 0);
    double totalWeight = 0, shortWeight = 0;
    for (const auto& q : query) {
        totalWeight += static_cast<double>(q.size());
        shortWeight += q.size() <= 2 ? static_cast<double>(q.size()) : 0.0;
    }
    // Words of one or two letters ("mentari s", still typing) start thousands of words. When they
    // weigh too little to make a match on their own, they only score the names the longer words
    // found: the longer words first, then those.
    const bool shortOnlyScore = shortWeight > 0 && shortWeight < kMinScore * totalWeight;
    std::vector<std::size_t> order(nq);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&query](std::size_t a, std::size_t b) { return query[a].size() > query[b].size(); });
    for (const std::size_t qi : order) {
        const std::string& q = query[qi];
        const bool last = qi + 1 == nq && endsInWord;
        const bool addsNames = !(shortOnlyScore && q.size() <= 2);
        // The words this one may stand for: those it starts, and those sharing enough trigrams.
        std::vector<std::uint32_t> candidates;
        auto it = std::lower_bound(m_words.begin(), m_words.end(), q);
        for (std::size_t n = 0;
             it != m_words.end() && it->compare(0, q.size(), q) == 0 && n < kMaxPrefixWords; ++it, ++n)
            candidates.push_back(static_cast<std::uint32_t>(it - m_words.begin()));
        if (q.size() >= 3) {
            const auto keys = trigrams(q);
            const int need = std::max(1, static_cast<int>(keys.size()) - 3 * allowedEdits(q.size()));
            std::vector<std::uint32_t> hits;
            for (const auto key : keys)
                for (auto i = m_trigramStart[key]; i < m_trigramStart[key + 1]; ++i)
                    if (++shared[m_trigramWords[i]] == need)
                        candidates.push_back(m_trigramWords[i]);
            for (const auto key : keys)
                for (auto i = m_trigramStart[key]; i < m_trigramStart[key + 1]; ++i)
                    shared[m_trigramWords[i]] = 0;
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (const auto w : candidates) {
            const auto sim = static_cast<float>(similarity(q, m_words[w], last));
            if (sim <= 0)
                continue;
            for (const auto e : m_postings[w]) {
                if (!seen[e]) {
                    if (!addsNames)
                        continue;
                    seen[e] = 1;
                    touched.push_back(e);
                }
                float& b = best[e * nq + qi];
                b = std::max(b, sim);
            }
        }
    }
    // Per company its best name.
    std::vector<RegistryMatch> found;
    std::vector<std::int32_t> slot(touched.empty() ? 0 : m_sortKey.size(), -1);
    for (const auto e : touched) {
        double sum = 0;
        std::size_t matched = 0;
        for (std::size_t qi = 0; qi < nq; ++qi) {
            sum += best[e * nq + qi] * static_cast<double>(query[qi].size());
            matched += best[e * nq + qi] > 0 ? 1 : 0;
        }
        const Entry& entry = m_entries[e];
        const double share = sum / totalWeight;
        const double cover =
            std::min(1.0, static_cast<double>(matched) / static_cast<double>(entry.words.size()));
        double score = 0.85 * share + 0.15 * cover;
        // Long input ("PT Maju Jaya, Jl. Raya Solo 12, Sragen") holds a whole name among other words.
        if (share < kMinScore && (entry.words.size() < 2 || !wholeNameIn(entry, query)))
            continue;
        score = std::max(score, 0.85 * kMinScore);
        auto& s = slot[entry.company];
        if (s < 0) {
            s = static_cast<std::int32_t>(found.size());
            found.push_back({entry.company, entry.name, score});
        } else if (score > found[s].score) {
            found[s].name = entry.name;
            found[s].score = score;
        }
    }
    const auto better = [this](const RegistryMatch& a, const RegistryMatch& b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (m_sortKey[a.company] != m_sortKey[b.company])
            return m_sortKey[a.company] < m_sortKey[b.company];
        return a.company < b.company;
    };
    const std::size_t n = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), better);
    found.resize(n);
    return found;
}

} // namespace kiosk
