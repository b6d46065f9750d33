// The queue of requests to follow up (Antrean): trafficking reports first, then oldest first; filters,
// search and paging (deskdata's queryQueue), the days each has waited coloured past the office's target.
#include "desk/desk_internal.hpp"
#include "ledger/ledger.hpp"
#include "ledger/queue.hpp"

#include <algorithm>
#include <set>

namespace kiosk::office::desk {

namespace {

constexpr const char* kTopics[] = {"passport", "work-abroad", "trafficking", "other"};
constexpr const char* kStatusFilters[] = {"", "baru", "dicoba", "dihubungi", "dirujuk", "selesai", "semua"};
constexpr int kAges[] = {0, 3, 7, 14, 30};

std::string statusFilterName(const std::string& s)
{
    if (s.empty())
        return "Belum selesai";
    if (s == "semua")
        return "Semua";
    return statusName(s);
}

// A query parameter, cut to a sane length (a filter is never long).
std::string param(const httplib::Request& req, const char* name)
{
    std::string v = req.has_param(name) ? req.get_param_value(name) : "";
    if (v.size() > 100)
        v.resize(100);
    return v;
}

int positive(const std::string& text, int fallback, int most)
{
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
        return fallback;
    return std::clamp(std::stoi(text), 0, most);
}

void fillQueue(Desk::Impl& desk, Call& call, Store& store, ctemplate::TemplateDictionary& d)
{
    QueueQuery q;
    q.village = param(call.req, "desa");
    q.topic = param(call.req, "topik");
    q.status = param(call.req, "status");
    q.minAgeDays = positive(param(call.req, "umur"), 0, 3650);
    q.search = param(call.req, "cari");
    q.page = static_cast<std::size_t>(std::max(1, positive(param(call.req, "hal"), 1, 100000)));
    q.pageSize = 50;
    q.nowMs = desk.now();
    const QueuePage result = queryQueue(store, q, desk.options.config.villages);

    // The villages to choose from: those office.toml names and the kiosks seen without a name there.
    std::set<std::string> villages;
    for (const auto& [kiosk, village] : desk.options.config.villages)
        villages.insert(village);
    for (const Row& r : store.query("SELECT DISTINCT kiosk_id FROM batches"))
        villages.insert(villageOf(desk.options.config.villages, r.text(0)));
    for (const std::string& v : villages) {
        ctemplate::TemplateDictionary* o = d.AddSectionDictionary("DESA");
        o->SetValue("NILAI", v);
        if (v == q.village)
            o->ShowSection("DIPILIH");
    }
    for (const char* t : kTopics) {
        ctemplate::TemplateDictionary* o = d.AddSectionDictionary("TOPIK");
        o->SetValue("NILAI", t);
        o->SetValue("NAMA", topicName(t));
        if (q.topic == t)
            o->ShowSection("DIPILIH");
    }
    for (const char* s : kStatusFilters) {
        ctemplate::TemplateDictionary* o = d.AddSectionDictionary("STATUS");
        o->SetValue("NILAI", s);
        o->SetValue("NAMA", statusFilterName(s));
        if (q.status == s)
            o->ShowSection("DIPILIH");
    }
    for (const int a : kAges) {
        ctemplate::TemplateDictionary* o = d.AddSectionDictionary("UMUR");
        o->SetValue("NILAI", a == 0 ? "" : std::to_string(a));
        o->SetValue("NAMA", a == 0 ? "Semua umur" : "Lebih dari " + std::to_string(a) + " hari");
        if (q.minAgeDays == a)
            o->ShowSection("DIPILIH");
    }
    d.SetValue("CARI", q.search);
    d.SetIntValue("TOTAL", static_cast<long>(result.total));
    d.SetIntValue("HAL", static_cast<long>(result.page));
    d.SetIntValue("HALAMAN", static_cast<long>(result.pages));
    d.SetIntValue("TARGET", desk.settings().targetDays);
    if (result.rows.empty())
        d.ShowSection("KOSONG");
    for (const QueueRow& row : result.rows) {
        const LedgerRequest& r = row.request;
        ctemplate::TemplateDictionary* t = d.AddSectionDictionary("BARIS");
        t->SetValue("UID", r.uid);
        t->SetValue("REF", r.reference);
        t->SetValue("DESA", r.village);
        t->SetValue("TOPIK", topicName(r.topic));
        t->SetValue("STATUS", statusName(r.status));
        t->SetValue("NAMA", r.purged ? "(data pribadi dihapus)" : r.name);
        t->SetValue("TELEPON", r.purged ? "" : r.phone);
        t->SetValue("DIBUAT", localMinute(r.createdMs));
        t->SetIntValue("HARI", static_cast<long>(row.waitingDays));
        std::string cls = r.priority == 0 ? "tppo" : "";
        if (r.status != "selesai" && row.waitingDays > desk.settings().targetDays)
            cls += cls.empty() ? "lewat" : " lewat";
        t->SetValue("KELAS", cls);
        if (r.priority == 0)
            t->ShowSection("TPPO");
        if (r.conflict)
            t->ShowSection("KONFLIK");
    }
    // Paging links keep the filters.
    const auto link = [&](std::size_t page) {
        httplib::Params p;
        for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
                 {"desa", q.village},
                 {"topik", q.topic},
                 {"status", q.status},
                 {"umur", q.minAgeDays ? std::to_string(q.minAgeDays) : ""},
                 {"cari", q.search}})
            if (!v.empty())
                p.emplace(k, v);
        p.emplace("hal", std::to_string(page));
        return httplib::append_query_params("/antrean", p);
    };
    if (result.page > 1)
        d.SetValueAndShowSection("SEBELUM", link(result.page - 1), "ADA_SEBELUM");
    if (result.page < result.pages)
        d.SetValueAndShowSection("SESUDAH", link(result.page + 1), "ADA_SESUDAH");
}

} // namespace

void Desk::Impl::queueRoutes()
{
    server.Get("/antrean", page([this](Call& call) {
                   StorePool::Lease store = pool.borrow();
                   Page p(call, *this, "Antrean", "antrean.tpl", "ANTREAN");
                   fillQueue(*this, call, *store, p.body());
                   // The queue shows residents' names and phones: its views are audited like a
                   // request's, with the filters and search asked for.
                   std::string asked;
                   for (const auto& [name, value] : call.req.params)
                       if (!value.empty())
                           asked += (asked.empty() ? "" : " ") + name + "=" + value;
                   auditEntry(*store, call, "lihat-antrean", asked);
                   p.send(call.res);
               }));
}

} // namespace kiosk::office::desk
