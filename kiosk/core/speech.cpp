// Scripts of what is read aloud, and the audio buffer shared by synthesiser and player.
#include "core/speech.hpp"

#include "core/dates.hpp"
#include "core/help.hpp"
#include "core/request_check.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace kiosk {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Characters that may follow the end of a sentence before the space: closing quotes and brackets.
bool closes(std::string_view text, std::size_t i, std::size_t& len)
{
    for (const std::string_view q : {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"})
        if (text.substr(i, q.size()) == q) {
            len = q.size();
            return true;
        }
    return false;
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> splitSentences(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto push = [&](std::size_t b, std::size_t e) {
        while (b < e && isSpace(text[b]))
            ++b;
        while (e > b && isSpace(text[e - 1]))
            --e;
        if (e > b)
            out.emplace_back(b, e);
    };
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            push(start, i);
            start = ++i;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || (c == ':' && i + 1 < text.size() && text[i + 1] == '\n')) {
            std::size_t j = i + 1;
            while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
                ++j;
            std::size_t len = 0;
            while (j < text.size() && closes(text, j, len))
                j += len;
            if (j == text.size() || isSpace(text[j])) {
                push(start, j);
                start = j;
                i = j;
                continue;
            }
            i = j;
            continue;
        }
        ++i;
    }
    push(start, text.size());
    return out;
}

std::string speakable(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        // A phone-like run: an optional +, then digits with single spaces or dashes between them.
        std::size_t j = i;
        if (text[j] == '+')
            ++j;
        std::size_t digits = 0;
        std::size_t end = j;
        while (j < text.size()) {
            if (isDigit(text[j])) {
                ++digits;
                end = ++j;
            } else if ((text[j] == ' ' || text[j] == '-') && j + 1 < text.size() && isDigit(text[j + 1]) &&
                       digits > 0) {
                ++j;
            } else {
                break;
            }
        }
        const bool wordStart = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        if (digits >= 5 && wordStart) {
            // "+62 812-3456" → "+ 6 2, 8 1 2, 3 4 5 6": digits one by one, groups with a pause.
            bool first = true;
            for (std::size_t k = i; k < end; ++k) {
                const char d = text[k];
                if (d == '+') {
                    out += "plus";
                    first = false;
                } else if (isDigit(d)) {
                    if (!first)
                        out += ' ';
                    out += d;
                    first = false;
                } else {
                    out += ',';
                }
            }
            i = end;
            continue;
        }
        out += text[i];
        ++i;
    }
    return out;
}

void addText(Script& script, const std::string& part, const std::string& text)
{
    for (const auto& [b, e] : splitSentences(text)) {
        std::string shown = text.substr(b, e - b);
        script.sentences.push_back({speakable(shown), TextSpot{part, std::move(shown)}});
    }
}

Lang voiceFor(Lang lang)
{
    return lang == Lang::Jv ? Lang::Id : lang;
}

Script pageScript(const Page& page, Lang shown, Lang voice, const LocalContacts& contacts)
{
    Script s;
    s.key = "page:" + page.id;
    s.page = page.id;
    s.shown = shown;
    s.voice = voice;
    addText(s, "title", page.title);
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& b = page.blocks[i];
        const std::string part = "b" + std::to_string(i);
        if (!b.title.empty())
            addText(s, part + ".t", b.title);
        switch (b.type) {
        case BlockType::Heading:
        case BlockType::Paragraph:
        case BlockType::Warning:
        case BlockType::Tip: addText(s, part, b.text); break;
        case BlockType::Bullets:
        case BlockType::Steps:
            for (std::size_t k = 0; k < b.items.size(); ++k)
                addText(s, part + ".i" + std::to_string(k), b.items[k]);
            break;
        case BlockType::Contact: {
            addText(s, part + ".name", b.name);
            addText(s, part + ".purpose", b.purpose);
            addText(s, part + ".number", shownContact(b, contacts).number);
            break;
        }
        case BlockType::Image: addText(s, part + ".caption", b.caption); break;
        case BlockType::Link: addText(s, part + ".label", b.label); break;
        }
    }
    return s;
}

