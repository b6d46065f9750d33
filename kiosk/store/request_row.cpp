// Reading a row of the requests table into a StoredRequest.
#include "store/request_row.hpp"

namespace kiosk::store {

StoredRequest readRequestRow(const Stmt& row)
{
    StoredRequest r;
    r.id = row.columnInt64(0);
    r.uid = row.columnText(1);
    r.reference = row.columnText(2);
    r.createdMs = row.columnInt64(3);
    r.request.lang = langFromCode(row.columnText(4)).value_or(kDefaultLang);
    r.request.name = row.columnText(5);
    r.request.phone = row.columnText(6);
    r.request.dusun = row.columnText(7);
    r.request.rt = row.columnText(8);
    r.request.rw = row.columnText(9);
    // The schema's CHECKs admit only known ids.
    r.request.topic = requestTopicFromId(row.columnText(10)).value_or(RequestTopic::Other);
    r.request.time = contactTimeFromId(row.columnText(11)).value_or(ContactTime::Any);
    r.request.note = row.columnText(12);
    return r;
}

} // namespace kiosk::store
