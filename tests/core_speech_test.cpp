// Tests of what is read aloud: sentences, numbers spelled for the voice, page scripts, and the
// audio buffer a synthesiser fills while a player reads it.
#include "core/speech.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

using namespace kiosk;

namespace {

std::vector<std::string> sentences(std::string_view text)
{
    std::vector<std::string> out;
    for (const auto& [b, e] : splitSentences(text))
        out.emplace_back(text.substr(b, e - b));
    return out;
}

} // namespace

TEST_CASE("sentences end at . ! ? before a space or the end, and at line breaks")
{
    using V = std::vector<std::string>;
    CHECK(sentences("Bawa KTP. Bawa KK!  Sudah siap?") == V{"Bawa KTP.", "Bawa KK!", "Sudah siap?"});
    CHECK(sentences("Biaya Rp 350.000 untuk paspor.") == V{"Biaya Rp 350.000 untuk paspor."});
    CHECK(sentences("Satu\nDua.") == V{"Satu", "Dua."});
    CHECK(sentences("Apa?! Ya...  Lalu \"selesai.\" Akhir") ==
          V{"Apa?!", "Ya...", "Lalu \"selesai.\"", "Akhir"});
    CHECK(sentences("Kerja (resmi.) Aman") == V{"Kerja (resmi.)", "Aman"});
    CHECK(sentences("").empty());
    CHECK(sentences("   \n  ").empty());
    CHECK(sentences("Tanpa titik") == V{"Tanpa titik"});
    // The ranges point into the text as it is shown.
    const std::string text = "  Satu.  Dua.";
    const auto r = splitSentences(text);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == std::pair<std::size_t, std::size_t>{2, 7});
    CHECK(r[1] == std::pair<std::size_t, std::size_t>{9, 13});
}

TEST_CASE("phone numbers are read digit by digit; amounts, years and words stay as they are")
{
    CHECK(speakable("Telepon 1500630.") == "Telepon 1 5 0 0 6 3 0.");
    CHECK(speakable("+62 812-3456") == "plus 6 2, 8 1 2, 3 4 5 6");
    CHECK(speakable("WA 0812 3456 7890") == "WA 0 8 1 2, 3 4 5 6, 7 8 9 0");
    CHECK(speakable("Rp 350.000") == "Rp 350.000");
    CHECK(speakable("sejak 2024, umur 18") == "sejak 2024, umur 18");
    CHECK(speakable("P3MI 12345") == "P3MI 1 2 3 4 5");
    CHECK(speakable("ABC12345") == "ABC12345"); // part of a word: not a number to spell
    CHECK(speakable("") == "");
}

TEST_CASE("a page's script: title, then every block in order, each sentence with its spot")
{
    Page page;
    page.id = "passport";
    page.title = "Paspor";
    Block para;
    para.type = BlockType::Paragraph;
    para.text = "Satu. Dua.";
    Block steps;
    steps.type = BlockType::Steps;
    steps.items = {"Daftar.", "Datang."};
    Block warn;
    warn.type = BlockType::Warning;
    warn.title = "Awas";
    warn.text = "Jangan bayar.";
    Block contact;
    contact.type = BlockType::Contact;
    contact.name = "Kemnaker";
    contact.number = "1500630";
    page.blocks = {para, steps, warn, contact};

    const Script s = pageScript(page, Lang::Jv, voiceFor(Lang::Jv));
    CHECK(s.key == "page:passport");
    CHECK(s.voice == Lang::Id);
    CHECK_FALSE(s.highlights()); // the voice reads Indonesian under Javanese words
    std::vector<std::string> parts, says;
    for (const Sentence& x : s.sentences) {
        parts.push_back(x.spot.part);
        says.push_back(x.say);
    }
    CHECK(parts == std::vector<std::string>{"title", "b0", "b0", "b1.i0", "b1.i1", "b2.t", "b2", "b3.name",
                                            "b3.number"});
    CHECK(says[2] == "Dua.");
    CHECK(s.sentences[2].spot == TextSpot{"b0", "Dua."});
    CHECK(s.page == "passport");
    CHECK(says.back() == "1 5 0 0 6 3 0");
    CHECK(pageScript(page, Lang::En, voiceFor(Lang::En)).highlights());
}

