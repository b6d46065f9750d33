// Checking and editing the callback form. Messages are keys into ui.toml, so every check speaks
// the resident's language.
#include "core/form.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace kiosk {
namespace {

constexpr std::string_view kNamePunctuation = " .,-'/";

bool isAsciiDigit(char32_t cp)
{
    return cp >= '0' && cp <= '9';
}

std::string_view trim(std::string_view s, std::string_view what = " \n")
{
    const auto first = s.find_first_not_of(what);
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(what);
    return s.substr(first, last - first + 1);
}

// Checks every code point of `text` with `allowed`; false on invalid UTF-8 too.
template <typename Pred> bool allOf(std::string_view text, Pred allowed)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const auto d = decodeUtf8(text, pos);
        if (!d || !allowed(d->cp))
            return false;
        pos += d->length;
    }
    return true;
}

std::size_t countIf(std::string_view text, bool (*pred)(char32_t))
{
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto d = decodeUtf8(text, pos);
        if (!d)
            return n;
        n += pred(d->cp) ? 1 : 0;
        pos += d->length;
    }
    return n;
}

bool isNameCharacter(char32_t cp)
{
    return isLetter(cp) ||
           (cp < 0x80 && kNamePunctuation.find(static_cast<char>(cp)) != std::string_view::npos);
}

} // namespace

std::string_view fieldId(Field field)
{
    switch (field) {
    case Field::Name: return "name";
    case Field::Phone: return "phone";
    case Field::Dusun: return "dusun";
    case Field::Rt: return "rt";
    case Field::Rw: return "rw";
    case Field::Note: return "note";
    }
    return "name";
}

std::optional<Field> fieldFromId(std::string_view id)
{
    for (Field f : kAllFields)
        if (fieldId(f) == id)
            return f;
    return std::nullopt;
}

std::size_t maxLength(Field field)
{
    switch (field) {
    case Field::Name: return 60;
    case Field::Phone: return 20; // up to 13 digits, a +, and the spaces or dashes people write
    case Field::Dusun: return 40;
    case Field::Rt:
    case Field::Rw: return 3;
    case Field::Note: return 280;
    }
    return 60;
}

bool usesNumberPad(Field field)
{
    return field == Field::Phone || field == Field::Rt || field == Field::Rw;
}

bool isMultiline(Field field)
{
    return field == Field::Note;
}

