// Officer mode, the way in: the PIN pad, also for making a new PIN.
#include "ui/icons.hpp"
#include "ui/screens.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {
namespace {

constexpr float kPadKeyWidth = 220.f; // at scale 1

} // namespace

Asked OfficerPinScreen::draw(Frame& f, const OfficerSession& officer)
{
    const Metrics& m = f.m;
    const float s = m.scale;
    Asked action;
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

    std::string prompt;
    const char* okKey = "officer.pin.ok";
    switch (officer.step) {
    case OfficerSession::Step::EnterPin: prompt = f.t("officer.pin.enter"); break;
    case OfficerSession::Step::NewPin:
        prompt = f.t("officer.pin.new");
        okKey = "osk.next";
        break;
    case OfficerSession::Step::ConfirmPin:
        prompt = f.t("officer.pin.repeat");
        okKey = "officer.pin.save";
        break;
    }
    std::string message;
    ImU32 messageColour = colours().attention;
    if (officer.waiting) {
        message = f.t("officer.pin.checking");
        messageColour = colours().textMuted;
    } else if (!officer.message.empty()) {
        message = withValues(f.t(officer.message), {{"{n}", std::to_string(officer.messageNumber)}});
    }

    // The words: title, what to type, the digits as dots, the answer.
    const float dot = 30.f * s;
    const std::size_t slots = std::max(kPinMinDigits, officer.digits.size());
    const float textH = f.fonts.heading->FontSize + 24.f * s + wrappedHeight(f.fonts.tile, prompt, textW) +
                        28.f * s + 2 * dot + 28.f * s +
                        std::max(wrappedHeight(f.fonts.bodyBold, message, textW), f.fonts.bodyBold->FontSize);
    const float blockH = beside ? std::max(textH, padH) : textH + m.gap + padH;
    const float top = std::max(m.margin * 0.75f, (availH - blockH) / 2);
    const float textLeft = beside ? (availW - textW - m.margin - padW) / 2 : (availW - textW) / 2;
    const float textTop = beside ? top + std::max(0.f, (padH - textH) / 2) : top;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 win = ImGui::GetCursorScreenPos(); // the content's origin (scrolled)
    const ImVec2 origin(ImGui::GetWindowPos().x, win.y - ImGui::GetCursorPosY());
    CentredColumn col(dl, origin.x + textLeft, origin.x + textLeft + textW, origin.y + textTop);
    col.add(f.fonts.heading, colours().frame, std::string(icon::kLock) + "  " + f.t("officer.title"),
            24.f * s);
    col.add(f.fonts.tile, colours().text, prompt, 28.f * s);
    const float dotsW = static_cast<float>(slots) * 2 * dot + static_cast<float>(slots - 1) * dot * 0.8f;
    float dx = origin.x + textLeft + (textW - dotsW) / 2 + dot;
    for (std::size_t i = 0; i < slots; ++i) {
        const ImVec2 c(dx, col.y() + dot);
        if (i < officer.digits.size())
            dl->AddCircleFilled(c, dot * 0.8f, colours().frame);
        else
            dl->AddCircle(c, dot * 0.8f, colours().cardBorder, 0, 3.f * s);
        dx += 2 * dot + dot * 0.8f;
    }
    f.map.values["pin_digits"] = std::to_string(officer.digits.size());
    f.map.texts.insert(f.map.texts.end(), {f.t("officer.title"), prompt, message});
    CentredColumn rest(dl, origin.x + textLeft, origin.x + textLeft + textW, col.y() + 2 * dot + 28.f * s);
    if (!message.empty())
        rest.add(f.fonts.bodyBold, messageColour, message, 0);
    if (!officer.message.empty())
        f.map.values["pin_message"] = officer.message;

    // The pad: 1–9, then delete, 0, OK.
    const float padLeft = beside ? textLeft + textW + m.margin : (availW - padW) / 2;
    const float padTop = beside ? top + std::max(0.f, (textH - padH) / 2) : top + textH + m.gap;
    static constexpr const char* kKeys[] = {"1", "2", "3", "4",         "5", "6",
                                            "7", "8", "9", "backspace", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        const std::string key = kKeys[i];
        ImGui::SetCursorPos(ImVec2(padLeft + static_cast<float>(i % 3) * (keyW + gap),
                                   padTop + static_cast<float>(i / 3) * (keyH + gap)));
        const ImVec2 size(keyW, keyH);
        if (key == "backspace") {
            if (button(f, "officer.pin.backspace", icon::kLongArrowLeft, f.t("officer.pin.delete"), size,
                       ButtonStyle::Secondary, f.fonts.bodyBold))
                action = intent::ErasePinDigit{};
        } else if (key == "ok") {
            if (button(f, "officer.pin.ok", icon::kCheck, f.t(okKey), size, ButtonStyle::Primary,
                       f.fonts.bodyBold))
                action = intent::SubmitPin{};
        } else if (button(f, "officer.pin." + key, nullptr, key, size, ButtonStyle::Key, f.fonts.heading)) {
            action = intent::PressPinDigit{key[0] - '0'};
        }
    }
    ImGui::SetCursorPos(ImVec2(0, std::max(padTop + padH, textTop + textH) + m.margin));
    ImGui::Dummy(ImVec2(1, 1));
    return action;
}

} // namespace kiosk::ui
