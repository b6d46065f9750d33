// The sources of the facts: reading data/sources.toml, the numbers a text states, and a source as
// the screen shows it.
#include "core/sources.hpp"

#include "core/content_toml.hpp"
#include "core/dates.hpp"

#include <sstream>

namespace kiosk {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c)
{
    return isDigit(c) || isLetter(c);
}
bool charAt(std::string_view s, std::size_t i, char c)
{
    return i < s.size() && s[i] == c;
}
bool digitAt(std::string_view s, std::size_t i)
{
    return i < s.size() && isDigit(s[i]);
}

// "007" as "7"; "0" stays.
std::string withoutLeadingZeros(std::string_view digits)
{
    const auto first = digits.find_first_not_of('0');
    return first == std::string_view::npos ? std::string("0") : std::string(digits.substr(first));
}

// One number of digits with "." or "," in it: thousands ("1.000.000", "3,703"), a decimal ("1,5"),
// or, when it is neither, each group a number of its own ("1.2.3").
void addPlain(std::string_view part, std::vector<StatedNumber>& out)
{
    std::vector<std::string_view> groups;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= part.size(); ++i)
        if (i == part.size() || part[i] == '.' || part[i] == ',') {
            groups.push_back(part.substr(from, i - from));
            from = i + 1;
        }
    bool thousands = groups.size() > 1;
    for (std::size_t g = 1; g < groups.size(); ++g)
        thousands = thousands && groups[g].size() == 3;
    if (groups.size() == 1 || thousands) {
        std::string digits;
        for (const auto g : groups)
            digits += g;
        out.push_back({std::string(part), withoutLeadingZeros(digits)});
    } else if (groups.size() == 2) {
        std::string fraction(groups[1]);
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
        const std::string whole = withoutLeadingZeros(groups[0]);
        out.push_back({std::string(part), fraction.empty() ? whole : whole + "." + fraction});
    } else {
        for (const auto g : groups)
            out.push_back({std::string(g), withoutLeadingZeros(g)});
    }
}

// Where a phone-like token that starts at `start` (with + or 0) ends: digit groups parted by one
// space, "-" or parentheses.
std::size_t phoneEnd(std::string_view s, std::size_t start)
{
    std::size_t i = start + (s[start] == '+' ? 1 : 0);
    std::size_t end = i;
    while (digitAt(s, i)) {
        while (digitAt(s, i))
            ++i;
        end = i;
        std::size_t next = i;
        if (charAt(s, next, ')'))
            ++next;
        if (charAt(s, next, ' ') || charAt(s, next, '-'))
            ++next;
        if (charAt(s, next, '('))
            ++next;
        if (next == i || !digitAt(s, next))
            break;
        i = next;
    }
    // A group touching a letter ("0800-1000 24jam") belongs to that word: end before it.
    return end;
}

} // namespace

std::vector<StatedNumber> statedNumbers(std::string_view s)
{
    std::vector<StatedNumber> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        const bool plus = c == '+' && digitAt(s, i + 1);
        if (!isAlnum(c) && !plus) {
            ++i;
            continue;
        }
        // A word: letters and digits, joined by . , / - when more follows ("AK-1", "3.703", "18/2017").
        const std::size_t start = i;
        std::size_t j = i + (plus ? 1 : 0);
        while (j < s.size()) {
            if (isAlnum(s[j]))
                ++j;
            else if ((s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == '-') && j + 1 < s.size() &&
                     isAlnum(s[j + 1]))
                ++j;
            else if (s[j] == '$' && j - start == 2 && s.substr(start, 2) == "US" && digitAt(s, j + 1))
                ++j;
            else
                break;
        }
        std::string_view word = s.substr(start, j - start);
        std::string_view body = word;
        std::string prefix;
        if (body.size() > 2 && body.substr(0, 2) == "Rp" && isDigit(body[2])) {
            prefix = "Rp";
            body.remove_prefix(2);
        } else if (body.size() > 3 && body.substr(0, 3) == "US$") {
            prefix = "US$";
            body.remove_prefix(3);
        }
        bool name = false;
        bool digits = false;
        for (const char b : body) {
            name = name || isLetter(b) || b == '$';
            digits = digits || isDigit(b);
        }
        if (name || !digits) {
            i = j;
            continue;
        }
        // A phone number: + or 0 and more digits, its groups parted by - , one space or parentheses.
        const bool phoneStart = prefix.empty() && (plus || (body[0] == '0' && digitAt(body, 1)));
        if (phoneStart && body.find_first_of("./,") == std::string_view::npos) {
            const std::size_t end = phoneEnd(s, start);
            if (end < s.size() && isLetter(s[end])) { // "0800-1000x": part of a name after all
                i = end;
                continue;
            }
            std::string value;
            for (std::size_t k = start; k < end; ++k)
                if (isDigit(s[k]))
                    value += s[k];
            out.push_back({std::string(s.substr(start, end - start)), value});
            i = end;
            continue;
        }
        // Otherwise "/" and "-" part numbers: "18/2017", "22-30".
        std::size_t from = 0;
        bool first = true;
        for (std::size_t k = 0; k <= body.size(); ++k) {
            if (k < body.size() && body[k] != '/' && body[k] != '-' && body[k] != '+')
                continue;
            const std::string_view part = body.substr(from, k - from);
            from = k + 1;
            if (part.empty())
                continue;
            const std::size_t before = out.size();
            addPlain(part, out);
            if (first && !prefix.empty() && out.size() > before)
                out[before].text = prefix + out[before].text;
            first = false;
        }
        i = j;
    }
    return out;
}

