// Synthetic requests from Javanese and Indonesian names, mobile numbers, dusun and notes.
#include "store/seed.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace kiosk::store {

namespace {

constexpr std::string_view kGivenNames[] = {
    "Séno",    "Dèwi",     "Bambang", "Sri",     "Suparmi",  "Sugeng",  "Wagiyem", "Paijo",   "Tukiyem",
    "Slamet",  "Endang",   "Ngatini", "Parjiyo", "Sutrisno", "Kartini", "Sumarni", "Ponirah", "Joko",
    "Wahyu",   "Purwanti", "Agus",    "Siti",    "Yuli",     "Rina",    "Budi",    "Héru",    "Warsito",
    "Tri",     "Eko",      "Dwi",     "Ratna",   "Murni",    "Sukir",   "Lasmi",   "Giyem",   "Darmi",
    "Suwarno", "Tumini",   "Wartini", "Ma'ruf",  "Nur",      "Fitri",   "Indah",   "Ayu",     "Bagus"};
constexpr std::string_view kFamilyNames[] = {
    "Widodo",    "Santoso", "Wibowo",   "Susanto",   "Prasetyo",  "Hartono",   "Setiawan", "Nugroho",
    "Kusuma",    "Rahayu",  "Lestari",  "Wulandari", "Handayani", "Saputra",   "Purnomo",  "Suryani",
    "Rahmawati", "Pratiwi", "Sèptiani", "Hidayat",   "Utomo",     "Wijayanti", "Suharti",  "Mulyani"};
constexpr std::string_view kMobilePrefixes[] = {"812", "813", "821", "822", "852", "853", "857",
                                                "856", "858", "878", "877", "817", "818", "819",
                                                "838", "831", "895", "896", "881", "882"};
constexpr std::string_view kDusun[] = {"Krajan",      "Cemeng",     "Ngrampal",  "Gondang",   "Karangmojo",
                                       "Jetis",       "Sidomulyo",  "Tegalrejo", "Banaran",   "Ngasinan",
                                       "Kedungwaduk", "Pilangsari", "Ngablak",   "Dukuh Lor", "Dukuh Kidul"};
constexpr std::string_view kNotes[] = {
    "Mau tanya syarat bikin paspor untuk umroh.",
    "Anak saya mau kerja ke Taiwan, lewat PT apa yang resmi?",
    "Ada yang menawarkan kerja di Malaysia tanpa biaya, apakah aman?",
    "Tolong telepon sore saja, pagi saya di sawah.",
    "Paspor saya hilang waktu pindahan rumah.",
    "Suami saya di Brunei tidak bisa dihubungi sejak 3 bulan.",
    "Berapa biaya paspor 48 halaman?",
    "Mau perpanjang paspor, masa berlaku tinggal 5 bulan.",
    "Saya ditawari jadi ABK kapal, gajinya besar sekali.",
    "Bisa dibantu daftar antrean online?",
    "",
    "",
    "Matur nuwun.",
    "Keponakan saya diminta menyerahkan KTP dan KK ke calo.",
    "Kerja di Jepang lewat magang, apa syaratnya?",
};

// The hard cases. Every one must still be a value core/form would accept.
constexpr std::string_view kLongestName = "Raden Ayu Séno Dèwi Sekar Kusumawardhani Prawirodirdjo Putri";
constexpr std::string_view kHardNames[] = {kLongestName, "Dèwi Sèptiani", "Ma'ruf Amin Séno", "Sri Rahayu",
                                           "Lasmi"};
constexpr std::string_view kLongestNote =
    "Assalamualaikum. Anak saya, Dèwi, ditawari kerja di Taiwan oleh sponsor dari desa sebelah. Katanya "
    "\"gratis\", tapi paspor harus dititipkan ke PT dan kami diminta bayar Rp 15.000.000 dulu.\nApakah itu "
    "resmi? Mohon ditelepon sore hari, pagi saya di sawah. Matur nuwun, Pak/Bu pétugas.";
constexpr std::string_view kHardNotes[] = {
    kLongestNote,
    "Kata sponsor \"gratis\", tapi paspor ditahan. Bagaimana?",
    "Saya, istri, dan anak mau bikin paspor, bisa sekaligus?",
    "Baris satu\nbaris dua\n\nbaris empat",
    "=HYPERLINK(\"http://contoh.invalid\",\"klik\")",
    "=1+1",
    "+62 812 atau 0857, nomor mana yang benar?",
    "-5 hari lagi berangkat, tolong cepat",
    "@sponsor minta uang 15 juta, katanya untuk medical",
    "'); DROP TABLE requests;--",
    "Robert'); DELETE FROM requests WHERE ('1'='1",
    "Tanda kutip 'tunggal', \"ganda\", dan `miring`; titik koma; garis\\miring",
    "Séno bilang: \"Pak Lurah sudah tahu\",\ntapi belum ada surat.",
    "\"",
    ",",
};

constexpr Millis kThirtyDaysMs = 30LL * 24 * 60 * 60 * 1000;

template <typename T, std::size_t N> const T& pick(std::mt19937_64& random, const T (&items)[N])
{
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)];
}

} // namespace

