// A resident looking a company up in the registry of licensed placement companies: what they typed
// on the on-screen keyboard, whether the keyboard is open, and the result they chose.
#pragma once

#include "core/form.hpp"
#include "core/language.hpp"
#include "core/registry_search.hpp"
#include "core/strings.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Most characters of a name typed in the search: longer than any registered name with its city.
inline constexpr std::size_t kCompanyQueryMax = 60;
// Results shown at most (the best first).
inline constexpr std::size_t kCompanyResults = 5;

struct CompanySearch {
    FieldText query;
    bool typing = true; // the keyboard is open on the query
    bool shift = false; // the next letter is a capital
    std::string notice; // about the last key (too long, a character the kiosk cannot show)
    // The result tapped, as the company's registered name: the request to be called back names it.
    std::string chosen;

    // One key of the on-screen keyboard: Done closes the keyboard; a letter after another letter
    // is small again once Shift typed one capital.
    KeyResult key(Key key);
    void open() { typing = true; }
};

// What a result says, in the resident's language, and nothing more than the list says: that the
// company is on it ("Tercatat di daftar resmi KP2MI (data per 12 Maret 2026)") and its status, with
// the date for a sanction or a revoked licence.
struct CompanyWords {
    std::string listed;
    std::string status;
};
[[nodiscard]] CompanyWords companyWords(const Company& company, const Registry& registry,
                                        const Strings& strings, Lang lang);
// For a name the list does not have: "Tidak ditemukan di daftar yang dimuat di kios ini (data per …)".
[[nodiscard]] std::string notFoundWords(const Registry& registry, const Strings& strings, Lang lang);
// The list's date as residents read it ("12 Maret 2026").
[[nodiscard]] std::string registryDate(const Registry& registry, Lang lang);

// The note of the request to be called back from the search, in the resident's language, for the
// office: the company they chose and what the list says of it, or else what they typed and whether
// the list had it ("Cek perusahaan: PT Maju Jaya (tercatat di daftar KP2MI, aktif; data per …)").
// "" when nothing was chosen or typed.
[[nodiscard]] std::string companyNote(const CompanySearch& search, const Registry& registry,
                                      const RegistryIndex& index, const Strings& strings, Lang lang);

} // namespace kiosk
