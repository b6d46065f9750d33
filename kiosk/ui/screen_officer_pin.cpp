// Officer mode, the way in: the PIN pad, also for making a new PIN.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

constexpr float kPadKeyWidth = 220.f; // at scale 1
constexpr const char* kPadKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "backspace", "0", "ok"};
constexpr float kDot = 30.f; // half the width of a digit's slot among the dots, at scale 1

// What the screen says for the step the officer is at.
struct PinWords {
    std::string prompt;
    const char* okKey = "officer.pin.ok";
    std::string message;
    ImU32 messageColour = colours().attention;
};

PinWords pinWords(const Frame& f, const OfficerSession& officer)
{
    PinWords w;
    switch (officer.step) {
    case OfficerSession::Step::EnterPin: w.prompt = f.t("officer.pin.enter"); break;
    case OfficerSession::Step::NewPin:
        w.prompt = f.t("officer.pin.new");
        w.okKey = "osk.next";
        break;
    case OfficerSession::Step::ConfirmPin:
        w.prompt = f.t("officer.pin.repeat");
        w.okKey = "officer.pin.save";
        break;
    }
    if (officer.waiting) {
        w.message = f.t("officer.pin.checking");
        w.messageColour = colours().textMuted;
    } else if (!officer.message.empty()) {
        w.message = withValues(f.t(officer.message), {{"{n}", std::to_string(officer.messageNumber)}});
    }
    return w;
}

// The words, centred in `width` from (left, top) of the content: title, what to type, the digits
// as dots, the answer.
void drawWords(Frame& f, const OfficerSession& officer, const PinWords& w, float left, float top, float width)
{
    const float s = f.m.scale;
    const float dot = kDot * s;
    const std::size_t slots = std::max(kPinMinDigits, officer.digits.size());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 win = ImGui::GetCursorScreenPos(); // the content's origin (scrolled)
    const ImVec2 origin(ImGui::GetWindowPos().x, win.y - ImGui::GetCursorPosY());
    CentredColumn col(dl, origin.x + left, origin.x + left + width, origin.y + top);
    col.add(f.fonts.heading, colours().frame, std::string(icon::kLock) + "  " + f.t("officer.title"),
            24.f * s);
    col.add(f.fonts.tile, colours().text, w.prompt, 28.f * s);
    const float dotsW = static_cast<float>(slots) * 2 * dot + static_cast<float>(slots - 1) * dot * 0.8f;
    float dx = origin.x + left + (width - dotsW) / 2 + dot;
    for (std::size_t i = 0; i < slots; ++i) {
        const ImVec2 c(dx, col.y() + dot);
        if (i < officer.digits.size())
            dl->AddCircleFilled(c, dot * 0.8f, colours().frame);
        else
            dl->AddCircle(c, dot * 0.8f, colours().cardBorder, 0, 3.f * s);
        dx += 2 * dot + dot * 0.8f;
    }
    f.map.values["pin_digits"] = std::to_string(officer.digits.size());
    f.map.texts.insert(f.map.texts.end(), {f.t("officer.title"), w.prompt, w.message});
    CentredColumn rest(dl, origin.x + left, origin.x + left + width, col.y() + 2 * dot + 28.f * s);
    if (!w.message.empty())
        rest.add(f.fonts.bodyBold, w.messageColour, w.message, 0);
    if (!officer.message.empty())
        f.map.values["pin_message"] = officer.message;
}

// The pad from `at` (content coordinates), keys `key` large and `gap` apart: 1–9, then delete, 0, OK.
Asked drawPad(Frame& f, ImVec2 at, ImVec2 key, float gap, const char* okKey)
{
    Asked action;
    for (int i = 0; i < 12; ++i) {
        const std::string id = kPadKeys[i];
        ImGui::SetCursorPos(ImVec2(at.x + static_cast<float>(i % 3) * (key.x + gap),
                                   at.y + static_cast<float>(i / 3) * (key.y + gap)));
        if (id == "backspace") {
            if (button(f, "officer.pin.backspace", icon::kLongArrowLeft, f.t("officer.pin.delete"), key,
                       ButtonStyle::Secondary, f.fonts.bodyBold))
                action = intent::ErasePinDigit{};
        } else if (id == "ok") {
            if (button(f, "officer.pin.ok", icon::kCheck, f.t(okKey), key, ButtonStyle::Primary,
                       f.fonts.bodyBold))
                action = intent::SubmitPin{};
        } else if (button(f, "officer.pin." + id, nullptr, id, key, ButtonStyle::Key, f.fonts.heading)) {
            action = intent::PressPinDigit{id[0] - '0'};
        }
    }
    return action;
}

} // namespace

Asked OfficerPinScreen::draw(Frame& f, const OfficerSession& officer)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    const float availW = ImGui::GetWindowWidth();
    const float availH = ImGui::GetWindowHeight();
    const float gap = 18.f * s;
    const float keyH = m.tapHeight;
    const float keyW = std::min(kPadKeyWidth * s, (availW - 2 * m.margin - 2 * gap) / 3);
    const float padW = 3 * keyW + 2 * gap;
    const float padH = 4 * keyH + 3 * gap;
    // Landscape screens put the words beside the pad, so both fit without scrolling.
    const bool beside = availW >= 2 * padW + 3 * m.margin;
    const float textW = beside ? std::min(availW - padW - 3 * m.margin, 760.f * s)
                               : std::min(availW - 2 * m.margin, 900.f * s);
    const PinWords words = pinWords(f, officer);
    const float dot = kDot * s;
    const float textH =
        f.fonts.heading->FontSize + 24.f * s + wrappedHeight(f.fonts.tile, words.prompt, textW) + 28.f * s +
        2 * dot + 28.f * s +
        std::max(wrappedHeight(f.fonts.bodyBold, words.message, textW), f.fonts.bodyBold->FontSize);
    const float blockH = beside ? std::max(textH, padH) : textH + m.gap + padH;
    const float top = std::max(m.margin * 0.75f, (availH - blockH) / 2);
    const float textLeft = beside ? (availW - textW - m.margin - padW) / 2 : (availW - textW) / 2;
    const float textTop = beside ? top + std::max(0.f, (padH - textH) / 2) : top;
    drawWords(f, officer, words, textLeft, textTop, textW);

    const float padLeft = beside ? textLeft + textW + m.margin : (availW - padW) / 2;
    const float padTop = beside ? top + std::max(0.f, (textH - padH) / 2) : top + textH + m.gap;
    Asked action = drawPad(f, ImVec2(padLeft, padTop), ImVec2(keyW, keyH), gap, words.okKey);
    ImGui::SetCursorPos(ImVec2(0, std::max(padTop + padH, textTop + textH) + m.margin));
    ImGui::Dummy(ImVec2(1, 1));
    return action;
}

} // namespace kiosk::ui
