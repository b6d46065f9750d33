// Reading a screen aloud, as the screens and the voice service (services/voice) see it: what is read —
// sentences, each with the spot on the screen it came from, so the one being read can be
// highlighted — and the audio of a reading, which a synthesiser fills while a player plays it.
#pragma once

#include "core/content.hpp"
#include "core/language.hpp"
#include "core/session.hpp"
#include "core/strings.hpp"
#include "core/voice_view.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct Sentence {
    std::string say; // what the voice says (numbers spelled out digit by digit, say)
    TextSpot spot;   // what is highlighted meanwhile
};

// What one Listen tap reads.
struct Script {
    std::string key;       // what is read, e.g. "page:passport"; with the voice, the cache key
    std::string page;      // a page's id: a recorded narration may replace the voice
    Lang shown = Lang::Id; // the language on the screen
    Lang voice = Lang::Id; // the language read: Indonesian for Javanese screens
    std::vector<Sentence> sentences;

    // Whether the highlight can follow the reading (not when the voice reads another language).
    [[nodiscard]] bool highlights() const { return shown == voice; }
};

// Byte ranges of the sentences in `text`: split after . ! ? (and their runs, closing quotes and
// brackets) followed by a space or the end, and at line breaks; spaces trimmed; empty ones left
// out. "Rp 350.000" and "1.5" stay whole (no space after the point).
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> splitSentences(std::string_view text);

// What the voice should say for `text`: runs of digits of phone numbers (a digit run of 5 or more,
// with spaces, dashes or a leading +) read digit by digit, so "1500630" is not read as a million.
[[nodiscard]] std::string speakable(std::string_view text);

// Appends the sentences of `text` (the screen part `part`) to `script`.
void addText(Script& script, const std::string& part, const std::string& text);

// The script of a guidance page: its title and every block in order (contacts: name, purpose,
// number — the configured one for a local contact; images: caption; links: label).
[[nodiscard]] Script pageScript(const Page& page, Lang shown, Lang voice, const LocalContacts& contacts = {});

// The script of a checklist: the question (and its note) and its answers while asking, then the
// result. A document checklist's: the warnings, what is still needed (each document its own
// sentence, part "missing.<id>"), each document with its explanation and where to get it, and the
// fees. A sign checklist's: how many signs were found (or that none from the list was), each sign
// with why it matters ("sign.<id>", "sign.<id>.why"), the numbers to call now when one is grave
// ("help.<id>.*"), and the next steps ("step.<i>"). `words` and `strings` in the voice's language.
[[nodiscard]] Script checklistScript(const ChecklistRules& rules, const ChecklistText& words,
                                     const ChecklistProgress& progress, const Strings& strings, Lang shown,
                                     Lang voice);

// The callback form's instructions: its title, what it is for (with the days within which the office
// calls), and the consent sentence (which office receives the request, when the kiosk deletes it);
// while the danger card is up, that card.
[[nodiscard]] Script formScript(const Strings& strings, const FormState& form,
                                const CallbackPromise& callback, Lang shown, Lang voice);

// Home: the welcome, then each tile's name and one-line description, in the order they appear.
[[nodiscard]] Script homeScript(const Strings& strings, Lang shown, Lang voice);

// The review before sending: every line, its label then its value; the phone number digit by digit.
// Then the consent the resident gave, with the office and how long the kiosk keeps the request.
[[nodiscard]] Script reviewScript(const FormState& form, const Strings& strings,
                                  const CallbackPromise& callback, Lang shown, Lang voice);

// Help now: the title, then each number's name, the number digit by digit, and what it is for.
[[nodiscard]] Script helpScript(const Strings& strings, const LocalContacts& contacts, Lang shown,
                                Lang voice);

// "Cek permintaan saya": the title; without news from the office, that there is none yet and what the
// resident can count on; else the instructions and the date of the news, then the answer to the last
// check: the reference (letter by letter, digit by digit), its status, since when and what it means;
// or that it is unknown, what to check, and the numbers to call now.
[[nodiscard]] Script statusScript(const Strings& strings, const StatusLookup& lookup, const StatusBook* book,
                                  const CallbackPromise& callback, Lang shown, Lang voice);

// "CMG-0427" as the voice reads it: "C M G, 0 4 2 7".
[[nodiscard]] std::string spelledReference(std::string_view reference);

// "0800-1000" as the voice reads it, one digit at a time with a pause at each dash or space:
// "0 8 0 0, 1 0 0 0".
[[nodiscard]] std::string spelledNumber(std::string_view number);

// Whether a Listen button belongs on a screen of this kind (screenScript reads it).
[[nodiscard]] bool readsAloud(ScreenKind kind);

// What a Listen tap on the current screen reads: home, help, pages, checklists, the company search,
// the check of a request (with the office's news, `statuses`), the form and its review; nothing
// elsewhere.
[[nodiscard]] std::optional<Script> screenScript(const Content& content, const LocalContacts& contacts,
                                                 const CallbackPromise& callback, const Session& session,
                                                 const StatusBook* statuses = nullptr);

// The voice used for a screen in `lang`: eSpeak NG has no Javanese voice, so Javanese screens are
// read in Indonesian.
[[nodiscard]] Lang voiceFor(Lang lang);

// The audio of one reading. A synthesiser appends sentence by sentence while a player may already
// play what is there; both sides may be on different threads.
class SpeechAudio {
public:
    explicit SpeechAudio(unsigned sampleRate = 22050) : m_rate(sampleRate) {}

    // Synthesiser side.
    void beginSentence(); // the next samples belong to the next sentence
    void append(const std::int16_t* samples, std::size_t count);
    void finish(); // nothing more will come
    void fail();   // synthesis failed: finish, and say so

    // Player side: copies up to `max` samples from `offset`; returns how many were copied.
    std::size_t read(std::size_t offset, std::int16_t* out, std::size_t max) const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool finished() const;
    [[nodiscard]] bool failed() const;
    [[nodiscard]] unsigned sampleRate() const { return m_rate; }
    // The sentence sounding at sample `offset` (the last one begun at or before it).
    [[nodiscard]] std::size_t sentenceAt(std::size_t offset) const;
    [[nodiscard]] std::size_t sentencesBegun() const;
    // Waits at most `timeout` for at least `count` samples or the end; false if neither came.
    [[nodiscard]] bool waitFor(std::size_t count, std::chrono::milliseconds timeout) const;
    [[nodiscard]] std::size_t bytes() const; // memory held, for the cache

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_grown;
    std::vector<std::int16_t> m_samples;
    std::vector<std::size_t> m_sentenceStarts;
    bool m_finished = false;
    bool m_failed = false;
    unsigned m_rate;
};

} // namespace kiosk
