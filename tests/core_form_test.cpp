// The callback form's checks, as tables of what residents really type, and editing it key by key.
#include "core/form.hpp"
#include "core/reducer.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("names: good ones pass, and each bad one says why")
{
    for (const char* good : {"Siti Aminah", "Sri", "Al", "Dwi Lestari", "Bagus S\u00e9no", "Tuk\u00e8m",
                             "Nur'aini", "R. Ngabehi Sastro", "Maria-Ulfa", "  Slamet   Riyadi  "})
        CHECK_MESSAGE(checkName(good).empty(), good);
    const std::string longest(60, 'a');
    CHECK(checkName(longest).empty());

    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "form.error.required"},
        {"   ", "form.error.required"},
        {"A", "form.error.name_short"},
        {"A.", "form.error.name_short"},
        {"..", "form.error.name_short"},
        {std::string(61, 'a'), "form.error.name_long"},
        {std::string(10'000, 'x'), "form.error.name_long"},
        {"Siti 2", "form.error.name_chars"},
        {"Siti \xF0\x9F\x98\x80", "form.error.name_chars"}, // an emoji
        {"Robert'); DROP TABLE requests;--", "form.error.name_chars"},
        {"=HYPERLINK(\"x\")", "form.error.name_chars"},
        {"Siti\xC3", "form.error.name_chars"}, // cut UTF-8
    };
    for (const auto& [name, why] : bad)
        CHECK_MESSAGE(checkName(name) == why, name);
    CHECK(normaliseName("  Slamet   Riyadi  ") == "Slamet Riyadi");
}

TEST_CASE("phone numbers: every usual way of writing a mobile number is stored as +628...")
{
    const std::vector<std::pair<std::string, std::string>> good{
        {"081234567890", "+6281234567890"},
        {"0812-3456-7890", "+6281234567890"},
        {"0812 3456 7890", "+6281234567890"},
        {"+62 812-3456-7890", "+6281234567890"},
        {"+6281234567890", "+6281234567890"},
        {"6281234567890", "+6281234567890"},
        {"0812345678", "+62812345678"},       // 10 digits: the shortest
        {"0812345678901", "+62812345678901"}, // 13 digits: the longest
        {"62 857 1234 5678", "+6285712345678"},
        {"+62 0812-3456-7890", "+6281234567890"}, // the national 0 kept after +62
    };
    for (const auto& [in, out] : good) {
        const PhoneCheck c = checkPhone(in);
        CHECK_MESSAGE(c.error.empty(), in);
        CHECK_MESSAGE(c.normalised == out, in);
    }
    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "form.error.required"},
        {" - ", "form.error.required"},
        {"0271 891234", "form.error.phone_landline"}, // Sragen's area code
        {"+62 271 891234", "form.error.phone_landline"},
        {"081234567", "form.error.phone_short"},
        {"08123456789012", "form.error.phone_long"},
        {"0812abc4567", "form.error.phone_chars"},
        {"0812.3456.7890", "form.error.phone_chars"},
        {"+60 12 345 6789", "form.error.phone_prefix"}, // Malaysia
        {"812345678", "form.error.phone_prefix"},
        {"00812345678", "form.error.phone_prefix"},
        {"+62 0271 891234", "form.error.phone_landline"},
        {"+", "form.error.phone_prefix"},
        {"08123+4567", "form.error.phone_chars"},
        {std::string(10'000, '8'), "form.error.phone_prefix"},
        {"0812345678\xF0\x9F\x93\x9E", "form.error.phone_chars"},
    };
    for (const auto& [in, why] : bad)
        CHECK_MESSAGE(checkPhone(in).error == why, in);
}