std::string normaliseName(std::string_view name)
{
    std::string out;
    bool space = false;
    for (const char c : trim(name, " \n\t")) {
        if (c == ' ' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string normaliseAreaNumber(std::string_view rtOrRw)
{
    std::string_view digits = trim(rtOrRw);
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    return std::string(digits);
}

std::string normaliseNote(std::string_view note)
{
    return std::string(trim(note, " \n\t"));
}

std::string checkName(std::string_view name)
{
    const std::string n = normaliseName(name);
    if (n.empty())
        return "form.error.required";
    if (countCodePoints(n) > maxLength(Field::Name))
        return "form.error.name_long";
    if (!allOf(n, isNameCharacter))
        return "form.error.name_chars";
    if (countIf(n, isLetter) < 2)
        return "form.error.name_short";
    return {};
}

PhoneCheck checkPhone(std::string_view phone)
{
    std::string digits;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c == ' ' || c == '-')
            continue;
        if (c == '+' && digits.empty()) {
            digits.push_back('+');
            continue;
        }
        if (c < '0' || c > '9')
            return {{}, "form.error.phone_chars"};
        digits.push_back(c);
    }
    if (digits.empty())
        return {{}, "form.error.required"};
    if (digits == "+")
        return {{}, "form.error.phone_prefix"};

    // The national form, 0…, whichever way it was written.
    std::string national;
    if (digits.rfind("+620", 0) == 0) // "+62 0812…": the 0 of the national form kept by habit
        national = digits.substr(3);
    else if (digits.rfind("+62", 0) == 0)
        national = "0" + digits.substr(3);
    else if (digits.front() == '+')
        return {{}, "form.error.phone_prefix"}; // another country
    else if (digits.rfind("62", 0) == 0)
        national = "0" + digits.substr(2);
    else if (digits.front() == '0')
        national = digits;
    else
        return {{}, "form.error.phone_prefix"};

    if (national.rfind("08", 0) != 0) {
        // 0271… is a landline in Solo/Sragen; 00… is an international prefix: neither is a mobile.
        if (national.size() >= 2 && national[1] >= '1' && national[1] <= '9')
            return {{}, "form.error.phone_landline"};
        return {{}, "form.error.phone_prefix"};
    }
    if (national.size() < 10)
        return {{}, "form.error.phone_short"};
    if (national.size() > 13)
        return {{}, "form.error.phone_long"};
    return {"+62" + national.substr(1), {}};
}

std::string checkDusun(std::string_view dusun)
{
    const std::string d = normaliseName(dusun);
    if (d.empty())
        return {};
    if (countCodePoints(d) > maxLength(Field::Dusun))
        return "form.error.dusun_long";
    if (!allOf(d, [](char32_t cp) { return isNameCharacter(cp) || isAsciiDigit(cp); }))
        return "form.error.dusun_chars";
    return {};
}

std::string checkAreaNumber(std::string_view rtOrRw)
{
    const std::string_view t = trim(rtOrRw);
    if (t.empty())
        return {};
    if (t.size() > 3 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        normaliseAreaNumber(t) == "0")
        return "form.error.area_number";
    return {};
}

std::string checkNote(std::string_view note)
{
    if (countCodePoints(note) > maxLength(Field::Note))
        return "form.error.note_long";
    if (!allOf(note, [](char32_t cp) { return cp == '\n' || isDrawable(cp); }))
        return "form.error.unsupported_char";
    return {};
}

namespace {

constexpr auto kKeyCount = static_cast<std::size_t>(Key::Done) + 1;
// Ids of the keys after the digits, in the enum's order.
constexpr std::array<std::string_view, kKeyCount - 36> kKeyNames{
    "e-acute", "e-grave", "space",   "period", "comma",     "dash", "apostrophe",
    "slash",   "plus",    "newline", "shift",  "backspace", "next", "done"};
constexpr auto kFirstNamed = static_cast<unsigned char>(Key::EAcute);

} // namespace

Key letterKey(char lower)
{
    return static_cast<Key>(static_cast<unsigned char>(Key::A) + static_cast<unsigned char>(lower - 'a'));
}

Key digitKey(int digit)
{
    return static_cast<Key>(static_cast<int>(Key::Digit0) + digit);
}

std::string keyId(Key key)
{
    const auto k = static_cast<unsigned char>(key);
    if (key <= Key::Z)
        return std::string(1, static_cast<char>('a' + k));
    if (key <= Key::Digit9)
        return std::string(1, static_cast<char>('0' + (k - static_cast<unsigned char>(Key::Digit0))));
    return std::string(kKeyNames[k - kFirstNamed]);
}

std::optional<Key> keyFromId(std::string_view id)
{
    if (id.size() == 1 && id[0] >= 'a' && id[0] <= 'z')
        return letterKey(id[0]);
    if (id.size() == 1 && id[0] >= '0' && id[0] <= '9')
        return digitKey(id[0] - '0');
    for (std::size_t i = 0; i < kKeyNames.size(); ++i)
        if (kKeyNames[i] == id)
            return static_cast<Key>(kFirstNamed + i);
    return std::nullopt;
}

std::optional<std::string> FormState::keyText(Key key, bool shift)
{
    if (key <= Key::Z) {
        const std::string lower = keyId(key);
        return shift ? std::string(1, static_cast<char>(lower[0] - 'a' + 'A')) : lower;
    }
    if (key <= Key::Digit9)
        return keyId(key);
    switch (key) {
    case Key::EAcute: return shift ? "\u00C9" : "\u00E9";
    case Key::EGrave: return shift ? "\u00C8" : "\u00E8";
    case Key::Space: return " ";
    case Key::Period: return ".";
    case Key::Comma: return ",";
    case Key::Dash: return "-";
    case Key::Apostrophe: return "'";
    case Key::Slash: return "/";
    case Key::Plus: return "+";
    case Key::Newline: return "\n";
    default: return std::nullopt;
    }
}

bool FormState::autoCapital() const
{
    if (!editing || (*editing != Field::Name && *editing != Field::Dusun))
        return false;
    const FieldText& ft = at(*editing);
    return ft.caret == 0 || ft.text[ft.caret - 1] == ' ';
}

void FormState::focus(Field field)
{
    if (editing && *editing != field)
        checkField(*editing);
    editing = field;
    FieldText& ft = at(field);
    ft.caret = ft.text.size();
    shift = autoCapital();
    notice.clear();
    scrollTo = std::string(fieldId(field));
    ++scrollRequest;
}

void FormState::closeKeyboard()
{
    if (editing)
        checkField(*editing);
    editing.reset();
    shift = false;
    notice.clear();
}

KeyResult FormState::key(Key key)
{
    if (!editing)
        return KeyResult::Ignored;
    const Field field = *editing;
    FieldText& ft = at(field);
    notice.clear();
    if (key == Key::Shift) {
        shift = !shift;
        return KeyResult::Typed;
    }
    if (key == Key::Done) {
        closeKeyboard();
        return KeyResult::Typed;
    }
    if (key == Key::Next) { // on to the next text field; after the last, the keyboard closes
        const auto i = static_cast<std::size_t>(field) + 1;
        if (i < kAllFields.size())
            focus(kAllFields[i]);
        else
            closeKeyboard();
        return KeyResult::Typed;
    }
    if (key == Key::Backspace) {
        if (eraseBeforeCaret(ft) == KeyResult::Ignored)
            return KeyResult::Ignored;
        errorOf(field).clear();
        shift = autoCapital();
        return KeyResult::Typed;
    }
    if (key == Key::Newline && !isMultiline(field))
        return KeyResult::Ignored;
    const auto text = keyText(key, shift);
    if (!text)
        return KeyResult::Ignored;
    return insert(field, *text);
}

KeyResult insertText(FieldText& ft, std::string_view text, std::size_t maxChars, bool multiline,
                     std::string& notice)
{
    CleanText clean = cleanText(text, multiline);
    KeyResult result = clean.refused ? KeyResult::Refused : KeyResult::Typed;
    notice = clean.refused ? "form.error.unsupported_char" : "";

    const std::size_t have = countCodePoints(ft.text);
    const std::size_t room = have >= maxChars ? 0 : maxChars - have;
    if (countCodePoints(clean.text) > room) {
        std::size_t end = 0;
        for (std::size_t n = 0; n < room; ++n)
            end += decodeUtf8(clean.text, end)->length;
        clean.text.resize(end);
        result = KeyResult::TooLong;
        notice = "form.notice.max_length";
    }
    ft.caret = boundaryAtOrBefore(ft.text, ft.caret);
    ft.text.insert(ft.caret, clean.text);
    ft.caret += clean.text.size();
    return result;
}

KeyResult eraseBeforeCaret(FieldText& ft)
{
    if (ft.caret == 0)
        return KeyResult::Ignored;
    const std::size_t from = previousBoundary(ft.text, ft.caret);
    ft.text.erase(from, ft.caret - from);
    ft.caret = from;
    return KeyResult::Typed;
}

KeyResult FormState::insert(Field field, std::string_view text)
{
    FieldText& ft = at(field);
    const std::size_t before = ft.text.size();
    const KeyResult result = insertText(ft, text, maxLength(field), isMultiline(field), notice);
    if (ft.text.size() != before)
        errorOf(field).clear();
    if (editing == field)
        shift = autoCapital();
    return result;
}

void FormState::setCaret(Field field, std::size_t byteOffset)
{
    FieldText& ft = at(field);
    ft.caret = boundaryAtOrBefore(ft.text, byteOffset);
    if (editing == field)
        shift = autoCapital();
}

void FormState::checkField(Field field)
{
    const std::string& text = at(field).text;
    std::string& error = errorOf(field);
    switch (field) {
    case Field::Name: error = normaliseName(text).empty() ? "" : checkName(text); break;
    case Field::Phone: error = normaliseName(text).empty() ? "" : checkPhone(text).error; break;
    case Field::Dusun: error = checkDusun(text); break;
    case Field::Rt:
    case Field::Rw: error = checkAreaNumber(text); break;
    case Field::Note: error = checkNote(text); break;
    }
}

std::optional<CallbackRequest> FormState::check(Lang lang)
{
    for (Field f : kAllFields)
        checkField(f);
    // Required fields say so only when the resident asks to go on.
    errorOf(Field::Name) = checkName(at(Field::Name).text);
    const PhoneCheck phone = checkPhone(at(Field::Phone).text);
    errorOf(Field::Phone) = phone.error;
    topicError = topic ? "" : "form.error.topic";
    consentError = consent ? "" : "form.error.consent";

    std::string first;
    for (Field f : kAllFields) {
        if (!errorOf(f).empty() && first.empty())
            first = std::string(fieldId(f));
        // The topic is asked between the address and the note.
        if (f == Field::Rw && first.empty() && !topicError.empty())
            first = "topic";
    }
    if (first.empty() && !consentError.empty())
        first = "consent";
    if (!first.empty()) {
        scrollTo = first;
        ++scrollRequest;
        return std::nullopt;
    }
    CallbackRequest r;
    r.name = normaliseName(at(Field::Name).text);
    r.phone = phone.normalised;
    r.dusun = normaliseName(at(Field::Dusun).text);
    r.rt = normaliseAreaNumber(at(Field::Rt).text);
    r.rw = normaliseAreaNumber(at(Field::Rw).text);
    r.topic = *topic;
    r.time = time;
    r.note = normaliseNote(at(Field::Note).text);
    r.lang = lang;
    return r;
}

std::string phoneForReading(const std::string& normalised)
{
    if (normalised.rfind("+62", 0) != 0)
        return normalised;
    const std::string national = "0" + normalised.substr(3);
    std::string out;
    for (std::size_t i = 0; i < national.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out.push_back('-');
        out.push_back(national[i]);
    }
    return out;
}

std::vector<ReviewRow> reviewRows(const FormState& form, const Strings& strings, Lang lang)
{
    const auto t = [&](const std::string& key) { return strings.get(lang, key); };
    const std::string phone = checkPhone(form.at(Field::Phone).text).normalised;
    std::string address = normaliseName(form.at(Field::Dusun).text);
    const std::string rt = normaliseAreaNumber(form.at(Field::Rt).text);
    const std::string rw = normaliseAreaNumber(form.at(Field::Rw).text);
    if (!rt.empty())
        address += (address.empty() ? "" : ", ") + t("form.field.rt.label") + " " + rt;
    if (!rw.empty())
        address += (address.empty() ? "" : rt.empty() ? ", " : " / ") + t("form.field.rw.label") + " " + rw;
    const std::string note = normaliseNote(form.at(Field::Note).text);
    const std::string none = "\u2013"; // an optional part left empty
    return {
        {t("form.field.name.label"), normaliseName(form.at(Field::Name).text)},
        {t("form.field.phone.label"), phoneForReading(phone), true},
        {t("form.address"), address.empty() ? none : address},
        {t("form.topic.label"),
         form.topic ? t("form.topic." + std::string(requestTopicId(*form.topic))) : ""},
        {t("form.time.label"), t("form.time." + std::string(contactTimeId(form.time)))},
        {t("form.field.note.label"), note.empty() ? none : note},
    };
}

} // namespace kiosk
