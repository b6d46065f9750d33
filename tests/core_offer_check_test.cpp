// The job-offer check's rules, for every way through its questions, against the warning signs
// CONTENT_FACTS.md supports (Kemnaker and Disnaker Banjarnegara; PP 10/2020; UU 18/2017 Pasal 13 and
// Pasal 30(1); Peraturan BP2MI 9/2020; Cambodia, Myanmar and Thailand without a placement agreement;
// visit visas for work; the "customer service" lure).
#include "core/content.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

const ChecklistRules& offer()
{
    const ChecklistRules* rules = test::shippedContent().checklist("offer");
    REQUIRE(rules);
    return *rules;
}

std::vector<std::string> ids(const std::vector<const ChecklistRules::Item*>& items)
{
    std::vector<std::string> out;
    for (const auto* i : items)
        out.push_back(i->id);
    return out;
}

std::vector<std::string> askedIds(const ChecklistRules& rules, const Answers& a)
{
    std::vector<std::string> out;
    for (const auto* q : rules.asked(a))
        out.push_back(q->id);
    return out;
}

// The signs the facts call for, grave ones first (in the order the rules list them).
std::vector<std::string> expectedSigns(const Answers& a)
{
    const auto is = [&](const char* q, const char* answer) {
        const auto it = a.find(q);
        return it != a.end() && it->second == answer;
    };
    std::vector<std::string> out;
    if (is("passport", "agent"))
        out.push_back("passport-held");
    if (is("country", "cambodia-myanmar-thailand"))
        out.push_back("no-agreement-country");
    if (is("visa", "visit"))
        out.push_back("visit-visa");
    if (is("fee", "yes"))
        out.push_back("fee");
    if (is("fee", "yes") && is("job", "listed"))
        out.push_back("fee-free-job");
    if (is("payment", "personal"))
        out.push_back("personal-account");
    if (is("pay", "yes"))
        out.push_back("too-good");
    if (is("recruiter", "social") || is("recruiter", "person"))
        out.push_back("no-company");
    if (is("job", "online"))
        out.push_back("online-job");
    if (is("contract", "unclear") || is("contract", "none"))
        out.push_back("no-contract");
    return out;
}

// Every complete way through the questions (skipped ones left out).
void everyWay(const ChecklistRules& rules, Answers a, std::vector<Answers>& out)
{
    const ChecklistRules::Question* q = rules.next(a);
    if (!q) {
        out.push_back(a);
        return;
    }
    for (const auto& answer : q->answers) {
        Answers next = a;
        next[q->id] = answer;
        everyWay(rules, std::move(next), out);
    }
}

} // namespace

TEST_CASE("the job-offer check is a sign checklist of nine questions at most, each answer with its icon")
{
    const ChecklistRules& rules = offer();
    CHECK(rules.kind == ChecklistKind::Signs);
    CHECK(routeTo(rules) == Route::offerCheck());
    CHECK(rules.documents.empty());
    CHECK(rules.fees.empty());
    CHECK(rules.warnings.empty());
    CHECK(rules.questions.size() >= 7);
    CHECK(rules.questions.size() <= 9);
    for (const auto& q : rules.questions) {
        CHECK(q.answers.size() <= 4); // big buttons, a short choice
        for (const auto& a : q.answers) {
            INFO(q.id, " ", a);
            REQUIRE(q.icons.count(a) == 1);
            CHECK(checklistIcons().count(q.icons.at(a)) == 1);
        }
    }
    // The passport checklist stays a document checklist.
    const ChecklistRules* passport = test::shippedContent().checklist("passport");
    REQUIRE(passport);
    CHECK(passport->kind == ChecklistKind::Documents);
}

TEST_CASE("every way through the job-offer check gives the signs the facts call for, grave ones first")
{
    const ChecklistRules& rules = offer();
    std::vector<Answers> ways;
    everyWay(rules, {}, ways);
    // country 3 x job 4 x pay 3 x recruiter 3 x (fee yes x 3 places to pay, or no, or unknown) 5 x
    // contract 3 x passport 3 x visa 3.
    CHECK(ways.size() == 3 * 4 * 3 * 3 * 5 * 3 * 3 * 3);
    for (const Answers& a : ways) {
        CHECK(askedIds(rules, a).size() == a.size());
        const auto signs = rules.signsFor(a);
        CHECK(ids(signs) == expectedSigns(a));
        // Grave ones first: no grave sign after one that is not.
        const auto firstMild =
            std::find_if(signs.begin(), signs.end(), [](const auto* sign) { return !sign->grave; });
        CHECK(std::none_of(firstMild, signs.end(), [](const auto* sign) { return sign->grave; }));
    }
}

