// Hands the pointer, as the touch gesture wants buttons to see it, to ImGui.
#pragma once

#include "core/gesture.hpp"

#include <imgui.h>

namespace kiosk::ui {

void feedPointer(ImGuiIO& io, const PointerView& pointer);

} // namespace kiosk::ui
