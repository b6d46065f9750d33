// Reading the content's TOML: problems located by file and line, fields checked for type, length
// and characters the kiosk can draw.
#include "core/content_toml.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace kiosk::parsing {

namespace {

std::string_view trimmed(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string at(const std::string& file, const toml::node& node)
{
    return file + ":" + std::to_string(node.source().begin.line) + ": ";
}

std::string at(const std::string& file, std::size_t line)
{
    return file + ":" + std::to_string(line) + ": ";
}

bool drawable(char32_t c)
{
    return c == '\n' || isDrawable(c);
}

bool validId(std::string_view id)
{
    if (id.empty() || id.size() > 60)
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<toml::table> parseToml(std::string_view text, const std::string& file, Problems& errors)
{
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& err) {
        errors.push_back(at(file, err.source().begin.line) + std::string(err.description()));
        return std::nullopt;
    }
}

std::string dateOf(const toml::table& root, const std::string& file, Problems& errors)
{
    const toml::node* node = root.get("verified");
    if (!node) {
        errors.push_back(at(file, root) +
                         "needs 'verified', the date the facts were last checked (like 2026-11-29)");
        return {};
    }
    const auto* d = node->as_date();
    if (!d) {
        errors.push_back(at(file, *node) + "'verified' should be a date like 2026-11-29, without quotes");
        return {};
    }
    std::ostringstream out;
    out << d->get();
    return out.str();
}

Fields::Fields(const toml::table& table, std::string file, Problems& errors, std::string what)
    : m_table(table), m_file(std::move(file)), m_errors(errors), m_what(std::move(what))
{
}

std::string Fields::text(const char* key, std::size_t maxLength, bool required)
{
    m_known.insert(key);
    const toml::node* node = m_table.get(key);
    if (!node) {
        if (required)
            m_errors.push_back(at(m_file, m_table) + m_what + " needs '" + key + "'");
        return {};
    }
    const auto* s = node->as_string();
    if (!s) {
        m_errors.push_back(at(m_file, *node) + "'" + key + "' should be text in quotes");
        return {};
    }
    // Multi-line text between triple quotes brings line breaks at its ends: they are not content.
    std::string value(trimmed(s->get()));
    check(value, *node, key, maxLength);
    if (required && value.empty())
        m_errors.push_back(at(m_file, *node) + "'" + key + "' is empty");
    return value;
}

std::vector<std::string> Fields::list(const char* key, std::size_t maxItems, std::size_t maxLength,
                                      bool required)
{
    m_known.insert(key);
    std::vector<std::string> out;
    const toml::node* node = m_table.get(key);
    if (!node) {
        if (required)
            m_errors.push_back(at(m_file, m_table) + m_what + " needs '" + key + "'");
        return out;
    }
    const auto* arr = node->as_array();
    if (!arr) {
        m_errors.push_back(at(m_file, *node) + "'" + key + "' should be a list [\"…\", \"…\"]");
        return out;
    }
    if (arr->size() > maxItems)
        m_errors.push_back(at(m_file, *node) + "'" + key + "' has " + std::to_string(arr->size()) +
                           " items; at most " + std::to_string(maxItems) + " fit");
    for (const auto& item : *arr) {
        const auto* s = item.as_string();
        if (!s) {
            m_errors.push_back(at(m_file, item) + "every item of '" + key + "' should be text in quotes");
            continue;
        }
        std::string value(trimmed(s->get()));
        check(value, item, key, maxLength);
        if (value.empty())
            m_errors.push_back(at(m_file, item) + "an item of '" + key + "' is empty");
        out.push_back(std::move(value));
    }
    if (required && out.empty())
        m_errors.push_back(at(m_file, *node) + "'" + key + "' is empty");
    return out;
}

bool Fields::flag(const char* key)
{
    m_known.insert(key);
    const toml::node* node = m_table.get(key);
    if (!node)
        return false;
    if (const auto* b = node->as_boolean())
        return b->get();
    m_errors.push_back(at(m_file, *node) + "'" + key + "' should be true or false");
    return false;
}

void Fields::finish()
{
    for (const auto& [key, node] : m_table)
        if (!m_known.count(std::string(key.str())))
            m_errors.push_back(at(m_file, node) + "unknown key '" + std::string(key.str()) + "' in " +
                               m_what);
}

void Fields::check(const std::string& value, const toml::node& node, const char* key, std::size_t maxLength)
{
    const auto cps = codePoints(value);
    if (cps.size() > maxLength)
        m_errors.push_back(at(m_file, node) + "'" + key + "' is " + std::to_string(cps.size()) +
                           " characters; at most " + std::to_string(maxLength) + " fit on the screen");
    for (char32_t c : cps) {
        if (!drawable(c)) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
            m_errors.push_back(at(m_file, node) + "'" + key + "' has the character " + hex +
                               ", which the kiosk cannot show");
            break;
        }
    }
}

std::vector<std::string> sourceIds(const toml::table& root, const std::string& file, Problems& errors,
                                   Fields& fields)
{
    fields.allow("sources");
    fields.allow("source");
    if (const toml::node* old = root.get("source"))
        errors.push_back(
            at(file, *old) +
            "'source' is now 'sources', a list of ids in sources.toml: sources = [\"pp-45-2024\"]");
    std::vector<std::string> ids;
    const toml::node* node = root.get("sources");
    if (!node) {
        if (!root.get("source"))
            errors.push_back(at(file, root) +
                             "needs 'sources', the ids in sources.toml of where its facts come from");
        return ids;
    }
    const auto* arr = node->as_array();
    if (!arr) {
        errors.push_back(at(file, *node) + "'sources' should be a list of ids: sources = [\"pp-45-2024\"]");
        return ids;
    }
    for (const auto& item : *arr) {
        const auto* s = item.as_string();
        if (!s || !validId(s->get())) {
            errors.push_back(at(file, item) +
                             "every item of 'sources' is a source's id in quotes (a-z, 0-9, -)");
            continue;
        }
        ids.push_back(s->get());
    }
    if (ids.empty() && arr->empty())
        errors.push_back(at(file, *node) + "'sources' is empty: name where the facts come from");
    return ids;
}

} // namespace kiosk::parsing