namespace {

void addNumbers(Script& script, const std::vector<HelpNumber>& numbers);

// A sign checklist's result: how many signs (or that none from the list was found), each sign with
// why it matters, the numbers to call now where one is grave, and the next steps.
void addSignResult(Script& s, const ChecklistRules& rules, const ChecklistText& words, const Answers& answers,
                   const Strings& strings)
{
    const Lang voice = s.voice;
    const auto signs = rules.signsFor(answers);
    if (signs.empty()) {
        addText(s, "summary", strings.get(voice, "offer.none"));
        addText(s, "summary.note", strings.get(voice, "offer.none_note"));
    } else {
        addText(s, "summary",
                withValues(strings.get(voice, "offer.found"), {{"{n}", std::to_string(signs.size())}}));
        addText(s, "summary.note", strings.get(voice, "offer.found_note"));
    }
    for (const auto* sign : signs)
        if (const auto it = words.signs.find(sign->id); it != words.signs.end()) {
            addText(s, "sign." + sign->id, it->second.name);
            addText(s, "sign." + sign->id + ".why", it->second.why);
        }
    if (std::any_of(signs.begin(), signs.end(), [](const auto* sign) { return sign->grave; })) {
        addText(s, "danger.title", strings.get(voice, "danger.title"));
        addText(s, "danger.text", strings.get(voice, "danger.text"));
        addNumbers(s, dangerNumbers(strings, voice));
    }
    if (!words.steps.empty())
        addText(s, "steps", strings.get(voice, "offer.next"));
    for (std::size_t i = 0; i < words.steps.size(); ++i)
        addText(s, "step." + std::to_string(i), words.steps[i]);
}

} // namespace

Script checklistScript(const ChecklistRules& rules, const ChecklistText& words,
                       const ChecklistProgress& progress, const Strings& strings, Lang shown, Lang voice)
{
    Script s;
    s.shown = shown;
    s.voice = voice;
    const Answers answers = progress.asMap();
    addText(s, "title", words.title);
    if (const ChecklistRules::Question* q = rules.next(answers)) {
        s.key = "checklist:" + rules.id + ":" + q->id;
        const auto qt = words.questions.find(q->id);
        if (qt == words.questions.end())
            return s;
        addText(s, "question", qt->second.text);
        addText(s, "question.note", qt->second.note);
        for (const std::string& a : q->answers)
            if (const auto it = qt->second.answers.find(a); it != qt->second.answers.end())
                addText(s, "answer." + a, it->second);
        return s;
    }
    if (rules.kind == ChecklistKind::Signs) {
        s.key = "checklist:" + rules.id + ":result";
        for (const auto& [q, a] : progress.answers)
            s.key += ":" + q + "=" + a;
        addSignResult(s, rules, words, answers, strings);
        return s;
    }
    // The result. Its key names what was ticked too: the summary and the "where" lines change.
    s.key = "checklist:" + rules.id + ":result";
    for (const auto& [q, a] : progress.answers)
        s.key += ":" + q + "=" + a;
    for (const std::string& have : progress.have)
        s.key += ":have=" + have;
    for (const auto* w : rules.warningsFor(answers))
        if (const auto it = words.warnings.find(w->id); it != words.warnings.end())
            addText(s, "warn." + w->id, it->second);
    const auto missing = missingDocuments(rules, progress);
    addText(s, "summary",
            strings.get(voice, missing.empty() ? "checklist.all_ready" : "checklist.still_needed"));
    for (const auto* d : missing)
        addText(s, "missing." + d->id, words.documentName(d->id));
    for (const auto* d : rules.documentsFor(answers)) {
        const auto it = words.documents.find(d->id);
        if (it == words.documents.end())
            continue;
        addText(s, "doc." + d->id, it->second.name);
        addText(s, "doc." + d->id + ".detail", it->second.explain);
        if (!progress.have.count(d->id) && !it->second.where.empty())
            addText(s, "doc." + d->id + ".detail",
                    strings.get(voice, "checklist.where") + ": " + it->second.where);
    }
    const auto fees = rules.feesFor(answers);
    if (!fees.empty())
        addText(s, "fees", strings.get(voice, "checklist.fees"));
    for (const auto* fee : fees)
        if (const auto it = words.fees.find(fee->id); it != words.fees.end())
            addText(s, "fee." + fee->id, it->second);
    return s;
}

