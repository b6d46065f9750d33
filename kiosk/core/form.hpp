// The callback form: what a resident has typed and chosen, editing it key by key from the
// on-screen keyboard, and checking each field in the words the resident will read.
#pragma once

#include "core/language.hpp"
#include "core/request.hpp"
#include "core/strings.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class Field { Name, Phone, Dusun, Rt, Rw, Note };
inline constexpr std::array<Field, 6> kAllFields{Field::Name, Field::Phone, Field::Dusun,
                                                 Field::Rt,   Field::Rw,    Field::Note};

// "name", "phone", "dusun", "rt", "rw", "note": UI map ids (form.field.<id>) and string keys.
[[nodiscard]] std::string_view fieldId(Field field);
[[nodiscard]] std::optional<Field> fieldFromId(std::string_view id);
// Most characters a field takes; typing stops there with a notice (nothing already typed is lost).
[[nodiscard]] std::size_t maxLength(Field field);
// Phone and RT/RW get the number pad; the rest the letters.
[[nodiscard]] bool usesNumberPad(Field field);
[[nodiscard]] bool isMultiline(Field field);

// Each check returns the key of its message in ui.toml ("form.error.phone_prefix"), or "" when
// the value is fine. Values are checked as typed (spaces at the ends do not count).
[[nodiscard]] std::string checkName(std::string_view name);
[[nodiscard]] std::string checkDusun(std::string_view dusun);
[[nodiscard]] std::string checkAreaNumber(std::string_view rtOrRw);
[[nodiscard]] std::string checkNote(std::string_view note);

struct PhoneCheck {
    std::string normalised; // "+628…" when good
    std::string error;      // message key when not
};
// Indonesian mobile numbers written 08…, +628… or 628… (also +62 08…), with spaces or dashes;
// 10–13 digits in the 08… form.
[[nodiscard]] PhoneCheck checkPhone(std::string_view phone);

// Normalised values, as they are stored.
[[nodiscard]] std::string normaliseName(std::string_view name);         // trimmed, single spaces
[[nodiscard]] std::string normaliseAreaNumber(std::string_view rtOrRw); // "007" -> "7"
[[nodiscard]] std::string normaliseNote(std::string_view note);         // trimmed ends

// One text field: its text and where the caret is (a byte offset on a character boundary).
struct FieldText {
    std::string text;
    std::size_t caret = 0;
};

// The keys of the on-screen keyboard: letters, digits, signs, and the keys that do something.
enum class Key : unsigned char {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    W,
    X,
    Y,
    Z,
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    EAcute,
    EGrave,
    Space,
    Period,
    Comma,
    Dash,
    Apostrophe,
    Slash,
    Plus,
    Newline,
    Shift,
    Backspace,
    Next,
    Done,
};
[[nodiscard]] Key letterKey(char lower); // 'a'..'z'
[[nodiscard]] Key digitKey(int digit);   // 0..9
// Its UI map id (osk.key.<id>) and string key: "a", "7", "e-acute", "period", "shift", "done".
[[nodiscard]] std::string keyId(Key key);
[[nodiscard]] std::optional<Key> keyFromId(std::string_view id);

enum class KeyResult { Typed, Refused, TooLong, Ignored };

// Editing one line or box of text, for the form's fields and the company search alike.
// `text` cleaned (characters the kiosk cannot show refused), cut to `maxChars` characters in all,
// inserted at the caret. `notice` becomes the key of a message about it, or "".
KeyResult insertText(FieldText& field, std::string_view text, std::size_t maxChars, bool multiline,
                     std::string& notice);
// The character before the caret erased; Ignored at the start.
KeyResult eraseBeforeCaret(FieldText& field);

struct FormState {
    std::array<FieldText, kAllFields.size()> fields;
    std::array<std::string, kAllFields.size()> errors; // message keys, shown beside each field
    std::optional<RequestTopic> topic;
    std::string topicError;
    // Trafficking chosen as the topic: first a calm card with the numbers to call if someone is in
    // danger now (the office calls only days later), once a visit.
    bool dangerCard = false;
    bool dangerSeen = false;
    ContactTime time = ContactTime::Any;
    bool consent = false;
    std::string consentError;
    std::optional<Field> editing; // the keyboard is open on this field
    bool shift = false;           // the next letter is a capital
    // A message about the last key (too long, a character the kiosk cannot show), until the next key.
    std::string notice;
    // The last send failed: the review screen apologises and the form stays as it was.
    SaveFailure sendFailure = SaveFailure::None;
    // Sent and being committed: the ticket its answer will carry. Send waits until it is answered.
    std::optional<std::uint64_t> saving;
    // Bumped whenever the screen should bring a part into view: the field now edited, or the first
    // part with a problem after a check. `scrollTo` is a field id, "topic" or "consent".
    unsigned scrollRequest = 0;
    std::string scrollTo;

    [[nodiscard]] FieldText& at(Field f) { return fields[static_cast<std::size_t>(f)]; }
    [[nodiscard]] const FieldText& at(Field f) const { return fields[static_cast<std::size_t>(f)]; }
    [[nodiscard]] std::string& errorOf(Field f) { return errors[static_cast<std::size_t>(f)]; }
    [[nodiscard]] const std::string& errorOf(Field f) const { return errors[static_cast<std::size_t>(f)]; }

    // Opens the keyboard on `field` (checking the field being left), with the caret at the end.
    void focus(Field field);
    // Closes the keyboard, checking the field being left.
    void closeKeyboard();
    // One key of the on-screen keyboard on the field being edited: Next goes on to the next field,
    // Done closes the keyboard.
    KeyResult key(Key key);
    // Text from anywhere else (a physical keyboard, a test): cleaned, then inserted at the caret.
    KeyResult insert(Field field, std::string_view text);
    void setCaret(Field field, std::size_t byteOffset);
    // Checks one field now and keeps its message.
    void checkField(Field field);
    // Checks everything; the request when all is well, else the messages are set and the screen
    // is asked to show the first field with a problem.
    std::optional<CallbackRequest> check(Lang lang);
    // What a key types: A -> "a" or "A", EAcute -> "é", Space -> " "; nothing for Shift and the like.
    [[nodiscard]] static std::optional<std::string> keyText(Key key, bool shift);
    // Whether letters start capitalised here (names and dusun: the start of each word).
    [[nodiscard]] bool autoCapital() const;
};

// One line of the review before sending: its label, and the value as it will be stored.
struct ReviewRow {
    std::string label;
    std::string value;
    bool phone = false; // read back digit by digit
};

// What the review screen shows and reads back, in `lang`: name, phone, address, topic, time, note.
[[nodiscard]] std::vector<ReviewRow> reviewRows(const FormState& form, const Strings& strings, Lang lang);

// "+6281234567890" as a resident writes it: "0812-3456-7890".
[[nodiscard]] std::string phoneForReading(const std::string& normalised);

} // namespace kiosk
