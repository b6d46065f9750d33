// Inside the desk: what every page handler shares (settings, the store pool, sessions, rendering).
#pragma once

#include "desk/desk.hpp"
#include "desk/pool.hpp"
#include "desk/sessions.hpp"

#include <ctemplate/template.h>
#include <httplib.h>

#include <atomic>
#include <string>

namespace kiosk::office::desk {

// One request being answered: the HTTP request and response, the session (signed in for every page
// but sign-in), and the client's address as the audit log records it.
struct Call {
    const httplib::Request& req;
    httplib::Response& res;
    Session session;
    std::string address;
};

struct Desk::Impl {
    DeskOptions options;
    StorePool pool;
    Sessions sessions;
    httplib::Server server;
    std::atomic<bool> bound{false};

    explicit Impl(DeskOptions o);
    [[nodiscard]] std::int64_t now() const { return options.clock(); }
    [[nodiscard]] const DeskSettings& settings() const { return options.config.desk; }

    void routes();
    // The pages, one group a file: pages_auth.cpp, pages_queue.cpp, pages_requests.cpp,
    // pages_office.cpp, pages_upload.cpp, pages_chart.cpp.
    void authRoutes();
    void queueRoutes();
    void requestRoutes();
    void officeRoutes();
    void uploadRoutes();
    void chartRoutes();
    // The month asked for in ?bulan=YYYY-MM, or this month when none (or nonsense) is given.
    [[nodiscard]] std::string askedMonth(const httplib::Request& req) const;

    // Wraps a handler of a page that needs a signed-in session (and, with `admin`, the admin role):
    // otherwise 303 to /masuk, or the 403 page. Store failures become a calm 503 page.
    using Handler = std::function<void(Call&)>;
    httplib::Server::Handler page(Handler handler, bool admin = false);
    // The same for a form: the CSRF token is checked before anything else (403 when it is missing or wrong).
    httplib::Server::Handler form(Handler handler, bool admin = false);
    // The sign-in pages: a session is made when missing (its CSRF token protects the sign-in form).
    httplib::Server::Handler open(Handler handler, bool checkCsrf);

    // The client's address: the peer, or with behind_proxy and a loopback peer, the last address of
    // X-Forwarded-For (the one nginx saw).
    [[nodiscard]] std::string clientAddress(const httplib::Request& req) const;
    // Writes an entry into the audit log (who, when, what, about what, from where).
    void auditEntry(Store& store, const Call& call, const std::string& action, const std::string& subject);
    // Set-Cookie for the session; an empty id ends the cookie.
    void setSessionCookie(httplib::Response& res, const std::string& id) const;
    // 303 to `to`, with a message for the next page.
    void redirect(Call& call, const std::string& to, const std::string& flash = "", bool error = false);
    // An error page (403, 404, 400, 503) in the layout.
    void errorPage(Call& call, int status, const std::string& title, const std::string& text);
};

// A page: the layout (header, navigation, message) around one body template.
class Page {
public:
    // `body` is a template's file name ("antrean.tpl"); `nav` the navigation entry to mark current.
    // The session's message for this page (if any) is shown above the body, once; the office's name in
    // the header.
    Page(const Call& call, Desk::Impl& desk, std::string title, const char* body, const char* nav);
    [[nodiscard]] ctemplate::TemplateDictionary& body() { return *m_body; }
    // The whole page, also set as the response's body (text/html).
    void send(httplib::Response& res, int status = 200);

private:
    ctemplate::TemplateDictionary m_root;
    ctemplate::TemplateDictionary* m_body;
};

// "2026-11-02 08:00" in the office's local time.
[[nodiscard]] std::string localMinute(std::int64_t ms);
// Indonesian names for the ledger's words.
[[nodiscard]] std::string topicName(const std::string& topic);
[[nodiscard]] std::string statusName(const std::string& status);
[[nodiscard]] std::string outcomeName(const std::string& outcome);
// The form field of a urlencoded or multipart POST ("" when absent).
[[nodiscard]] std::string field(const httplib::Request& req, const char* name);

} // namespace kiosk::office::desk
