// The kiosk's screens. Each draws itself into the content area and returns what was asked for;
// none opens a file or a database.
#pragma once

#include "core/content.hpp"
#include "core/help.hpp"
#include "core/intent.hpp"
#include "core/navigation.hpp"
#include "core/officer.hpp"
#include "core/qr.hpp"
#include "core/request_check.hpp"
#include "core/session.hpp"
#include "core/takehome.hpp"
#include "ui/keyboard.hpp"
#include "ui/widgets.hpp"

#include <map>
#include <optional>
#include <string>

namespace kiosk::ui {

// Icon and its colour for a home-screen topic.
[[nodiscard]] const char* topicIcon(Topic topic);
[[nodiscard]] ImU32 topicColour(Topic topic);

class HomeScreen {
public:
    Asked draw(Frame& f);
};

// A guidance page from the content.
class PageScreen {
public:
    Asked draw(Frame& f, const Page& page);

private:
    void contact(Frame& f, const Block& b, const std::string& part, float x0, float width);
    QrCache m_qr; // tel: links of the numbers
};

// Help now: the numbers to call, each very large with its QR code (tel:) and what it is for.
class HelpScreen {
public:
    void draw(Frame& f);

private:
    QrCache m_qr;
};

// One number to call at the cursor, in the column: its name, the number in very large type, what it
// is for, and its QR code. In the UI map as help.number.<id>.
void helpNumberCard(Frame& f, QrCache& qr, const HelpNumber& number, Column col);

// Take it home: the QR code of `text` (plain text), what to do with it, and the text itself. In
// the UI map as takehome.qr, with the text as its value (and values["takehome"]).
class TakeHomeScreen {
public:
    void draw(Frame& f, const std::string& title, const std::string& text);

private:
    QrCache m_qr{kTakeHomeCorrection};
};

// "Bawa pulang" at the cursor in the column, at most `maxWidth` wide (as the buttons around it), when
// `text` is something to take home (see offeredToTakeHome): in the UI map as takehome.open with
// the text as its value. True when tapped.
bool takeHomeButton(Frame& f, const std::string& text, Column col, float maxWidth);

// The glyph of a checklist icon (one of checklistIcons(): documents and answers), or nullptr.
[[nodiscard]] const char* checklistIcon(const std::string& name);

// One question of a checklist of either kind at the cursor, in the column: how far along, the
// question and its note, and a big button with its icon for each answer, in the UI map as
// `idPrefix` and the answer's id.
Asked checklistQuestion(Frame& f, Column column, const ChecklistRules& rules, const ChecklistText& words,
                        const Answers& answers, const ChecklistRules::Question* q,
                        const std::string& idPrefix);
// The start of a checklist screen of either kind: its title at the top of the column, then the first
// question not yet answered, its answers in the UI map as `idPrefix`, the question's id and a dot
// when `questionInId`, and the answer's id. What was tapped while a question remains; nullopt once
// every question is answered and the screen goes on with the result.
std::optional<Asked> checklistStart(Frame& f, Column column, const ChecklistRules& rules,
                                    const ChecklistText& words, const Answers& answers,
                                    const std::string& idPrefix, bool questionInId);

// Questions, then the documents and fees that apply, with where their facts come from.
class ChecklistScreen {
public:
    Asked draw(Frame& f, const ChecklistRules& rules, const ChecklistText& words,
               const ChecklistProgress& progress);
};

// "Cek perusahaan / sponsor": the name typed, what the registry says of it, and the next steps. The
// keyboard is drawn below the content area like the form's.
class RecruiterScreen {
public:
    Asked draw(Frame& f, const CompanySearch& search);
    Asked drawKeyboard(Frame& f, const CompanySearch& search, float width);
    [[nodiscard]] bool keyboardRepeating() const { return m_keyboard.repeating(); }
    // A new visit: nothing of the last resident's search is kept.
    void forget() { *this = RecruiterScreen{}; }

private:
    // The registry's best matches for `query`, searched again only when it changed (an empty query
    // is never searched: it has no results).
    const std::vector<RegistryMatch>& results(const Content& content, const std::string& query);
    // The field with what was typed; true when tapped.
    bool drawQuery(Frame& f, Column column, const CompanySearch& search);
    Asked drawResults(Frame& f, Column column, const CompanySearch& search);
    Asked drawNextSteps(Frame& f, Column column, const CompanySearch& search);