std::string spelledNumber(std::string_view number)
{
    std::string out;
    bool newGroup = false; // after a dash, a space or the plus: a pause
    for (const char c : number) {
        if (isDigit(c) || c == '+') {
            if (!out.empty())
                out += newGroup ? ", " : " ";
            out += c == '+' ? std::string("plus") : std::string(1, c);
            newGroup = c == '+';
        } else if (c == '-' || c == ' ') {
            newGroup = true;
        }
    }
    return out;
}

namespace {

Script scriptFor(std::string key, Lang shown, Lang voice)
{
    Script s;
    s.key = std::move(key);
    s.shown = shown;
    s.voice = voice;
    return s;
}

// A number as one sentence: shown as written, said digit by digit.
void addNumber(Script& script, const std::string& part, const std::string& number)
{
    script.sentences.push_back({spelledNumber(number), TextSpot{part, number}});
}

void addNumbers(Script& script, const std::vector<HelpNumber>& numbers)
{
    for (const HelpNumber& n : numbers) {
        const std::string part = "help." + n.id;
        addText(script, part + ".name", n.name);
        addNumber(script, part + ".number", n.number);
        addText(script, part + ".purpose", n.purpose);
    }
}

} // namespace

Script formScript(const Strings& strings, const FormState& form, const CallbackPromise& callback, Lang shown,
                  Lang voice)
{
    if (form.dangerCard) {
        Script s = scriptFor("form:danger", shown, voice);
        addText(s, "danger.title", strings.get(voice, "danger.title"));
        addText(s, "danger.text", strings.get(voice, "danger.text"));
        addNumbers(s, dangerNumbers(strings, voice));
        return s;
    }
    Script s = scriptFor("form", shown, voice);
    addText(s, "form.title", strings.get(voice, "home.tile.callback.label"));
    addText(s, "form.intro", callback.fill(strings.get(voice, "form.intro")));
    addText(s, "form.consent", callback.fill(strings.get(voice, "form.consent.text")));
    return s;
}

Script homeScript(const Strings& strings, Lang shown, Lang voice)
{
    Script s = scriptFor("home", shown, voice);
    addText(s, "home.welcome", strings.get(voice, "home.welcome"));
    addText(s, "home.intro", strings.get(voice, "home.intro"));
    for (const Topic topic : kAllTopics) {
        const std::string id = "home.tile." + std::string(topicId(topic));
        addText(s, id, strings.get(voice, id + ".label"));
        addText(s, id, strings.get(voice, id + ".hint"));
    }
    return s;
}

Script reviewScript(const FormState& form, const Strings& strings, const CallbackPromise& callback,
                    Lang shown, Lang voice)
{
    // What was typed is read as typed: the key changes with every change to the form.
    const std::vector<ReviewRow> rows = reviewRows(form, strings, voice);
    std::string key = "review";
    for (const ReviewRow& row : rows)
        key += "\x1f" + row.value;
    Script s = scriptFor(std::move(key), shown, voice);
    addText(s, "review.title", strings.get(voice, "review.title"));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string part = "review." + std::to_string(i);
        addText(s, part + ".label", rows[i].label);
        if (rows[i].phone)
            addNumber(s, part, rows[i].value);
        else
            addText(s, part, rows[i].value);
    }
    addText(s, "review.consent_given", callback.fill(strings.get(voice, "review.consent_given")));
    return s;
}

Script helpScript(const Strings& strings, const LocalContacts& contacts, Lang shown, Lang voice)
{
    Script s = scriptFor("help", shown, voice);
    addText(s, "help.title", strings.get(voice, "help.title"));
    addNumbers(s, helpNumbers(strings, voice, contacts));
    return s;
}