TEST_CASE("speech audio: read while it grows, sentences found by sample, waiting bounded")
{
    SpeechAudio audio(1000);
    std::int16_t buf[8]{};
    CHECK(audio.read(0, buf, 8) == 0);
    CHECK_FALSE(audio.waitFor(1, std::chrono::milliseconds(5)));

    const std::int16_t a[] = {1, 2, 3};
    const std::int16_t b[] = {4, 5};
    audio.beginSentence();
    audio.append(a, 3);
    audio.beginSentence();
    audio.append(b, 2);
    CHECK(audio.size() == 5);
    CHECK(audio.read(2, buf, 8) == 3);
    CHECK(buf[0] == 3);
    CHECK(buf[2] == 5);
    CHECK(audio.sentenceAt(0) == 0);
    CHECK(audio.sentenceAt(2) == 0);
    CHECK(audio.sentenceAt(3) == 1);
    CHECK(audio.sentenceAt(100) == 1);
    CHECK(audio.sentencesBegun() == 2);
    CHECK_FALSE(audio.finished());

    // A player waiting on another thread wakes when the synthesiser appends or finishes.
    std::thread synth([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        audio.append(a, 3);
        audio.finish();
    });
    CHECK(audio.waitFor(8, std::chrono::seconds(5)));
    synth.join();
    CHECK(audio.finished());
    CHECK_FALSE(audio.failed());
    CHECK(audio.waitFor(100, std::chrono::milliseconds(1))); // finished: nothing more to wait for

    SpeechAudio broken;
    broken.fail();
    CHECK(broken.finished());
    CHECK(broken.failed());
}

