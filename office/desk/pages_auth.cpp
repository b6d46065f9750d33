// Signing in and out: the sign-in page, the lockout after five wrong passwords, a new session id at
// sign-in, and sign-out.
#include "desk/desk_internal.hpp"
#include "ledger/accounts.hpp"

namespace kiosk::office::desk {

namespace {

void signInPage(Call& call, Desk::Impl& desk, const std::string& name, const std::string& error, int status)
{
    Page p(call, desk, "Masuk", "masuk.tpl", "");
    p.body().SetValue("NAMA", name);
    if (!error.empty())
        p.body().SetValueAndShowSection("GALAT", error, "ADA_GALAT");
    p.send(call.res, status);
}

} // namespace

void Desk::Impl::authRoutes()
{
    server.Get("/masuk", open(
                             [this](Call& call) {
                                 if (call.session.signedIn()) {
                                     call.res.status = 303;
                                     call.res.set_header("Location", "/antrean");
                                     return;
                                 }
                                 signInPage(call, *this, "", "", 200);
                             },
                             false));

    server.Post("/masuk",
                open(
                    [this](Call& call) {
                        const std::string name = field(call.req, "nama");
                        const std::string password = field(call.req, "sandi");
                        if (name.empty() || password.empty() || name.size() > 200 || password.size() > 1000)
                            return signInPage(call, *this, name.size() > 200 ? "" : name,
                                              "Isi nama dan kata sandi. Enter your name and password.", 400);
                        StorePool::Lease store = pool.borrow();
                        const LoginResult r = checkLogin(*store, name, password, now());
                        if (r.outcome == LoginOutcome::Ok && r.user) {
                            const Session s = sessions.signIn(call.session.id, r.user->name,
                                                              std::string(roleId(r.user->role)), now());
                            call.session = s;
                            auditEntry(*store, call, "masuk", r.user->name);
                            setSessionCookie(call.res, s.id);
                            call.res.status = 303;
                            call.res.set_header("Location", "/antrean");
                            return;
                        }
                        Call who = call;
                        who.session.user = name;
                        if (r.outcome == LoginOutcome::Locked || r.lockedUntilMs > 0) {
                            auditEntry(*store, who, "masuk-terkunci", name);
                            return signInPage(
                                call, *this, name,
                                "Akun ini dikunci sampai " + localMinute(r.lockedUntilMs) +
                                    " setelah lima kali salah kata sandi. Tunggu, atau minta admin "
                                    "membukanya. The account is locked for a while after five wrong "
                                    "passwords.",
                                403);
                        }
                        auditEntry(*store, who, "masuk-gagal", name);
                        signInPage(call, *this, name,
                                   "Nama atau kata sandi salah. The name or password is wrong.", 403);
                    },
                    true));

    server.Post("/keluar", form([this](Call& call) {
                    StorePool::Lease store = pool.borrow();
                    auditEntry(*store, call, "keluar", call.session.user);
                    sessions.end(call.session.id);
                    setSessionCookie(call.res, "");
                    call.res.status = 303;
                    call.res.set_header("Location", "/masuk");
                }));
}

} // namespace kiosk::office::desk
