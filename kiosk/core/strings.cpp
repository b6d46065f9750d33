// Loading ui.toml files into flat "dotted.key" -> text tables.
#include "core/strings.hpp"

#include <toml++/toml.h>

namespace kiosk {
namespace {

std::string where(const std::filesystem::path& file, const toml::source_region& region)
{
    return file.string() + ":" + std::to_string(region.begin.line) + ": ";
}

void flatten(const toml::table& table, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out,
             std::map<std::string, std::size_t, std::less<>>& lines, const std::filesystem::path& file,
             Problems& problems)
{
    for (const auto& [key, node] : table) {
        const std::string name =
            prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) {
            flatten(*sub, name, out, lines, file, problems);
        } else if (const auto* text = node.as_string()) {
            out[name] = text->get();
            lines[name] = node.source().begin.line;
        } else {
            problems.push_back(where(file, node.source()) + "'" + name + "' should be text in quotes");
        }
    }
}

} // namespace

Strings Strings::load(const std::filesystem::path& contentDir, Problems& problems)
{
    Strings strings;
    for (Lang lang : kAllLangs) {
        const auto file = contentDir / std::string(langCode(lang)) / "ui.toml";
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            problems.push_back(file.string() + ":0: file missing");
            continue;
        }
        try {
            const toml::table root = toml::parse_file(file.string());
            flatten(root, "", strings.m_tables[langIndex(lang)], strings.m_lines[langIndex(lang)], file,
                    problems);
        } catch (const toml::parse_error& err) {
            problems.push_back(where(file, err.source()) + std::string(err.description()));
        }
    }
    return strings;
}

std::size_t Strings::line(Lang lang, std::string_view key) const
{
    const auto& lines = m_lines[langIndex(lang)];
    const auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
}

void Strings::set(Lang lang, std::string key, std::string text)
{
    m_tables[langIndex(lang)][std::move(key)] = std::move(text);
}

bool Strings::has(Lang lang, std::string_view key) const
{
    return m_tables[langIndex(lang)].find(key) != m_tables[langIndex(lang)].end();
}

const std::map<std::string, std::string, std::less<>>& Strings::table(Lang lang) const
{
    return m_tables[langIndex(lang)];
}

const std::string& Strings::get(Lang lang, std::string_view key) const
{
    for (Lang l : {lang, kDefaultLang}) {
        const auto& t = m_tables[langIndex(l)];
        if (auto it = t.find(key); it != t.end())
            return it->second;
    }
    m_missing.emplace(key);
    auto [it, inserted] = m_placeholders.try_emplace(std::string(key));
    if (inserted) {
        it->second.reserve(key.size() + 2);
        it->second.append(1, '[').append(key).append(1, ']');
    }
    return it->second;
}

} // namespace kiosk
