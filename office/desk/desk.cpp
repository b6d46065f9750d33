// The desk's server: cpp-httplib with a pool of store connections, the layout and templates
// (ctemplate, HTML auto-escaping, compiled into the program), headers, access checks and the log.
#include "desk/desk.hpp"

#include "desk/desk_internal.hpp"
#include "desk/embedded.hpp"
#include "ledger/accounts.hpp"
#include "ledger/store.hpp"

#include <sys/socket.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>
#include <stdexcept>

namespace kiosk::office::desk {

namespace {

std::int64_t systemNow()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Every template into ctemplate's cache, once, from the strings compiled into the program.
void loadTemplates()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (const EmbeddedFile& f : embeddedFiles())
            if (f.name.ends_with(".tpl") &&
                !ctemplate::StringToTemplateCache(std::string(f.name), std::string(f.text),
                                                  ctemplate::STRIP_BLANK_LINES))
                throw std::logic_error("the desk's template " + std::string(f.name) + " does not parse");
    });
}

std::string_view embedded(std::string_view name)
{
    for (const EmbeddedFile& f : embeddedFiles())
        if (f.name == name)
            return f.text;
    return {};
}

thread_local std::chrono::steady_clock::time_point t_started;

std::string cookieValue(const httplib::Request& req, const std::string& name)
{
    const std::string header = req.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos)
            end = header.size();
        std::string_view part(header.data() + at, end - at);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        at = end + 1;
    }
    return {};
}

bool loopback(const std::string& address)
{
    return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1";
}

} // namespace

std::pair<std::string, int> splitListen(const std::string& listen)
{
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("'" + listen + "' is not HOST:PORT");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    int port = 0;
    const std::string digits = listen.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos ||
        (port = std::stoi(digits)) > 65535)
        throw std::invalid_argument("'" + listen + "' has no port from 0 to 65535 after the colon");
    return {host, port};
}

