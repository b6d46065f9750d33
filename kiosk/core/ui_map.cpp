// UI map as JSON.
#include "core/ui_map.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace kiosk {

const WidgetBox* UiMap::find(const std::string& id) const
{
    for (const auto& w : widgets)
        if (w.id == id)
            return &w;
    return nullptr;
}

const WidgetBox* UiMap::at(float x, float y) const
{
    for (auto it = widgets.rbegin(); it != widgets.rend(); ++it)
        if (x >= it->x && x < it->x + it->w && y >= it->y && y < it->y + it->h)
            return &*it;
    return nullptr;
}

std::string UiMap::toJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : widgets) {
        list.push_back({{"id", w.id},
                        {"label", w.label},
                        {"x", std::lround(w.x)},
                        {"y", std::lround(w.y)},
                        {"w", std::lround(w.w)},
                        {"h", std::lround(w.h)},
                        {"clipped", w.clipped},
                        {"overflow", w.overflow}});
        if (!w.value.empty())
            list.back()["value"] = w.value;
    }
    nlohmann::json doc = {{"screen", screen},
                          {"lang", lang},
                          {"widgets", std::move(list)},
                          {"values", values},
                          {"texts", texts}};
    return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace kiosk
