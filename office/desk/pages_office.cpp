// The office's pages: the kiosks (Kios), the monthly report (Laporan, its CSV and printable page), the
// users (Pengguna, admin) and the status files for the kiosks.
#include "desk/desk_internal.hpp"
#include "ledger/accounts.hpp"
#include "ledger/ledger.hpp"
#include "ledger/status_pack.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace fs = std::filesystem;

namespace kiosk::office::desk {

namespace {

// "2026-11" for the local month of `ms`.
std::string monthOf(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m", &tm);
    return text;
}

bool validMonth(const std::string& m)
{
    if (m.size() != 7 || m[4] != '-')
        return false;
    for (std::size_t i = 0; i < 7; ++i)
        if (i != 4 && (m[i] < '0' || m[i] > '9'))
            return false;
    const int month = (m[5] - '0') * 10 + (m[6] - '0');
    return month >= 1 && month <= 12;
}

// The month before or after "YYYY-MM".
std::string stepMonth(const std::string& m, int step)
{
    int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + step;
    if (mo < 1) {
        mo = 12;
        --y;
    } else if (mo > 12) {
        mo = 1;
        ++y;
    }
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", y % 10000, mo);
    return text;
}

std::string days1(const std::optional<double>& d)
{
    if (!d)
        return "–";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", *d);
    return text;
}

void fillReport(const Desk::Impl& desk, Store& store, const std::string& month,
                ctemplate::TemplateDictionary& d)
{
    d.SetValue("BULAN", month);
    d.SetValue("SEBELUM", stepMonth(month, -1));
    d.SetValue("SESUDAH", stepMonth(month, 1));
    const std::vector<ReportLine> lines =
        monthlyReport(store, month, desk.options.config.villages, desk.now());
    ctemplate::TemplateDictionary& table = *d.AddIncludeDictionary("TABEL");
    table.SetFilename("laporan_tabel.tpl");
    ReportLine total;
    for (const ReportLine& l : lines) {
        ctemplate::TemplateDictionary* t = table.AddSectionDictionary("BARIS");
        t->SetValue("DESA", l.village);
        t->SetValue("TOPIK", topicName(l.topic));
        t->SetIntValue("DITERIMA", static_cast<long>(l.received));
        t->SetIntValue("DIHUBUNGI", static_cast<long>(l.reached));
        t->SetIntValue("DIRUJUK", static_cast<long>(l.referred));
        t->SetIntValue("SELESAI", static_cast<long>(l.done));
        t->SetValue("HARI", days1(l.medianDaysToFirstAttempt));
        t->SetIntValue("TERBUKA", static_cast<long>(l.openOver7Days));
        total.received += l.received;
        total.reached += l.reached;
        total.referred += l.referred;
        total.done += l.done;
        total.openOver7Days += l.openOver7Days;
    }
    if (lines.empty())
        d.ShowSection("KOSONG");
    else
        d.ShowSection("ADA");
    table.SetIntValue("T_DITERIMA", static_cast<long>(total.received));
    table.SetIntValue("T_DIHUBUNGI", static_cast<long>(total.reached));
    table.SetIntValue("T_DIRUJUK", static_cast<long>(total.referred));
    table.SetIntValue("T_SELESAI", static_cast<long>(total.done));
    table.SetIntValue("T_TERBUKA", static_cast<long>(total.openOver7Days));
}

} // namespace

std::string Desk::Impl::askedMonth(const httplib::Request& req) const
{
    const std::string m = req.has_param("bulan") ? req.get_param_value("bulan") : "";
    return validMonth(m) ? m : monthOf(now());
}

void Desk::Impl::officeRoutes()
{
    server.Get("/kios", page([this](Call& call) {
                   StorePool::Lease store = pool.borrow();
                   Page p(call, *this, "Kios", "kios.tpl", "KIOS");
                   const int silent = options.config.silentAfterDays;
                   p.body().SetIntValue("SENYAP", silent);
                   const std::vector<KioskSummary> list =
                       listKiosks(*store, options.config.villages, now(), silent);
                   if (list.empty())
                       p.body().ShowSection("KOSONG");
                   for (const KioskSummary& k : list) {
                       ctemplate::TemplateDictionary* t = p.body().AddSectionDictionary("KIOS");
                       t->SetValue("ID", k.kioskId);
                       t->SetValue("DESA", k.village);
                       t->SetValue("PERTAMA", localMinute(k.firstBatchMs));
                       t->SetValue("TERAKHIR", localMinute(k.lastBatchMs));
                       t->SetIntValue("HARI", static_cast<long>(k.daysSinceLastBatch));
                       t->SetIntValue("BATCH", static_cast<long>(k.batches));
                       t->SetIntValue("PERMINTAAN", static_cast<long>(k.requests));
                       if (k.silent)
                           t->ShowSection("SEPI");
                       t->SetValue("KELAS", k.silent ? "sepi" : "");
                   }
                   p.send(call.res);
               }));

    server.Get("/laporan", page([this](Call& call) {
                   const std::string month = askedMonth(call.req);
                   StorePool::Lease store = pool.borrow();
                   Page p(call, *this, "Laporan " + month, "laporan.tpl", "LAPORAN");
                   fillReport(*this, *store, month, p.body());
                   p.send(call.res);
               }));
    server.Get("/laporan/cetak", page([this](Call& call) {
                   const std::string month = askedMonth(call.req);
                   StorePool::Lease store = pool.borrow();
                   Page p(call, *this, "Laporan " + month, "cetak.tpl", "LAPORAN");
                   p.body().SetValue("KANTOR", options.config.desk.officeName);
                   p.body().SetValue("DICETAK", localMinute(now()));
                   fillReport(*this, *store, month, p.body());
                   p.send(call.res);
               }));
    server.Get("/laporan.csv", page([this](Call& call) {
                   const std::string month = askedMonth(call.req);
                   StorePool::Lease store = pool.borrow();
                   auditEntry(*store, call, "unduh-laporan", month);
                   call.res.set_header("Content-Disposition",
                                       "attachment; filename=\"laporan-" + month + ".csv\"");
                   call.res.set_content(
                       reportCsv(month, monthlyReport(*store, month, options.config.villages, now())),
                       "text/csv; charset=utf-8");
               }));

    server.Get("/status", page([this](Call& call) {
                   Page p(call, *this, "Status untuk kios", "status.tpl", "STATUS");
                   if (options.config.signingKey.empty()) {
                       p.body().ShowSection("TANPA_KUNCI");
                       return p.send(call.res);
                   }
                   StorePool::Lease store = pool.borrow();
                   const std::vector<std::string> kiosks = statusPackKiosks(*store);
                   if (kiosks.empty())
                       p.body().ShowSection("KOSONG");
                   for (const std::string& k : kiosks) {
                       ctemplate::TemplateDictionary* t = p.body().AddSectionDictionary("KIOS");
                       t->SetValue("ID", k);
                       t->SetValue("DESA", villageOf(options.config.villages, k));
                   }
                   p.send(call.res);
               }));
    server.Get(R"(/status/([A-Z]{2,8})\.status)", page([this](Call& call) {
                   const std::string kiosk = call.req.matches[1];
                   if (options.config.signingKey.empty())
                       return errorPage(call, 404, "Kunci tanda tangan belum diatur",
                                        "Berkas status memerlukan [status] signing_key di office.toml. The "
                                        "signing key is not configured.");
                   StorePool::Lease store = pool.borrow();
                   const std::vector<std::string> kiosks = statusPackKiosks(*store);
                   if (std::find(kiosks.begin(), kiosks.end(), kiosk) == kiosks.end())
                       return errorPage(call, 404, "Kios tidak dikenal",
                                        "Belum ada batch dari kios " + kiosk +
                                            " di buku kantor. No batch of this kiosk yet.");
                   std::string bytes;
                   try {
                       bytes = statusPackBytes(*store, kiosk, options.config.signingKey, now());
                   } catch (const StoreError&) {
                       throw;
                   } catch (const std::exception& e) {
                       return errorPage(call, 500, "Berkas status tidak dapat dibuat",
                                        std::string("Tidak ada berkas yang dibuat. ") + e.what());
                   }
                   auditEntry(*store, call, "unduh-status", kiosk);
                   call.res.set_header("Content-Disposition",
                                       "attachment; filename=\"" + kiosk + ".status\"");
                   call.res.set_content(bytes, "application/octet-stream");
               }));

    server.Get("/pengguna",
               page(
                   [this](Call& call) {
                       StorePool::Lease store = pool.borrow();
                       Page p(call, *this, "Pengguna", "pengguna.tpl", "PENGGUNA");
                       for (const DeskUser& u : listUsers(*store)) {
                           ctemplate::TemplateDictionary* t = p.body().AddSectionDictionary("USER");
                           t->SetValue("NAMA", u.name);
                           t->SetValue("PERAN", u.role == Role::Admin ? "admin" : "petugas");
                           t->SetValue("DIBUAT", localMinute(u.createdMs));
                           t->SetIntValue("GAGAL", u.failedLogins);
                           if (u.lockedUntilMs > now())
                               t->SetValueAndShowSection("SAMPAI", localMinute(u.lockedUntilMs), "TERKUNCI");
                       }
                       p.send(call.res);
                   },
                   true));
    server.Post("/pengguna",
                form(
                    [this](Call& call) {
                        const std::string name = field(call.req, "nama");
                        const std::optional<Role> role = roleFromId(field(call.req, "peran"));
                        const std::string password = field(call.req, "sandi");
                        if (!role)
                            return redirect(call, "/pengguna", "Pilih peran: admin atau petugas.", true);
                        if (password != field(call.req, "sandi2"))
                            return redirect(call, "/pengguna",
                                            "Kedua kata sandi tidak sama; pengguna belum dibuat. The "
                                            "two passwords differ.",
                                            true);
                        StorePool::Lease store = pool.borrow();
                        try {
                            addUser(*store, name, *role, password, now());
                        } catch (const std::invalid_argument& e) {
                            return redirect(call, "/pengguna", e.what(), true);
                        }
                        auditEntry(*store, call, "tambah-pengguna:" + std::string(roleId(*role)), name);
                        redirect(call, "/pengguna", "Pengguna " + name + " dibuat.");
                    },
                    true));
    server.Post(R"(/pengguna/([^/]{1,100})/buka)",
                form(
                    [this](Call& call) {
                        const std::string name = call.req.matches[1];
                        StorePool::Lease store = pool.borrow();
                        try {
                            unlockUser(*store, name);
                        } catch (const std::invalid_argument& e) {
                            return redirect(call, "/pengguna", e.what(), true);
                        }
                        auditEntry(*store, call, "buka-kunci", name);
                        redirect(call, "/pengguna", "Akun " + name + " dibuka lagi.");
                    },
                    true));
}

} // namespace kiosk::office::desk