namespace {

bool says(const Script& s, const std::string& part, std::string_view words)
{
    for (const Sentence& x : s.sentences)
        if (x.spot.part == part && x.spot.text.find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("the screens with something to read: home, every shipped page, the checklist, the form")
{
    const Content& c = test::shippedContent();
    Session session;
    const auto home = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
    REQUIRE(home); // the welcome and every tile
    CHECK(home->key == "home");
    for (const auto& [id, langs] : c.pages) {
        session.nav.open(Route::page(id));
        for (Lang lang : kAllLangs) {
            session.lang = lang;
            const auto script = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
            REQUIRE(script);
            CHECK(script->page == id);
            CHECK(script->voice == voiceFor(lang));
            CHECK(script->sentences.size() >= 5);
            // Read from the Indonesian page on a Javanese screen.
            CHECK(script->sentences.front().spot.text == c.page(id, script->voice)->title);
        }
        session.nav.home();
    }

    session.lang = Lang::En;
    session.nav.open(Route::checklist("passport"));
    session.checklist.id = "passport";
    auto q = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
    REQUIRE(q);
    CHECK(q->key == "checklist:passport:who");
    CHECK(says(*q, "answer.child", "child"));
    session.checklist.answers = {{"who", "self"}};
    q = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
    REQUIRE(q);
    CHECK(q->key == "checklist:passport:purpose");
    CHECK(says(*q, "answer.umrah", "Umrah"));

    session.checklist.answers = {
        {"who", "self"}, {"purpose", "work"}, {"age", "18-or-older"}, {"first", "new"}};
    const auto result = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
    REQUIRE(result);
    CHECK(says(*result, "summary", c.strings.get(Lang::En, "checklist.still_needed")));
    CHECK(says(*result, "doc.kk.detail", c.strings.get(Lang::En, "checklist.where")));
    // What is still needed: one sentence per document, even one whose name has commas of its own.
    const ChecklistText& en = *c.checklistText("passport", Lang::En);
    const std::string proof = en.documents.at("identity-proof").name;
    REQUIRE(proof.find(',') != std::string::npos);
    const auto sentence =
        std::find_if(result->sentences.begin(), result->sentences.end(),
                     [](const Sentence& x) { return x.spot.part == "missing.identity-proof"; });
    REQUIRE(sentence != result->sentences.end());
    CHECK(sentence->spot.text == proof);
    for (const char* doc : {"ktp", "kk", "disnaker-recommendation"})
        CHECK(says(*result, std::string("missing.") + doc, en.documents.at(doc).name));
    CHECK_FALSE(says(*result, "missing.name-change", "")); // optional: never "still needed"
    // Ticked: no longer missing, no "where to get it", and a new key (the cached audio differs).
    session.checklist.have.insert("kk");
    const auto ticked = screenScript(c, test::shippedContacts(), CallbackPromise{}, session);
    CHECK(ticked->key != result->key);
    CHECK_FALSE(says(*ticked, "doc.kk.detail", c.strings.get(Lang::En, "checklist.where")));

    session.nav.home();
    session.nav.open(Route::callback());
    session.lang = Lang::Jv;
    const CallbackPromise promise{"Kantor Imigrasi Kelas I TPI Surakarta", 5, 21};
    const auto form = screenScript(c, test::shippedContacts(), promise, session);
    REQUIRE(form);
    CHECK(form->voice == Lang::Id);
    CHECK(says(*form, "form.consent", "27"));
    CHECK(says(*form, "form.intro", "5 hari"));
    // Who receives the request and how long the kiosk keeps it after collection, as configured.
    CHECK(says(*form, "form.consent", "Kantor Imigrasi Kelas I TPI Surakarta"));
    CHECK(says(*form, "form.consent", "21 hari setelah diambil"));
    CHECK_FALSE(says(*form, "form.consent", "{"));

    session.nav.open(Route::callbackReview());
    const auto review = screenScript(c, test::shippedContacts(), promise, session);
    REQUIRE(review);
    CHECK(says(*review, "review.consent_given", "Kantor Imigrasi Kelas I TPI Surakarta"));
    CHECK(says(*review, "review.consent_given", "21 hari"));
}

TEST_CASE("the job-offer check: the question with its note and answers; then the signs with why they "
          "matter, the numbers to call when one is grave, and the next steps")
{
    const Content& content = test::shippedContent();
    const ChecklistRules* offer = content.checklist("offer");
    REQUIRE(offer);
    const ChecklistRules& rules = *offer;
    const ChecklistText* words = content.checklistText("offer", Lang::Id);
    REQUIRE(words);
    const auto parts = [](const Script& s) {
        std::vector<std::string> out;
        for (const Sentence& sentence : s.sentences)
            out.push_back(sentence.spot.part);
        return out;
    };
    const auto has = [](const std::vector<std::string>& list, const std::string& part) {
        return std::find(list.begin(), list.end(), part) != list.end();
    };
    // The second question: the 10 occupations in its note, then every answer.
    ChecklistProgress p{"offer", {{"country", "other"}}, {}};
    Script s = checklistScript(rules, *words, p, content.strings, Lang::Id, Lang::Id);
    CHECK(s.key == "checklist:offer:job");
    auto read = parts(s);
    CHECK(has(read, "question"));
    CHECK(has(read, "question.note"));
    for (const char* a : {"answer.listed", "answer.online", "answer.other", "answer.unknown"})
        CHECK(has(read, a));

    // Nothing found: the summary and its note, the next steps, no numbers.
    p.answers = {{"country", "other"}, {"job", "other"},      {"pay", "no"},      {"recruiter", "company"},
                 {"fee", "no"},        {"contract", "clear"}, {"passport", "me"}, {"visa", "work"}};
    s = checklistScript(rules, *words, p, content.strings, Lang::Id, Lang::Id);
    read = parts(s);
    CHECK(s.key.rfind("checklist:offer:result", 0) == 0);
    CHECK(has(read, "summary"));
    CHECK(has(read, "step.0"));
    CHECK_FALSE(has(read, "help.police.number"));
    CHECK(std::none_of(read.begin(), read.end(),
                       [](const std::string& x) { return x.rfind("sign.", 0) == 0; }));

    // A visit visa: the sign with why it matters, then the police and SAPA digit by digit.
    p.answers.back().second = "visit";
    const Script grave = checklistScript(rules, *words, p, content.strings, Lang::Id, Lang::Id);
    read = parts(grave);
    CHECK(grave.key != s.key);
    CHECK(has(read, "sign.visit-visa"));
    CHECK(has(read, "sign.visit-visa.why"));
    CHECK(has(read, "danger.text"));
    bool police = false;
    for (const Sentence& sentence : grave.sentences)
        if (sentence.spot.part == "help.police.number") {
            police = true;
            CHECK(sentence.say == "1 1 0");
        }
    CHECK(police);
    // The numbers come after the signs and before the next steps.
    const auto at = [&](const std::string& part) {
        return std::find(read.begin(), read.end(), part) - read.begin();
    };
    CHECK(at("sign.visit-visa.why") < at("help.police.number"));
    CHECK(at("help.police.number") < at("step.0"));

    // On the screen: a Javanese one is read in Indonesian, as every checklist is.
    Session session;
    session.lang = Lang::Jv;
    session.nav.open(Route::offerCheck());
    session.checklist = p;
    const auto script = screenScript(content, {}, {}, session);
    REQUIRE(script);
    CHECK(script->voice == Lang::Id);
    CHECK(script->shown == Lang::Jv);
    CHECK(readsAloud(ScreenKind::OfferCheck));
}