    Keyboard m_keyboard;
    QrCache m_qr;
    std::string m_query;
    std::vector<RegistryMatch> m_results;
};

// "Cek permintaan saya": the reference typed with a big Cek button, then what the office's news says
// of it, or that it is not in the news, or that the office has sent none yet; a countdown while a wait
// after wrong references runs (`waitSeconds`). The keyboard is drawn below the content area.
class StatusCheckScreen {
public:
    Asked draw(Frame& f, const StatusLookup& lookup, const StatusBook* book, int waitSeconds);
    Asked drawKeyboard(Frame& f, float width);
    [[nodiscard]] bool keyboardRepeating() const { return m_keyboard.repeating(); }
    // A new visit: nothing of the last resident's typing is kept.
    void forget() { *this = StatusCheckScreen{}; }

private:
    // The field with the reference and the Cek button beside it.
    Asked drawQuery(Frame& f, Column column, const StatusLookup& lookup, int waitSeconds);
    void drawFound(Frame& f, Column column, const StatusEntry& entry);
    // If help is needed now: the numbers to call.
    void drawEmergency(Frame& f, Column column);

    Keyboard m_keyboard;
};

// The job-offer check, a sign checklist: questions (answers as offer.answer.<question>.<answer>),
// then the warning signs the answers show, grave ones first in red, each with why it matters and its
// source; the numbers to call now when one is grave; the next steps; a callback and a restart.
class OfferCheckScreen {
public:
    Asked draw(Frame& f, const ChecklistRules& rules, const ChecklistText& words,
               const ChecklistProgress& progress);

private:
    QrCache m_qr; // tel: codes of the numbers to call now
};

// "Ask to be called back": the form, with its keyboard while a field is edited.
class CallbackFormScreen {
public:
    // The form, in the scrolled content area.
    Asked draw(Frame& f, const FormState& form);
    // The keyboard, below the content area, while a field is being edited.
    Asked drawKeyboard(Frame& f, const FormState& form, float width);
    [[nodiscard]] bool keyboardRepeating() const { return m_keyboard.repeating(); }
    // A new visit: nothing of the last resident's typing is kept, even for comparison.
    void forget() { *this = CallbackFormScreen{}; }

private:
    void scrollIntoSight(const Metrics& m, const FormState& form, float scrollTarget, float editedBottom);
    // Trafficking chosen: the numbers to call if someone is in danger now, then on with the request.
    Asked drawDanger(Frame& f);

    Keyboard m_keyboard;
    QrCache m_qr;
    bool m_dangerShown = false; // the emergency card was drawn on the last frame
    unsigned m_scrollSeen = 0;
    std::string m_editedSeen; // what the edited field showed last frame
};

// The callback request as it will be sent, to look over before sending.
class CallbackReviewScreen {
public:
    void draw(Frame& f, const FormState& form);
    // Edit and Send, below the content area.
    [[nodiscard]] static float barHeight(const Metrics& m);
    Asked drawBar(Frame& f, const FormState& form, float width);
};

// The callback request saved: its reference.
class CallbackDoneScreen {
public:
    Asked draw(Frame& f, const std::string& reference);
};

// Officer mode: the PIN pad (also for making a new PIN).
class OfficerPinScreen {
public:
    Asked draw(Frame& f, const OfficerSession& officer);
};

// Officer mode once in: collecting requests onto a stick, and how the kiosk is doing.
class OfficerDashboardScreen {
public:
    Asked draw(Frame& f, const OfficerSnapshot& desk, const OfficerSession& officer);

private:
    // The content card's review for the day of the desk's last read: worked out again only when
    // that day, the content or the office's limit changes, not on every frame.
    const ContentReview& review(const Frame& f, const OfficerDashboard& d);

    ContentReview m_review;
    const Content* m_reviewed = nullptr;
    const LocalContacts* m_reviewedContacts = nullptr;
    int m_reviewedMaxAge = 0;
};

// Full screen, over everything: "still there?" with the seconds left.
class IdlePromptScreen {
public:
    void draw(Frame& f, int secondsLeft);
};

// What the attract screen shows besides its words: which card, and whose service the kiosk is
// (from kiosk.toml).
struct AttractView {
    long step = 0;                     // the card: each topic in every language in turn
    std::vector<std::string> partners; // [kiosk] partners; none: the programme is named
    std::string logo;                  // [kiosk] logo, a picture in the media folder; "": none
    std::string village;
};

// Full screen between visitors: whose service this is, the numbers to call now, a card for each
// topic in turn, and "touch to start".
class AttractScreen {
public:
    // Returns what differs from the picture it drew the frame before (x0, y0, x1, y1): only the
    // card when only the card turned, an empty rectangle when nothing did; nothing when it may be
    // anything (the first frame, another size, language or logo).
    std::optional<ImVec4> draw(Frame& f, const AttractView& view);
    // Another screen was drawn meanwhile: the next attract frame differs everywhere.
    void forget() { m_still.clear(); }

private:
    std::string m_still; // everything but the card, as drawn the frame before
    long m_step = -1;
};

// Full screen when no content passed its checks: a calm notice in all three languages. Its words
// are built in, since the content files are what failed.
class MaintenanceScreen {
public:
    void draw(Frame& f);
};

} // namespace kiosk::ui
