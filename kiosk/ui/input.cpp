// Pointer state into ImGuiIO (Dear ImGui 1.86 IO fields).
#include "ui/input.hpp"

#include <cfloat>

namespace kiosk::ui {

void feedPointer(ImGuiIO& io, const PointerView& pointer)
{
    io.MousePos = pointer.visible ? ImVec2(pointer.x, pointer.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = pointer.down;
    for (int i = 1; i < 5; ++i)
        io.MouseDown[i] = false;
}

} // namespace kiosk::ui