TEST_CASE("the grave signs are the passport held by others, Cambodia, Myanmar or Thailand, and a visit visa")
{
    std::set<std::string> grave;
    for (const auto& sign : offer().signs)
        if (sign.grave)
            grave.insert(sign.id);
    CHECK(grave == std::set<std::string>{"passport-held", "no-agreement-country", "visit-visa"});
    // One grave answer among harmless ones: that sign alone, and it is grave.
    const Answers a{{"country", "other"},     {"job", "other"}, {"pay", "no"},
                    {"recruiter", "company"}, {"fee", "no"},    {"contract", "clear"},
                    {"passport", "agent"},    {"visa", "work"}};
    const auto signs = offer().signsFor(a);
    REQUIRE(signs.size() == 1);
    CHECK(signs[0]->id == "passport-held");
    CHECK(signs[0]->grave);
}

TEST_CASE("where the money goes is asked only when money is asked for")
{
    const ChecklistRules& rules = offer();
    Answers a{{"country", "other"}, {"job", "listed"}, {"pay", "no"}, {"recruiter", "company"}};
    REQUIRE(rules.next(a));
    CHECK(rules.next(a)->id == "fee");
    a["fee"] = "yes";
    REQUIRE(rules.next(a));
    CHECK(rules.next(a)->id == "payment");
    a["payment"] = "personal";
    CHECK(rules.next(a)->id == "contract");
    for (const char* fee : {"no", "unknown"}) {
        Answers b = a;
        b.erase("payment");
        b["fee"] = fee;
        REQUIRE(rules.next(b));
        CHECK(rules.next(b)->id == "contract");
        const auto asked = askedIds(rules, b);
        CHECK(std::count(asked.begin(), asked.end(), "payment") == 0);
    }
    // Asked to pay for one of the 10 occupations free of placement costs, to a personal account.
    a.insert({{"contract", "clear"}, {"passport", "me"}, {"visa", "work"}});
    CHECK(rules.next(a) == nullptr);
    CHECK(ids(rules.signsFor(a)) == std::vector<std::string>{"fee", "fee-free-job", "personal-account"});
}

TEST_CASE("every question, answer and sign of the job-offer check has its words in all three languages; "
          "every sign cites sources that exist")
{
    const Content& content = test::shippedContent();
    const ChecklistRules& rules = offer();
    for (const auto& sign : rules.signs) {
        INFO(sign.id);
        CHECK_FALSE(sign.sources.empty());
        CHECK(content.citedBy(sign).size() == sign.sources.size());
    }
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = content.checklistText("offer", lang);
        REQUIRE(words);
        INFO(langCode(lang));
        for (const auto& q : rules.questions) {
            REQUIRE(words->questions.count(q.id));
            for (const auto& a : q.answers)
                CHECK(words->questions.at(q.id).answers.count(a));
        }
        for (const auto& sign : rules.signs) {
            REQUIRE(words->signs.count(sign.id));
            CHECK_FALSE(words->signs.at(sign.id).name.empty());
            CHECK_FALSE(words->signs.at(sign.id).why.empty());
        }
        CHECK(words->steps.size() >= 3);
        // The 10 occupations free of placement costs are named where the job is asked.
        CHECK(words->questions.at("job").note.find("10") != std::string::npos);
        CHECK(words->verified.size() == 10);
    }
}

TEST_CASE("the job-offer check never calls an offer safe nor a person a fraud")
{
    const Content& content = test::shippedContent();
    const auto lower = [](std::string text) {
        for (char& c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return " " + text + " ";
    };
    for (Lang lang : kAllLangs) {
        const ChecklistText* words = content.checklistText("offer", lang);
        REQUIRE(words);
        std::vector<std::string> texts{words->title};
        for (const auto& [id, sign] : words->signs)
            texts.insert(texts.end(), {sign.name, sign.why});
        texts.insert(texts.end(), words->steps.begin(), words->steps.end());
        for (const char* key : {"offer.none", "offer.none_note", "offer.found", "offer.found_note"})
            texts.push_back(content.strings.get(lang, key));
        for (const std::string& text : texts) {
            const std::string t = lower(text);
            for (const char* verdict : {" aman", "aman.", " safe", " penipu ", " penipu.", " fraudster"})
                CHECK_MESSAGE(t.find(verdict) == std::string::npos, langCode(lang) << ": " << text);
        }
    }
    // With no sign, the result says that none from this list was found, and that the steps still apply.
    CHECK(content.strings.get(Lang::Id, "offer.none").find("daftar ini") != std::string::npos);
    CHECK(content.strings.get(Lang::En, "offer.none_note").find("still apply") != std::string::npos);
}
