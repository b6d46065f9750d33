// Parsing pages: their title, sources and date, and blocks of every type with the fields each needs.
#include "core/page_parser.hpp"

#include "core/content_toml.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

namespace kiosk::parsing {

namespace {

const std::map<std::string, BlockType>& blockTypes()
{
    static const std::map<std::string, BlockType> types{
        {"heading", BlockType::Heading}, {"paragraph", BlockType::Paragraph}, {"bullets", BlockType::Bullets},
        {"steps", BlockType::Steps},     {"warning", BlockType::Warning},     {"tip", BlockType::Tip},
        {"contact", BlockType::Contact}, {"image", BlockType::Image},         {"link", BlockType::Link}};
    return types;
}

std::optional<Block> parseBlock(const toml::table& t, const std::string& file, Problems& errors)
{
    Fields f(t, file, errors, "this block");
    const std::string type = f.text("type", 20, true);
    const auto it = blockTypes().find(type);
    if (it == blockTypes().end()) {
        if (!type.empty())
            errors.push_back(at(file, *t.get("type")) + "unknown block type '" + type +
                             "' (heading, paragraph, bullets, steps, warning, tip, contact, image, link)");
        return std::nullopt;
    }
    Block b;
    b.type = it->second;
    b.line = t.source().begin.line;
    switch (b.type) {
    case BlockType::Heading: b.text = f.text("text", kMaxTitle, true); break;
    case BlockType::Paragraph: b.text = f.text("text", kMaxText, true); break;
    case BlockType::Bullets:
    case BlockType::Steps: b.items = f.list("items", kMaxItems, kMaxItem, true); break;
    case BlockType::Warning:
    case BlockType::Tip:
        b.title = f.text("title", kMaxTitle, false);
        b.text = f.text("text", kMaxText, true);
        break;
    case BlockType::Contact:
        b.name = f.text("name", kMaxTitle, true);
        b.local = f.text("local", 40, false);
        b.number = f.text("number", 24, b.local.empty());
        b.source = f.text("source", 60, false);
        b.whatsapp = f.text("whatsapp", 24, false);
        b.hours = f.text("hours", kMaxTitle, false);
        b.purpose = f.text("purpose", kMaxItem, false);
        for (const std::string* n : {&b.number, &b.whatsapp})
            if (!n->empty() && n->find_first_of("0123456789") == std::string::npos)
                errors.push_back(at(file, t) + "the number '" + *n + "' has no digits");
        for (const std::string* n : {&b.number, &b.whatsapp})
            for (char c : *n)
                if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == ' ' ||
                      c == '(' || c == ')')) {
                    errors.push_back(at(file, t) + "the number '" + *n +
                                     "' may only have digits, spaces, + and -");
                    break;
                }
        break;
    case BlockType::Image:
        b.file = f.text("file", 120, true);
        b.caption = f.text("caption", kMaxItem, false);
        break;
    case BlockType::Link:
        b.label = f.text("label", kMaxLabel, true);
        b.page = f.text("page", 60, false);
        b.checklist = f.text("checklist", 60, false);
        b.screen = f.text("screen", 60, false);
        if (!b.page.empty() + !b.checklist.empty() + !b.screen.empty() != 1)
            errors.push_back(at(file, t) + "a link goes to one 'page', 'checklist' or 'screen'");
        else if (!b.screen.empty() && std::find(std::begin(kLinkScreens), std::end(kLinkScreens), b.screen) ==
                                          std::end(kLinkScreens))
            errors.push_back(at(file, t) + "no screen '" + b.screen + "' to link to (only 'recruiter')");
        break;
    }
    f.finish();
    return b;
}

} // namespace

Page pageFromTable(const toml::table& root, const std::string& file, const std::string& id, Problems& errors)
{
    Page page;
    page.id = id;
    Fields f(root, file, errors, "a page");
    page.title = f.text("title", kMaxTitle, true);
    if (const toml::node* node = root.get("title"))
        page.titleLine = node->source().begin.line;
    page.sources = sourceIds(root, file, errors, f);
    if (const toml::node* node = root.get("sources"))
        page.sourcesLine = node->source().begin.line;
    page.takehome = f.text("takehome", kMaxTakeHome, false);
    if (const toml::node* node = root.get("takehome"))
        page.takehomeLine = node->source().begin.line;
    f.allow("verified");
    page.verified = dateOf(root, file, errors);
    f.allow("blocks");
    f.finish();
    const toml::node* blocks = root.get("blocks");
    if (!blocks) {
        errors.push_back(at(file, root) + "a page needs [[blocks]]");
    } else if (const auto* arr = blocks->as_array(); !arr || !arr->is_array_of_tables()) {
        errors.push_back(at(file, *blocks) + "'blocks' should be [[blocks]] sections");
    } else {
        for (const auto& node : *arr)
            if (auto b = parseBlock(*node.as_table(), file, errors))
                page.blocks.push_back(std::move(*b));
    }
    return page;
}

} // namespace kiosk::parsing

namespace kiosk {

std::optional<Page> parsePage(std::string_view text, const std::string& file, const std::string& id,
                              Problems& errors)
{
    const auto root = parsing::parseToml(text, file, errors);
    if (!root)
        return std::nullopt;
    return parsing::pageFromTable(*root, file, id, errors);
}

} // namespace kiosk