SyntheticRequests::SyntheticRequests(std::size_t total, Millis nowMs)
    : m_total(total), m_now(nowMs), m_random(0x6b696f736b2d3031ULL) // fixed: "kiosk-01"
{
}

NewRequest SyntheticRequests::next()
{
    const std::size_t i = m_next++;
    auto& random = m_random;
    auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(random) < percent; };
    auto number = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };

    NewRequest out;
    CallbackRequest& r = out.request;
    // The first requests go through every hard case; later every 10th note and every 50th name.
    constexpr std::size_t hardNames = std::size(kHardNames);
    constexpr std::size_t hardNotes = std::size(kHardNotes);
    if (i < hardNames || i % 50 == 7)
        r.name = std::string(kHardNames[i % hardNames]);
    else if (chance(70))
        r.name = std::string(pick(random, kGivenNames)) + " " + std::string(pick(random, kFamilyNames));
    else
        r.name = std::string(pick(random, kGivenNames)); // many Javanese have one name only

    // +62 8xx, then 7 to 9 digits (+62 and 10 to 12 digits in all).
    r.phone = "+62" + std::string(pick(random, kMobilePrefixes));
    const int digits = number(0, 9) < 7 ? 8 : number(7, 9);
    for (int d = 0; d < digits; ++d)
        r.phone.push_back(static_cast<char>('0' + number(d == 0 ? 1 : 0, 9)));

    if (chance(85))
        r.dusun = std::string(pick(random, kDusun));
    if (chance(80)) {
        r.rt = std::to_string(number(1, chance(10) ? 120 : 15));
        if (chance(90))
            r.rw = std::to_string(number(1, chance(5) ? 999 : 9));
    }
    r.topic = kAllRequestTopics[static_cast<std::size_t>(number(0, 3))];
    r.time = kAllContactTimes[static_cast<std::size_t>(number(0, 3))];
    if (i < hardNotes)
        r.note = std::string(kHardNotes[i]);
    else if (i % 10 == 3)
        r.note = std::string(kHardNotes[(i / 10) % hardNotes]);
    else
        r.note = std::string(pick(random, kNotes));
    const int lang = number(0, 9); // mostly Indonesian, then Javanese, a few English
    r.lang = kAllLangs[lang < 6 ? 0U : lang < 9 ? 1U : 2U];

    // Spread evenly over the last 30 days, oldest first, a little jitter inside each step.
    const Millis step = m_total > 0 ? kThirtyDaysMs / static_cast<Millis>(m_total) : 0;
    const Millis jitter = step > 1 ? std::uniform_int_distribution<Millis>(0, step - 1)(random) : 0;
    out.createdMs = m_now - kThirtyDaysMs + static_cast<Millis>(i) * step + jitter;
    return out;
}

std::size_t seedRequests(RequestStore& store, std::size_t total, Millis nowMs, std::size_t batchSize)
{
    SyntheticRequests synthetic(total, nowMs);
    std::vector<NewRequest> batch;
    batch.reserve(std::max<std::size_t>(1, batchSize));
    std::size_t added = 0;
    while (!synthetic.done()) {
        batch.clear();
        while (!synthetic.done() && batch.size() < std::max<std::size_t>(1, batchSize))
            batch.push_back(synthetic.next());
        store.insertBatch(batch);
        added += batch.size();
    }
    return added;
}

} // namespace kiosk::store