std::set<std::string> figuresOf(const std::vector<std::string>& texts)
{
    std::set<std::string> out;
    for (const auto& t : texts)
        for (const auto& n : statedNumbers(t))
            out.insert(n.value);
    return out;
}

namespace {

// "2024", "2024-10" or "2024-10-18" with a real month and day; anything else is not a date.
bool validSourceDate(const std::string& d)
{
    const auto digitsAt = [&](std::size_t from, std::size_t n) {
        for (std::size_t k = from; k < from + n; ++k)
            if (k >= d.size() || !isDigit(d[k]))
                return false;
        return true;
    };
    if (d.size() == 4)
        return digitsAt(0, 4);
    if (d.size() == 7 && digitsAt(0, 4) && d[4] == '-' && digitsAt(5, 2)) {
        const int month = std::stoi(d.substr(5, 2));
        return month >= 1 && month <= 12;
    }
    return d.size() == 10 && formatDate(d, Lang::En) != d;
}

Source readSource(const std::string& id, const toml::table& t, const std::string& file, Problems& errors)
{
    using namespace parsing;
    Source src;
    src.id = id;
    src.line = t.source().begin.line;
    Fields f(t, file, errors, "the source '" + id + "'");
    src.publisher = f.text("publisher", kMaxTitle, true);
    src.title = f.text("title", kMaxItem, true);
    src.shortName = f.text("short", kMaxLabel, false);
    src.address = f.text("address", kMaxItem, false);
    src.confidence = f.text("confidence", 8, true);
    if (!src.confidence.empty() && src.confidence != "H" && src.confidence != "M" && src.confidence != "L")
        errors.push_back(at(file, *t.get("confidence")) + "'confidence' is H, M or L, as in the facts file");
    src.supports = f.list("supports", 200, kMaxItem, false);
    f.allow("date");
    if (const toml::node* node = t.get("date")) {
        if (const auto* d = node->as_date()) {
            std::ostringstream out;
            out << d->get();
            src.date = out.str();
        } else if (const auto* s = node->as_string()) {
            src.date = s->get();
        }
        if (src.date.empty() || !validSourceDate(src.date)) {
            errors.push_back(
                at(file, *node) +
                "'date' should be a date like 2024-10-18 (no quotes), or \"2024-10\" or \"2024\" "
                "when only the month or year is known");
            src.date.clear();
        }
    }
    f.finish();
    return src;
}

} // namespace

Sources parseSources(std::string_view text, const std::string& file, Problems& errors)
{
    Sources out;
    const auto root = parsing::parseToml(text, file, errors);
    if (!root)
        return out;
    for (const auto& [key, node] : *root) {
        const std::string id(key.str());
        const auto* t = node.as_table();
        if (!t) {
            errors.push_back(parsing::at(file, node) + "'" + id + "' should be a section [" + id + "]");
            continue;
        }
        if (!parsing::validId(id))
            errors.push_back(parsing::at(file, node) + "the source id '" + id +
                             "' may only have a-z, 0-9 and -");
        out[id] = readSource(id, *t, file, errors);
    }
    return out;
}

std::string formatSourceDate(const std::string& date, Lang lang, bool monthOnly)
{
    if (date.size() == 4)
        return date;
    if (date.size() == 7 || (monthOnly && date.size() == 10)) {
        const std::string full = formatDate(date.substr(0, 7) + "-01", lang); // "1 April 2024"
        const auto space = full.find(' ');
        return space == std::string::npos ? date : full.substr(space + 1);
    }
    return formatDate(date, lang);
}

std::string readableSource(const Source& source, Lang lang, const std::string& undated)
{
    const std::string date = formatSourceDate(source.date, lang);
    return source.publisher + ": " + source.title + ", " + (date.empty() ? undated : date);
}

bool olderThanYears(const std::string& date, const std::string& today, int years)
{
    if (!validSourceDate(date) || today.size() < 10 || !validSourceDate(today.substr(0, 10)))
        return false;
    // The last day the date can mean, compared as text: "2024" is up to "2024-99", "2024-04" up to
    // "2024-04-99".
    std::string last = date;
    if (last.size() == 4)
        last += "-99";
    if (last.size() == 7)
        last += "-99";
    const std::string limit = std::to_string(std::stoi(today.substr(0, 4)) - years) + today.substr(4, 6);
    return last < limit;
}

} // namespace kiosk