TEST_CASE("address, RT/RW and note")
{
    CHECK(checkDusun("").empty());
    CHECK(checkDusun("Cemeng Kidul").empty());
    CHECK(checkDusun("Dukuh 2").empty());
    CHECK(checkDusun(std::string(41, 'a')) == "form.error.dusun_long");
    CHECK(checkDusun("Cemeng; DROP") == "form.error.dusun_chars");

    for (const char* good : {"", "1", "03", "007", "999"})
        CHECK_MESSAGE(checkAreaNumber(good).empty(), good);
    for (const char* bad : {"0", "000", "1000", "1a", "-1", "3/4"})
        CHECK_MESSAGE(checkAreaNumber(bad) == "form.error.area_number", bad);
    CHECK(normaliseAreaNumber("007") == "7");
    CHECK(normaliseAreaNumber("0") == "0");

    CHECK(checkNote("").empty());
    CHECK(checkNote("Tolong telepon sore.\nTerima kasih, \"Bu\" Siti").empty());
    CHECK(checkNote("=1+2, @SUM(A1), -3, +4; '); DROP TABLE requests;--").empty()); // stored verbatim
    std::string longest;
    for (int i = 0; i < 280; ++i)
        longest += "\u00e9";
    CHECK(checkNote(longest).empty());
    CHECK(checkNote(longest + "a") == "form.error.note_long");
    CHECK(checkNote(std::string(10'000, 'n')) == "form.error.note_long");
    CHECK(checkNote("ok \xF0\x9F\x98\x80") == "form.error.unsupported_char");
}

TEST_CASE("clean text strips control characters and refuses what the fonts cannot draw")
{
    CHECK(cleanText("Si\x01ti\x7F", false).text == "Siti");
    CHECK_FALSE(cleanText("Si\x01ti", false).refused);
    CHECK(cleanText("a\nb\r\tc", false).text == "a b  c");
    CHECK(cleanText("a\nb", true).text == "a\nb");
    const CleanText emoji = cleanText("Hai \xF0\x9F\x98\x80!", false);
    CHECK(emoji.text == "Hai !");
    CHECK(emoji.refused);
    const CleanText broken = cleanText("a\xC3\x28z\xED\xA0\x80", false); // bad continuation; a surrogate
    CHECK(broken.refused);
    CHECK(broken.text == "a(z");
    CHECK(cleanText("\u00e9\u00e8\u2013", false).text == "\u00e9\u00e8\u2013");
}

TEST_CASE("typing with the on-screen keyboard: capitals, accents, caret, backspace, limits")
{
    FormState form;
    CHECK(form.key(Key::A) == KeyResult::Ignored); // no field open
    form.focus(Field::Name);
    CHECK(form.shift); // a name starts with a capital
    for (const Key k :
         {Key::S, Key::EAcute, Key::N, Key::O, Key::Space, Key::B, Key::A, Key::G, Key::U, Key::S})
        form.key(k);
    CHECK(form.at(Field::Name).text == "S\u00e9no Bagus");
    form.key(Key::Backspace);
    form.key(Key::Backspace);
    CHECK(form.at(Field::Name).text == "S\u00e9no Bag");
    // The caret moved into the middle: typing goes there, backspace removes a whole é.
    form.setCaret(Field::Name, 3); // after "Sé"
    form.key(Key::Backspace);
    CHECK(form.at(Field::Name).text == "Sno Bag");
    CHECK(form.at(Field::Name).caret == 1);
    form.key(Key::Shift);
    form.key(Key::EGrave);
    CHECK(form.at(Field::Name).text == "S\u00c8no Bag");
    form.setCaret(Field::Name, 2); // inside the È: snaps to its start
    CHECK(form.at(Field::Name).caret == 1);

    // The limit: the 61st letter is not typed, and says so; nothing typed before is lost.
    form.focus(Field::Name);
    while (form.key(Key::X) != KeyResult::TooLong) {
    }
    CHECK(countCodePoints(form.at(Field::Name).text) == 60);
    CHECK(form.notice == "form.notice.max_length");
    CHECK(form.insert(Field::Name, std::string(10'000, 'y')) == KeyResult::TooLong);
    CHECK(countCodePoints(form.at(Field::Name).text) == 60);

    // An emoji from elsewhere is refused with a message; the rest is kept.
    form.focus(Field::Note);
    CHECK(form.insert(Field::Note, "hai \xF0\x9F\x98\x80") == KeyResult::Refused);
    CHECK(form.at(Field::Note).text == "hai ");
    CHECK(form.notice == "form.error.unsupported_char");
    form.key(Key::Newline);
    form.key(Key::O);
    CHECK(form.at(Field::Note).text == "hai \no");
    CHECK(form.notice.empty());

    // "Next" walks the fields in screen order, then closes the keyboard.
    form.focus(Field::Rt);
    form.key(Key::Next);
    CHECK(form.editing == Field::Rw);
    form.key(Key::Next);
    CHECK(form.editing == Field::Note);
    form.key(Key::Next);
    CHECK_FALSE(form.editing);
}

TEST_CASE("every key has one id in the UI map, and the id leads back to it")
{
    for (int k = 0; k <= static_cast<int>(Key::Done); ++k) {
        const auto key = static_cast<Key>(k);
        CHECK(keyFromId(keyId(key)) == key);
    }
    CHECK(keyId(Key::A) == "a");
    CHECK(keyId(Key::Digit7) == "7");
    CHECK(keyId(Key::EAcute) == "e-acute");
    CHECK(keyId(Key::Done) == "done");
    CHECK_FALSE(keyFromId("enter"));
    CHECK(FormState::keyText(Key::EAcute, true) == "\u00c9");
    CHECK_FALSE(FormState::keyText(Key::Shift, false));
}

TEST_CASE("a field is checked when the resident leaves it; typing again clears its message")
{
    FormState form;
    form.focus(Field::Phone);
    for (const Key k : {Key::Digit0, Key::Digit2, Key::Digit7, Key::Digit1})
        form.key(k);
    CHECK(form.errorOf(Field::Phone).empty()); // not while typing
    form.focus(Field::Name);                   // leaves the phone field
    CHECK(form.errorOf(Field::Phone) == "form.error.phone_landline");
    CHECK(form.at(Field::Phone).text == "0271"); // nothing lost
    CHECK(form.errorOf(Field::Name).empty());    // an empty field is not scolded on the way past
    form.focus(Field::Phone);
    form.key(Key::Backspace);
    CHECK(form.errorOf(Field::Phone).empty());
    form.closeKeyboard();
    CHECK(form.errorOf(Field::Phone) == "form.error.phone_landline");
}

namespace {

// Sends the reviewed form; returns the request the reducer asked to save, with its ticket.
std::optional<effect::SaveRequest> send(Session& s)
{
    for (Effect& e : apply(s, intent::Send{}))
        if (auto* save = std::get_if<effect::SaveRequest>(&e))
            return std::move(*save);
    return std::nullopt;
}

void type(Session& s, Field field, const std::string& keys)
{
    apply(s, intent::FocusField{field});
    for (const char c : keys)
        apply(s, intent::PressKey{c == ' ' ? Key::Space : *keyFromId(std::string(1, c))});
}

} // namespace

TEST_CASE("the whole form: review shows only good data, a failed save keeps everything, a saved one "
          "leaves only the reference")
{
    Session s;
    apply(s, intent::Open{Route::callback("passport")});
    CHECK(s.form.topic == RequestTopic::Passport); // came from the passport checklist

    apply(s, intent::Review{});
    CHECK(s.nav.current().kind == ScreenKind::Callback); // still the form
    CHECK(s.form.errorOf(Field::Name) == "form.error.required");
    CHECK(s.form.errorOf(Field::Phone) == "form.error.required");
    CHECK(s.form.consentError == "form.error.consent");
    CHECK(s.form.scrollTo == "name");

    type(s, Field::Name, "siti aminah");
    type(s, Field::Phone, "081234567890");
    type(s, Field::Rt, "003");
    apply(s, intent::Back{}); // Back first closes the keyboard
    CHECK(s.nav.current().kind == ScreenKind::Callback);
    CHECK_FALSE(s.form.editing);
    apply(s, intent::ChooseTime{ContactTime::Afternoon});
    apply(s, intent::Review{});
    CHECK(s.form.scrollTo == "consent");
    apply(s, intent::ToggleConsent{});
    apply(s, intent::Review{});
    REQUIRE(s.nav.current().kind == ScreenKind::CallbackReview);

    const auto failed = send(s);
    REQUIRE(failed);
    CHECK(send(s) == std::nullopt); // a second tap while it is being saved asks for nothing
    CHECK(s.nav.current().kind == ScreenKind::CallbackReview); // nothing shown before the answer
    apply(s, intent::RequestNotSaved{failed->ticket, SaveFailure::Full});
    CHECK(s.nav.current().kind == ScreenKind::CallbackReview);
    CHECK(s.form.sendFailure == SaveFailure::Full);
    CHECK(s.form.at(Field::Name).text == "Siti Aminah");

    const auto saved = send(s);
    REQUIRE(saved);
    CHECK(saved->ticket != failed->ticket);
    apply(s, intent::RequestSaved{failed->ticket, "CMG-0001"}); // an answer to the earlier send
    CHECK(s.nav.current().kind == ScreenKind::CallbackReview);
    apply(s, intent::RequestSaved{saved->ticket, "CMG-0427"});
    CHECK(s.nav.current().kind == ScreenKind::CallbackDone);
    CHECK(s.reference == "CMG-0427");
    CHECK(s.form.at(Field::Name).text.empty());
    const CallbackRequest& r = saved->request;
    CHECK(r.name == "Siti Aminah");
    CHECK(r.phone == "+6281234567890");
    CHECK(r.rt == "3");
    CHECK(r.rw.empty());
    CHECK(r.topic == RequestTopic::Passport);
    CHECK(r.time == ContactTime::Afternoon);
    apply(s, intent::Back{});
    CHECK(s.nav.atHome());

    // With no store at all the save fails calmly too (the effect runner answers Unavailable).
    Session t;
    apply(t, intent::Open{Route::callback()});
    type(t, Field::Name, "tri");
    type(t, Field::Phone, "0857 1111 2222");
    apply(t, intent::ChooseTopic{RequestTopic::Other});
    apply(t, intent::ToggleConsent{});
    apply(t, intent::Review{});
    const auto lost = send(t);
    REQUIRE(lost);
    apply(t, intent::RequestNotSaved{lost->ticket, SaveFailure::Unavailable});
    CHECK(t.form.sendFailure == SaveFailure::Unavailable);
    CHECK(t.nav.current().kind == ScreenKind::CallbackReview);

    // The idle wipe takes everything.
    t.reset();
    CHECK(t.form.at(Field::Name).text.empty());
    CHECK_FALSE(t.form.consent);
}
