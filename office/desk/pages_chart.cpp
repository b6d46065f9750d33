// The report's chart (deskdata's SVG, every text escaped there) as an image of its own: the pages hold
// no markup that was not escaped by the templates.
#include "desk/chart.hpp"
#include "desk/desk_internal.hpp"
#include "ledger/ledger.hpp"

namespace kiosk::office::desk {

void Desk::Impl::chartRoutes()
{
    server.Get("/laporan/grafik.svg", page([this](Call& call) {
                   const std::string month = askedMonth(call.req);
                   StorePool::Lease store = pool.borrow();
                   call.res.set_content(
                       reportChartSvg(monthlyReport(*store, month, options.config.villages, now()), month),
                       "image/svg+xml; charset=utf-8");
               }));
}

} // namespace kiosk::office::desk