// The company search: what the list says of the name typed, then the next steps.
Script recruiterScript(const Content& content, const CompanySearch& search, Lang shown, Lang voice)
{
    const Strings& strings = content.strings;
    const Registry& registry = content.registry;
    Script s = scriptFor("recruiter\x1f" + search.query.text + "\x1f" + search.chosen, shown, voice);
    addText(s, "title", strings.get(voice, "registry.title"));
    if (registry.companies.empty()) {
        addText(s, "empty", strings.get(voice, "registry.empty"));
        addText(s, "empty.hint", strings.get(voice, "registry.empty_hint"));
    } else if (normaliseName(search.query.text).empty()) {
        addText(s, "intro", strings.get(voice, "registry.intro"));
    } else {
        const auto found = content.registryIndex.search(search.query.text, kCompanyResults);
        for (std::size_t i = 0; i < found.size(); ++i) {
            const Company& c = registry.companies[found[i].company];
            const CompanyWords words = companyWords(c, registry, strings, voice);
            const std::string part = "result." + std::to_string(i);
            addText(s, part + ".name", c.name);
            addText(s, part + ".listed", words.listed);
            addText(s, part + ".status", words.status);
        }
        if (found.empty()) {
            addText(s, "not_found", notFoundWords(registry, strings, voice));
            addText(s, "not_found.hint", strings.get(voice, "registry.not_found_hint"));
        } else {
            addText(s, "found.hint", strings.get(voice, "registry.found_hint"));
        }
    }
    for (const char* key :
         {"registry.next.title", "registry.next.sip2mi", "registry.next.wait", "registry.next.qr"})
        addText(s, std::string(key).substr(9), strings.get(voice, key));
    return s;
}

std::string spelledReference(std::string_view reference)
{
    std::string out;
    for (const char c : reference) {
        if (c == '-' || c == ' ') {
            if (!out.empty() && out.back() != ',')
                out += ",";
            continue;
        }
        if (!out.empty())
            out += ' ';
        out += c;
    }
    return out;
}

Script statusScript(const Strings& strings, const StatusLookup& lookup, const StatusBook* book,
                    const CallbackPromise& callback, Lang shown, Lang voice)
{
    const auto kind = static_cast<int>(lookup.outcome);
    Script s = scriptFor("my-request\x1f" + std::to_string(hasNews(book)) + "\x1f" + std::to_string(kind) +
                             "\x1f" + (lookup.found ? lookup.found->reference : lookup.asked),
                         shown, voice);
    addText(s, "title", strings.get(voice, "status.title"));
    if (!hasNews(book)) {
        addText(s, "no_news", strings.get(voice, "status.no_news"));
        addText(s, "no_news.hint", callback.fill(strings.get(voice, "status.no_news_hint")));
        addText(s, "emergency", strings.get(voice, "status.emergency"));
        addText(s, "emergency.numbers", helpLine(strings, voice));
        return s;
    }
    const std::string news = withValues(strings.get(voice, "status.news"),
                                        {{"{date}", formatDate(book->created.substr(0, 10), voice)}});
    if (lookup.outcome == StatusLookup::Outcome::Found && lookup.found) {
        const StatusEntry& e = *lookup.found;
        const std::string id(requestStatusId(e.status));
        const std::string line = strings.get(voice, "status.reference");
        const std::string shownLine = withValues(line, {{"{reference}", e.reference}});
        s.sentences.push_back({withValues(line, {{"{reference}", spelledReference(e.reference)}}),
                               TextSpot{"result.reference", shownLine}});
        addText(s, "result.word", strings.get(voice, "status." + id + ".word"));
        addText(s, "result.since",
                withValues(strings.get(voice, "status.since"), {{"{date}", formatDate(e.date, voice)}}));
        addText(s, "result.meaning", strings.get(voice, "status." + id + ".meaning"));
        addText(s, "news", news);
    } else if (lookup.outcome == StatusLookup::Outcome::Unknown) {
        const std::string line = strings.get(voice, "status.unknown");
        s.sentences.push_back({withValues(line, {{"{reference}", spelledReference(lookup.asked)}}),
                               TextSpot{"unknown", withValues(line, {{"{reference}", lookup.asked}})}});
        addText(s, "unknown.hint", strings.get(voice, "status.unknown_hint"));
        addText(s, "emergency", strings.get(voice, "status.emergency"));
        addText(s, "emergency.numbers", helpLine(strings, voice));
    } else {
        addText(s, "intro", strings.get(voice, "status.intro"));
        addText(s, "news", news);
    }
    return s;
}

