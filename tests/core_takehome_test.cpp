// Take it home: the plain text of a page's or a checklist result's QR code, in each language, and
// the limit that keeps every such code small enough for a phone to read off the screen.
#include "core/qr.hpp"
#include "core/takehome.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;

namespace {

const Content& shipped()
{
    return test::shippedContent();
}

std::string pageText(const std::string& id, Lang lang, const LocalContacts& contacts = {})
{
    const Page* page = shipped().page(id, lang);
    REQUIRE(page);
    return pageTakeHome(*page, shipped(), lang, contacts);
}

std::string checklistText(const Answers& answers, const std::set<std::string>& have, Lang lang)
{
    const ChecklistRules* rules = shipped().checklist("passport");
    const ChecklistText* words = shipped().checklistText("passport", lang);
    REQUIRE(rules);
    REQUIRE(words);
    return checklistTakeHome(*rules, *words, answers, have, shipped(), lang);
}

const Answers kAdultWork{{"who", "self"}, {"purpose", "work"}, {"age", "18-or-older"}, {"first", "new"}};

// The version of the QR code libqrencode makes for `text` (its side is 17 + 4 × version modules).
int qrVersion(const std::string& text)
{
    const auto qr = makeQr(text, kTakeHomeCorrection);
    REQUIRE(qr);
    return (qr->size - 17) / 4;
}

} // namespace

TEST_CASE("a page to take home: the programme and title, its key points, numbers, sources and date")
{
    const std::string id = pageText("passport", Lang::Id);
    CHECK(id ==
          "Desa Binaan Imigrasi: Paspor\n"
          "Paspor berlaku 10 tahun jika berusia 17 tahun ke atas atau sudah menikah; jika tidak, 5 tahun.\n"
          "Daftar di aplikasi M-Paspor. Bayar paling lambat 2 jam setelah mendaftar.\n"
          "Biaya: non-elektronik 5 tahun Rp350.000, 10 tahun Rp650.000; e-paspor 5 tahun Rp650.000, 10 "
          "tahun Rp950.000.\n"
          "Calon pekerja migran jalur resmi, paspor non-elektronik pertama: Rp0.\n"
          "\n"
          "Sumber: Permenkumham 18/2022; PP 45/2024; PP 45/2014; Republika; Harian Fajar 2025; "
          "Tribunnews 2022; sragenkab.go.id 2023; imigrasi-pati.net; ANTARA Jateng\n"
          "Diperiksa: 2 Desember 2026");
    const std::string jv = pageText("passport", Lang::Jv);
    CHECK(jv.find("Desa Binaan Imigrasi: Paspor\nPaspor laku 10 taun menawi yuswa") == 0);
    CHECK(jv.find("\nDipunpriksa: 2 Desember 2026") != std::string::npos);
    const std::string en = pageText("passport", Lang::En);
    CHECK(en.find("Desa Binaan Imigrasi: Passport\nA passport is valid for 10 years") == 0);
    CHECK(en.find("\nSource: Permenkumham 18/2022;") != std::string::npos);
    CHECK(en.find("\nChecked: 2 December 2026") != std::string::npos);
    for (Lang lang : kAllLangs)
        for (const auto& [pageId, langs] : shipped().pages) {
            const std::string text = pageText(pageId, lang);
            INFO(pageId, " ", langCode(lang));
            CHECK(text.find("http") == std::string::npos); // plain text: nothing to open
            CHECK(text.find("tel:") == std::string::npos);
        }
}

TEST_CASE("a page's numbers go home with it; a local one once kiosk.toml has it; none and no key points: "
          "nothing to take")
{
    const std::string hotlines = pageText("hotlines", Lang::Id);
    CHECK(
        hotlines.find(
            "Desa Binaan Imigrasi: Nomor Penting\nKementerian Pelindungan Pekerja Migran Indonesia (KP2MI): "
            "0800-1000, WA 0811-8080-141\n") == 0);
    CHECK(hotlines.find("\nSAPA 129 (KemenPPPA): 129, WA 08111-129-129\nPolisi: 110\n") != std::string::npos);
    CHECK(hotlines.find("Kantor Imigrasi Surakarta") == std::string::npos); // not filled in yet
    LocalContacts contacts;
    contacts["kanim"] = {"0271-000000", "0812-0000-0000", "08.00-15.00", "Jl. contoh"};
    const std::string filled = pageText("hotlines", Lang::Id, contacts);
    CHECK(filled.find("\nKantor Imigrasi Surakarta: 0271-000000, WA 0812-0000-0000\n") != std::string::npos);
    CHECK(filled.find("Jl. contoh") == std::string::npos); // numbers only: the address stays on the screen
    CHECK(pageText("trafficking", Lang::Id)
              .find("\n\nKementerian Pelindungan Pekerja Migran Indonesia (KP2MI): 0800-1000\n") !=
          std::string::npos);

    Page bare;
    bare.title = "Halaman";
    bare.sources = {"pp-45-2024"};
    bare.verified = "2026-11-29";
    bare.blocks.push_back({});
    CHECK(pageTakeHome(bare, shipped(), Lang::Id, {}).empty());
    CHECK_FALSE(offeredToTakeHome(""));
    bare.takehome = "Satu hal penting.";
    CHECK(pageTakeHome(bare, shipped(), Lang::Id, {}) ==
          "Desa Binaan Imigrasi: Halaman\nSatu hal penting.\n\nSumber: PP 45/2024\nDiperiksa: 29 November "
          "2026");
}