std::string localMinute(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

std::string topicName(const std::string& topic)
{
    if (topic == "passport")
        return "Paspor";
    if (topic == "work-abroad")
        return "Kerja ke luar negeri";
    if (topic == "trafficking")
        return "Dugaan perdagangan orang";
    if (topic == "other")
        return "Lainnya";
    return topic;
}

std::string statusName(const std::string& status)
{
    if (status == "baru")
        return "Baru";
    if (status == "dicoba")
        return "Sudah dicoba";
    if (status == "dihubungi")
        return "Sudah dihubungi";
    if (status == "dirujuk")
        return "Dirujuk";
    if (status == "selesai")
        return "Selesai";
    return status;
}

std::string outcomeName(const std::string& outcome)
{
    if (outcome == "reached")
        return "Tersambung";
    if (outcome == "no-answer")
        return "Tidak diangkat";
    if (outcome == "not-active")
        return "Nomor tidak aktif";
    if (outcome == "wrong-person")
        return "Salah orang";
    return outcome;
}

std::string field(const httplib::Request& req, const char* name)
{
    if (req.has_param(name))
        return req.get_param_value(name);
    if (req.has_file(name))
        return req.get_file_value(name).content;
    return {};
}

Page::Page(const Call& call, Desk::Impl& desk, std::string title, const char* body, const char* nav)
    : m_root("layout"), m_body(m_root.AddIncludeDictionary("BODY"))
{
    loadTemplates();
    m_body->SetFilename(body);
    m_root.SetValue("TITLE", title);
    m_root.SetValue("KANTOR", desk.settings().officeName);
    m_root.SetTemplateGlobalValue("CSRF", call.session.csrf);
    if (call.session.signedIn()) {
        m_root.ShowSection("SIGNED_IN");
        m_root.SetValue("USER", call.session.user);
        m_root.SetValue("ROLE", call.session.role == "admin" ? "admin" : "petugas");
        if (call.session.role == "admin")
            m_root.ShowSection("ADMIN");
    }
    if (nav && *nav)
        m_root.SetValue(std::string("NAV_") + nav, "aktif");
    if (!call.session.id.empty()) {
        const auto [flash, error] = desk.sessions.takeFlash(call.session.id);
        if (!flash.empty())
            m_root.SetValueAndShowSection("PESAN", flash, error ? "PESAN_SALAH" : "PESAN_OK");
    }
}

void Page::send(httplib::Response& res, int status)
{
    std::string html;
    ctemplate::ExpandTemplate("layout.tpl", ctemplate::STRIP_BLANK_LINES, &m_root, &html);
    res.status = status;
    res.set_content(html, "text/html; charset=utf-8");
}

Desk::Impl::Impl(DeskOptions o)
    : options(std::move(o)), pool([db = options.database] { return openStore(db); }, options.connections),
      sessions(static_cast<std::int64_t>(options.config.desk.sessionIdleMinutes) * 60'000)
{
    if (!options.clock)
        options.clock = systemNow;
    if (!options.log)
        options.log = &std::cerr;
    loadTemplates();
    pool.adopt(openStore(options.database)); // migrates, and says now when the store is unreachable
    routes();
}

std::string Desk::Impl::clientAddress(const httplib::Request& req) const
{
    if (settings().behindProxy && loopback(req.remote_addr) && req.has_header("X-Forwarded-For")) {
        std::string list = req.get_header_value("X-Forwarded-For");
        const std::size_t comma = list.rfind(',');
        std::string last = comma == std::string::npos ? list : list.substr(comma + 1);
        while (!last.empty() && last.front() == ' ')
            last.erase(0, 1);
        while (!last.empty() && last.back() == ' ')
            last.pop_back();
        if (!last.empty() && last.size() <= 64 &&
            last.find_first_not_of("0123456789abcdefABCDEF.:[]") == std::string::npos)
            return last;
    }
    return req.remote_addr;
}

void Desk::Impl::auditEntry(Store& store, const Call& call, const std::string& action,
                            const std::string& subject)
{
    audit(store, AuditEntry{now(), call.session.user, action, subject, call.address});
}

void Desk::Impl::setSessionCookie(httplib::Response& res, const std::string& id) const
{
    std::string cookie = "meja_sesi=" + id + "; Path=/; HttpOnly; SameSite=Strict";
    if (id.empty())
        cookie += "; Max-Age=0";
    if (settings().behindProxy)
        cookie += "; Secure";
    res.set_header("Set-Cookie", cookie);
}

void Desk::Impl::redirect(Call& call, const std::string& to, const std::string& flash, bool error)
{
    if (!flash.empty())
        sessions.setFlash(call.session.id, flash, error);
    call.res.status = 303;
    call.res.set_header("Location", to);
}

void Desk::Impl::errorPage(Call& call, int status, const std::string& title, const std::string& text)
{
    Page p(call, *this, title, "galat.tpl", "");
    p.body().SetValue("JUDUL", title);
    p.body().SetValue("TEKS", text);
    p.body().SetIntValue("KODE", status);
    p.send(call.res, status);
}

httplib::Server::Handler Desk::Impl::page(Handler handler, bool admin)
{
    return [this, handler = std::move(handler), admin](const httplib::Request& req, httplib::Response& res) {
        Call call{req, res, {}, clientAddress(req)};
        const std::optional<Session> s = sessions.touch(cookieValue(req, "meja_sesi"), now());
        if (!s || !s->signedIn()) {
            res.status = 303;
            res.set_header("Location", "/masuk");
            return;
        }
        call.session = *s;
        if (admin && call.session.role != "admin")
            return errorPage(call, 403, "Tidak diizinkan",
                             "Halaman ini hanya untuk admin. This page is for administrators only.");
        try {
            handler(call);
        } catch (const StoreError& e) {
            *options.log << "desa-office serve: " << e.what() << "\n";
            errorPage(call, 503, "Basis data tidak dapat dihubungi",
                      "Data kantor sedang tidak dapat dibaca atau ditulis. Tidak ada yang berubah; coba lagi "
                      "sebentar lagi. The office database cannot be reached right now; nothing was changed.");
        }
    };
}

httplib::Server::Handler Desk::Impl::form(Handler handler, bool admin)
{
    return page(
        [this, handler = std::move(handler)](Call& call) {
            if (!sameToken(field(call.req, "csrf"), call.session.csrf))
                return errorPage(call, 403, "Formulir kedaluwarsa",
                                 "Formulir ini tidak dapat diterima (token keamanan tidak cocok). Muat ulang "
                                 "halaman lalu coba lagi. The form's security token did not match.");
            handler(call);
        },
        admin);
}

httplib::Server::Handler Desk::Impl::open(Handler handler, bool checkCsrf)
{
    return
        [this, handler = std::move(handler), checkCsrf](const httplib::Request& req, httplib::Response& res) {
            Call call{req, res, {}, clientAddress(req)};
            std::optional<Session> s = sessions.touch(cookieValue(req, "meja_sesi"), now());
            if (checkCsrf && (!s || !sameToken(field(req, "csrf"), s->csrf)))
                return errorPage(call, 403, "Formulir kedaluwarsa",
                                 "Formulir ini tidak dapat diterima (token keamanan tidak cocok). Muat ulang "
                                 "halaman lalu coba lagi. The form's security token did not match.");
            if (!s) {
                s = sessions.start(now());
                setSessionCookie(res, s->id);
            }
            call.session = *s;
            try {
                handler(call);
            } catch (const StoreError& e) {
                *options.log << "desa-office serve: " << e.what() << "\n";
                errorPage(
                    call, 503, "Basis data tidak dapat dihubungi",
                    "Data kantor sedang tidak dapat dibaca atau ditulis; coba lagi sebentar lagi. The office "
                    "database cannot be reached right now.");
            }
        };
}

void Desk::Impl::routes()
{
    server.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(n == 0 ? 1 : n); };
    // cpp-httplib's default sets SO_REUSEPORT, with which a second desk (or anything else) could
    // listen on the same port and take half the requests: only SO_REUSEADDR, for a quick restart.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_default_headers({
        {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src "
                                    "'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},
        {"Cache-Control", "no-store"},
    });
    server.set_payload_max_length(static_cast<std::size_t>(settings().uploadMaxMb) * 1024 * 1024 +
                                  1024 * 1024);
    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_started = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_started).count();
        char line[64];
        std::snprintf(line, sizeof line, " %d %.1f ms\n", res.status, ms);
        // The path only: a query may hold a name or a phone number searched for.
        static std::mutex logMutex;
        std::lock_guard lock(logMutex);
        *options.log << req.method << " " << req.path << line;
    });
    server.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                        std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        *options.log << "desa-office serve: " << req.method << " " << req.path << ": " << what << "\n";
        Call call{req, res, {}, clientAddress(req)};
        errorPage(call, 500, "Terjadi kesalahan",
                  "Permintaan ini tidak dapat diselesaikan. Tidak ada yang berubah. Something went wrong; "
                  "nothing was changed.");
    });
    server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
            return;
        Call call{req, res, {}, clientAddress(req)};
        if (res.status == 404)
            errorPage(call, 404, "Halaman tidak ditemukan",
                      "Alamat ini tidak ada. This address does not exist.");
        else if (res.status == 413)
            errorPage(
                call, 413, "Unggahan terlalu besar",
                "Unggahan lebih dari " + std::to_string(settings().uploadMaxMb) +
                    " MB ditolak; tidak ada yang disimpan. Unggah satu folder batch saja. The upload was "
                    "larger than the limit; nothing was stored.");
        else if (res.status == 400)
            errorPage(
                call, 400, "Permintaan tidak dapat dibaca",
                "Peramban mengirim sesuatu yang tidak dapat dibaca (misalnya terlalu banyak berkas "
                "sekaligus); tidak ada yang disimpan. The request could not be read; nothing was stored.");
    });

    server.Get("/sehat", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("ok\n", "text/plain; charset=utf-8");
    });
    server.Get("/aset/desk.css", [](const httplib::Request&, httplib::Response& res) {
        const std::string_view css = embedded("desk.css");
        res.set_content(css.data(), css.size(), "text/css; charset=utf-8");
    });
    server.Get("/aset/desk.js", [](const httplib::Request&, httplib::Response& res) {
        const std::string_view js = embedded("desk.js");
        res.set_content(js.data(), js.size(), "text/javascript; charset=utf-8");
    });
    server.Get("/", page([](Call& call) {
                   call.res.status = 303;
                   call.res.set_header("Location", "/antrean");
               }));
    authRoutes();
    queueRoutes();
    requestRoutes();
    officeRoutes();
    uploadRoutes();
    chartRoutes();
}

Desk::Desk(DeskOptions options) : m(std::make_unique<Impl>(std::move(options)))
{
}

Desk::~Desk()
{
    stop();
}

int Desk::bind(const std::string& host, int port)
{
    int bound = port;
    if (port == 0)
        bound = m->server.bind_to_any_port(host);
    else if (!m->server.bind_to_port(host, port))
        bound = -1;
    if (bound <= 0)
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (in use by another program, or not an address of this machine)");
    m->bound = true;
    return bound;
}

bool Desk::run()
{
    return m->server.listen_after_bind();
}

void Desk::stop()
{
    m->server.stop();
}

} // namespace kiosk::office::desk
