// Touch widgets: large buttons and tiles that put themselves in the UI map, wrapped and centred
// text, and the drag-scrolled content area.
#pragma once

#include "core/assets.hpp"
#include "core/content.hpp"
#include "core/language.hpp"
#include "core/qr.hpp"
#include "core/speech.hpp"
#include "core/strings.hpp"
#include "core/text.hpp"
#include "core/ui_map.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::ui {

// What every screen draws with during one frame.
struct Frame {
    const Strings& strings;
    const Content& content;
    const LocalContacts& contacts;
    PictureSource* pictures; // may be null: image blocks show their caption
    Lang lang;
    const Metrics& m;
    const Fonts& fonts;
    UiMap& map;
    const TextSpot* reading = nullptr; // the sentence being read aloud (none: nothing to highlight)
    std::vector<Lang> languages{kAllLangs.begin(),
                                kAllLangs.end()}; // offered to residents ([kiosk] languages)
    CallbackPromise callback{}; // the office's promise to residents ([officer] in kiosk.toml)
    // The height of the content area between header and footer (or keyboard) when no "swipe up"
    // cue takes room: screens that size themselves to the screen use it, so the cue coming and
    // going never changes their layout.
    float areaHeight = 0;

    [[nodiscard]] const std::string& t(std::string_view key) const { return strings.get(lang, key); }
};

enum class ButtonStyle {
    Primary,   // deep blue, white words
    Secondary, // white card, blue words
    OnFrame,   // on the blue header: outlined
    Selected,  // on the blue header: the current choice, filled white
    Key,       // a key of the on-screen keyboard: outlined on the page, filled only while pressed
    Active,    // something under way that the same button stops (reading aloud)
    Urgent,    // help now: red, white words
};

// Width of `text` on one line in `font`.
[[nodiscard]] float textWidth(ImFont* font, std::string_view text);

// Records a tappable rectangle in the UI map, clipped to what is visible of the current window.
// Returns the entry (null when out of sight), valid until the next widget is added.
WidgetBox* mapWidget(Frame& f, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max);

// A button with an icon and words, centred. Returns true when tapped.
bool button(Frame& f, const std::string& id, const char* icon, const std::string& label, ImVec2 size,
            ButtonStyle style, ImFont* font = nullptr);

// A button showing only a mark (an icon, or "Aa") where its words would not fit; the words name it
// in the UI map.
bool markButton(Frame& f, const std::string& id, const std::string& mark, const std::string& words,
                ImVec2 size, ButtonStyle style, ImFont* font = nullptr);

// The height a tile `width` wide needs for its words (icon beside them, or above; `compact`: beside
// them in a box no wider than the icon, with less padding, for a dense grid).
[[nodiscard]] float tileHeight(const Frame& f, const std::string& label, const std::string& hint, float width,
                               bool sideBySide, bool compact = false);

// A home-screen tile: big icon, label, one line of explanation; the icon beside the words or
// above them.
bool tile(Frame& f, const std::string& id, const char* icon, ImU32 iconColour, const std::string& label,
          const std::string& hint, ImVec2 size, bool sideBySide, bool compact = false);

// Text wrapped at `width`, each line centred between min.x and max.x, the block centred vertically.
// Returns false when it does not fit between min and max.
bool drawCentred(ImDrawList* dl, ImFont* font, ImU32 colour, const std::string& text, ImVec2 min, ImVec2 max);
// The height drawCentred() takes for `text` wrapped to `width`.
[[nodiscard]] float centredHeight(ImFont* font, const std::string& text, float width);
// Height of `text` wrapped at `width`.
[[nodiscard]] float wrappedHeight(ImFont* font, const std::string& text, float width);

// Lines of text stacked down the screen from `y`, each wrapped and centred between `left` and `right`.
class CentredColumn {
public:
    CentredColumn(ImDrawList* dl, float left, float right, float y)
        : m_dl(dl), m_left(left), m_right(right), m_y(y)
    {
    }
    // Adds one line (or wrapped block) and leaves `after` pixels below it.
    void add(ImFont* font, ImU32 colour, const std::string& text, float after);
    [[nodiscard]] float y() const { return m_y; }

private:
    ImDrawList* m_dl;
    float m_left, m_right, m_y;
};

// Text wrapped at `width` from the layout cursor, in a font and colour.
void wrappedText(ImFont* font, ImU32 colour, const std::string& text, float width);
// The same for a text that may be read aloud: the screen part `part` (see TextSpot).
void wrappedText(Frame& f, const std::string& part, ImFont* font, ImU32 colour, const std::string& text,
                 float width);

// Marks the sentence being read aloud, if it lies in `text` (the screen part `part`) drawn at
// `pos` wrapped at `wrapWidth` (0: one line) in `font`. Call before drawing the text itself.
void highlightReading(Frame& f, ImDrawList* dl, const std::string& part, ImFont* font, ImVec2 pos,
                      float wrapWidth, const std::string& text);

// Body text wrapped to the window's content width, or the comfortable line length if narrower.
void paragraph(Frame& f, const std::string& text, ImFont* font = nullptr, ImU32 colour = 0);

// A strip of the current window: from `x0` (window x), `width` wide.
struct Column {
    float x0, width;
};

// The comfortable reading column of the current window: the line length at most, centred, within
// the margins.
[[nodiscard]] Column readingColumn(const Metrics& m);

// Where the facts come from and the date they were last checked (ISO, shown in the resident's
// language; none when ""), under a rule across `column`: the end of a guidance page and of a
// checklist's result.
void sourceAndDate(Frame& f, Column column, const std::vector<const Source*>& cited,
                   const std::string& verified);

// A card: rounded rectangle with a border, and an accent band on the left when `accent` is set.
void card(ImDrawList* dl, ImVec2 min, ImVec2 max, const Metrics& m, ImU32 fill, ImU32 border,
          ImU32 accent = 0);

// QR codes encoded once per text, for screens that show the same ones frame after frame.
class QrCache {
public:
    explicit QrCache(QrCorrection correction = QrCorrection::Medium) : m_correction(correction) {}
    // Null when the text cannot be encoded.
    const QrCode* get(const std::string& text);

private:
    QrCorrection m_correction;
    std::map<std::string, std::optional<QrCode>> m_codes;
};

// A QR code, black on white with a quiet zone of two cells, at most `side` wide with whole
// pixels per cell; returns the side it took.
float drawQr(ImDrawList* dl, const QrCode& qr, ImVec2 pos, float side);

// The content region between header and footer. Applies the scroll the gesture owes; sets
// `blocked` when the content cannot move any further in that direction.
void beginScrollArea(const char* id, ImVec2 size, float scroll, bool& blocked);
void endScrollArea();
// Whether what was drawn in the scroll area so far reaches below its bottom, were it `height` tall.
[[nodiscard]] bool continuesBelow(float height);
// The last `height` pixels of the scroll area fade into the page (call before endScrollArea).
void fadeBottom(float height);
// The strip under a scroll area that continues out of sight: an arrow and "swipe up". Returns true
// when tapped (the caller then scrolls on by itself).
[[nodiscard]] float scrollCueHeight(const Metrics& m);
bool scrollCue(Frame& f, ImVec2 size);

} // namespace kiosk::ui