bool readsAloud(ScreenKind kind)
{
    switch (kind) {
    case ScreenKind::Home:
    case ScreenKind::Help:
    case ScreenKind::Page:
    case ScreenKind::Checklist:
    case ScreenKind::Recruiter:
    case ScreenKind::StatusCheck:
    case ScreenKind::OfferCheck:
    case ScreenKind::Callback:
    case ScreenKind::CallbackReview: return true;
    default: return false;
    }
}

std::optional<Script> screenScript(const Content& content, const LocalContacts& contacts,
                                   const CallbackPromise& callback, const Session& session,
                                   const StatusBook* statuses)
{
    const Route& route = session.nav.current();
    const Lang shown = session.lang;
    const Lang voice = voiceFor(shown);
    switch (route.kind) {
    case ScreenKind::Home: return homeScript(content.strings, shown, voice);
    case ScreenKind::Help: return helpScript(content.strings, contacts, shown, voice);
    case ScreenKind::Page:
        if (const Page* page = content.page(route.id, voice))
            return pageScript(*page, shown, voice, contacts);
        return std::nullopt;
    case ScreenKind::Checklist:
    case ScreenKind::OfferCheck: {
        const ChecklistRules* rules = content.checklist(route.id);
        const ChecklistText* words = content.checklistText(route.id, voice);
        if (rules && words)
            return checklistScript(*rules, *words, session.checklist, content.strings, shown, voice);
        return std::nullopt;
    }
    case ScreenKind::Recruiter: return recruiterScript(content, session.search, shown, voice);
    case ScreenKind::StatusCheck:
        return statusScript(content.strings, session.status, statuses, callback, shown, voice);
    case ScreenKind::Callback: return formScript(content.strings, session.form, callback, shown, voice);
    case ScreenKind::CallbackReview:
        return reviewScript(session.form, content.strings, callback, shown, voice);
    default: return std::nullopt;
    }
}

void SpeechAudio::beginSentence()
{
    const std::lock_guard lock(m_mutex);
    m_sentenceStarts.push_back(m_samples.size());
}

void SpeechAudio::append(const std::int16_t* samples, std::size_t count)
{
    {
        const std::lock_guard lock(m_mutex);
        m_samples.insert(m_samples.end(), samples, samples + count);
    }
    m_grown.notify_all();
}

void SpeechAudio::finish()
{
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_samples.shrink_to_fit(); // kept in the cache: no room to grow
    }
    m_grown.notify_all();
}

void SpeechAudio::fail()
{
    {
        const std::lock_guard lock(m_mutex);
        m_failed = true;
        m_finished = true;
    }
    m_grown.notify_all();
}

std::size_t SpeechAudio::read(std::size_t offset, std::int16_t* out, std::size_t max) const
{
    const std::lock_guard lock(m_mutex);
    if (offset >= m_samples.size())
        return 0;
    const std::size_t n = std::min(max, m_samples.size() - offset);
    std::copy_n(m_samples.begin() + static_cast<std::ptrdiff_t>(offset), n, out);
    return n;
}

std::size_t SpeechAudio::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_samples.size();
}

bool SpeechAudio::finished() const
{
    const std::lock_guard lock(m_mutex);
    return m_finished;
}

bool SpeechAudio::failed() const
{
    const std::lock_guard lock(m_mutex);
    return m_failed;
}

std::size_t SpeechAudio::sentenceAt(std::size_t offset) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = std::upper_bound(m_sentenceStarts.begin(), m_sentenceStarts.end(), offset);
    return it == m_sentenceStarts.begin() ? 0 : static_cast<std::size_t>(it - m_sentenceStarts.begin() - 1);
}

std::size_t SpeechAudio::sentencesBegun() const
{
    const std::lock_guard lock(m_mutex);
    return m_sentenceStarts.size();
}

bool SpeechAudio::waitFor(std::size_t count, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_grown.wait_for(lock, timeout, [&] { return m_finished || m_samples.size() >= count; });
}

std::size_t SpeechAudio::bytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_samples.capacity() * sizeof(std::int16_t) + m_sentenceStarts.capacity() * sizeof(std::size_t);
}

} // namespace kiosk
