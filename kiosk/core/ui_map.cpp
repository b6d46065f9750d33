// UI map as JSON.
#include "core/ui_map.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

namespace kiosk {

const WidgetBox* UiMap::find(const std::string& id) const
{
    for (const auto& w : widgets)
        if (w.id == id)
            return &w;
    return nullptr;
}

WidgetBox* UiMap::find(const std::string& id)
{
    return const_cast<WidgetBox*>(std::as_const(*this).find(id));
}

const WidgetBox* UiMap::area(const std::string& id) const
{
    for (const auto& a : areas)
        if (a.id == id)
            return &a;
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
    const auto boxes = [](const std::vector<WidgetBox>& from) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& w : from) {
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
        return list;
    };
    const nlohmann::json taken = {{"frame", input.frame},
                                  {"touches", input.touches},
                                  {"wheel_steps", input.wheelSteps},
                                  {"touch", {std::lround(input.touchX), std::lround(input.touchY)}},
                                  {"settled", input.settled}};
    nlohmann::json doc = {{"screen", screen}, {"lang", lang},   {"widgets", boxes(widgets)},
                          {"values", values}, {"texts", texts}, {"areas", boxes(areas)},
                          {"input", taken}};
    return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace kiosk