TEST_CASE("a checklist result to take home: what is still needed, what the resident has, fees, source and "
          "date")
{
    CHECK(checklistText(kAdultWork, {"ktp"}, Lang::Id) ==
          "Desa Binaan Imigrasi: Dokumen untuk paspor\n"
          "\n"
          "Masih perlu disiapkan:\n"
          "- Kartu Keluarga (KK)\n"
          "- Akta lahir, buku nikah, ijazah atau surat baptis\n"
          "- Surat rekomendasi Disnaker\n"
          "\n"
          "Biaya:\n"
          "- Paspor non-elektronik 10 tahun: Rp650.000\n"
          "- E-paspor (elektronik) 10 tahun: Rp950.000\n"
          "- Calon pekerja migran lewat jalur resmi, paspor non-elektronik pertama: gratis (Rp0).\n"
          "- Jika ingin selesai di hari yang sama (percepatan): tambah Rp1.000.000\n"
          "\n"
          "Sumber: Permenkumham 18/2022; PP 45/2024; Republika; Harian Fajar 2025; SE Dirjenim 2017; "
          "imigrasi-pati.net; UU 18/2017; KemenPPPA\n"
          "Diperiksa: 2 Desember 2026");
    const std::string jv = checklistText(kAdultWork, {"ktp"}, Lang::Jv);
    CHECK(jv.find("\nTaksih kedah dipuncawisaken:\n") != std::string::npos);
    CHECK(jv.find("KTP elektronik") == std::string::npos); // ticked: no longer to prepare
    CHECK(jv.find("\nRagad:\n") != std::string::npos);
    CHECK(jv.find("\nDipunpriksa: 2 Desember 2026") != std::string::npos);
    const std::string en = checklistText(kAdultWork, {"ktp"}, Lang::En);
    CHECK(en.find("\nStill to prepare:\n") != std::string::npos);
    CHECK(en.find("\nChecked: 2 December 2026") != std::string::npos);

    // A child sent to work: the warning goes home first.
    const Answers childWork{{"who", "child"}, {"purpose", "work"}, {"married", "no"}, {"first", "new"}};
    const std::string warned = checklistText(childWork, {}, Lang::Id);
    CHECK(warned.find("Desa Binaan Imigrasi: Dokumen untuk paspor\nPerhatian: Pekerja migran harus berumur "
                      "minimal 18 tahun") == 0);
    // Everything ticked: ready.
    std::set<std::string> all;
    for (const auto* d : shipped().checklist("passport")->documentsFor(kAdultWork))
        all.insert(d->id);
    const std::string ready = checklistText(kAdultWork, all, Lang::Id);
    CHECK(ready.find("\nSemua dokumen sudah ada.") != std::string::npos);
    CHECK(ready.find("Masih perlu") == std::string::npos);
    // Where to get each document stays on the screen, and so do the optional ones.
    const std::string none = checklistText(kAdultWork, {}, Lang::Id);
    CHECK(none.find("Didapat di") == std::string::npos);
    CHECK(none.find("Surat ganti nama") == std::string::npos);
    CHECK(none.find("\n- KTP elektronik (e-KTP)\n") != std::string::npos);
}

TEST_CASE("every take-home text of the shipped content fits the limit, and the limit a version 20 code")
{
    std::size_t longest = 0;
    std::string longestName;
    const auto seen = [&](const std::string& text, const std::string& name) {
        CHECK_MESSAGE(text.size() <= kTakeHomeMaxBytes, name << " is " << text.size() << " bytes");
        if (text.size() > longest) {
            longest = text.size();
            longestName = name;
        }
    };
    for (Lang lang : kAllLangs) {
        for (const auto& [id, langs] : shipped().pages)
            seen(pageText(id, lang), id + " " + std::string(langCode(lang)));
        const ChecklistRules& rules = *shipped().checklist("passport");
        for (const Answers& answers : everyAnswerSet(rules)) {
            std::set<std::string> all;
            for (const auto* d : rules.documentsFor(answers))
                all.insert(d->id);
            seen(checklistText(answers, {}, lang), "checklist " + std::string(langCode(lang)));
            seen(checklistText(answers, all, lang), "checklist, all ticked, " + std::string(langCode(lang)));
        }
    }
    MESSAGE("longest take-home text: ", longestName, ", ", longest, " bytes");

    // Error correction L, at the limit: version 20 (97 modules) at most, whatever the characters.
    const std::string letters = [] {
        std::string s;
        while (s.size() < kTakeHomeMaxBytes)
            s += "Sampun ngantos mbayar; Rp650.000, 0800-1000.\n";
        return s.substr(0, kTakeHomeMaxBytes);
    }();
    std::string accents;
    while (accents.size() + 2 <= kTakeHomeMaxBytes)
        accents += "\u00e9";
    CHECK(qrVersion(letters) <= 20);
    CHECK(qrVersion(accents) <= 20);
    CHECK(qrVersion(std::string(kTakeHomeMaxBytes, 'x')) == 20);
    MESSAGE("QR version at the limit: ", qrVersion(std::string(kTakeHomeMaxBytes, 'x')));
}
