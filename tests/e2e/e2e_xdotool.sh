#!/usr/bin/env bash
# End to end: starts the real kiosk in its own Xvfb, clicks widgets found in the UI map with
# xdotool, and checks the map's screen after every click: wake, every tile and back, home, Bawa
# pulang, languages, a drag that must not press, the checklist, a callback request typed on the
# on-screen keyboard and found with `kiosk requests list`, the idle reset, reading aloud and larger
# text, and officer mode: the corner held, the PIN typed on the pad, the request copied to a folder
# (no office key here: with a tap and the yes to a copy without encryption), a setting changed, and
# the answer back: the copied request imported by desa-office, called, and its signed status pack
# taken from the stick in officer mode; then "Cek permintaan saya": the request's own reference typed
# on the keyboard and its status, after the kiosk has started again.
# Usage: e2e_xdotool.sh PATH/TO/kiosk (desa-office is taken from the same build: BUILD/office/desa-office)
set -uo pipefail

KIOSK="$1"
OFFICE="$(dirname "$KIOSK")/../office/desa-office"
[ -x "$OFFICE" ] || { echo "FAIL: $OFFICE is not built (the e2e takes the request to the office and back)"; exit 1; }
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
WORK="$(mktemp -d)"
MAP="$WORK/ui-map.json"
W=1920
H=1080
failures=0
checks=0

cleanup() {
    [ -n "${KIOSK_PID:-}" ] && kill "$KIOSK_PID" 2>/dev/null
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

start_xvfb "${W}x${H}" "$WORK" # our own X server, on the first free display

# The officer PIN, set as a technician would, from a terminal.
printf '135790\n135790\n' | "$KIOSK" set-pin --db "$WORK/kiosk.db" >"$WORK/set-pin.log" 2>&1 ||
    { echo "FAIL: kiosk set-pin"; cat "$WORK/set-pin.log"; exit 1; }
mkdir -p "$WORK/stick"

# The office signs a content pack (one page title changed, and a list of placement companies: the
# test list of invented names) and puts it on the "stick"; this kiosk's settings trust the office's key.
"$KIOSK" content keygen --out "$WORK/kantor" >/dev/null
# The office's sealing key, for its import (this kiosk is not given the public half: it copies plainly).
"$KIOSK" keygen --out "$WORK/office" >/dev/null
PACK="$WORK/stick/desa-kiosk-konten"
mkdir -p "$PACK/registry" && cp -r "$ROOT/data/content" "$ROOT/data/checklists" "$ROOT/data/sources.toml" "$PACK/"
cp "$ROOT/tests/fixtures/registry/p3mi.csv" "$ROOT/tests/fixtures/registry/p3mi.toml" "$PACK/registry/"
sed -i '0,/^title = .*/s//title = "Paket uji dari kantor"/' "$PACK/content/id/pages/trafficking.toml"
"$KIOSK" content sign --key "$WORK/kantor.sign.secret" "$PACK" >/dev/null ||
    { echo "FAIL: kiosk content sign"; exit 1; }
{ cat "$ROOT/data/kiosk.toml"; printf '\n[content]\ntrusted_keys = ["%s"]\n' "$WORK/kantor.sign.public"; } \
    >"$WORK/kiosk.toml"

# No sound card here: OpenAL writes what the kiosk plays into a file, in real time.
printf '[wave]\nfile=%s\n' "$WORK/voice.wav" >"$WORK/openal.conf"
ALSOFT_DRIVERS=wave ALSOFT_CONF="$WORK/openal.conf" \
"$KIOSK" --config "$WORK/kiosk.toml" --db "$WORK/kiosk.db" --windowed "${W}x${H}" --ui-map "$MAP" \
    --idle-after 8 --idle-prompt 3 --export-dir "$WORK/stick" >"$WORK/kiosk.log" 2>&1 &
KIOSK_PID=$!

field() { jq -r "$1" "$MAP" 2>/dev/null; }

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# expect SCREEN [LANG]: waits up to 3 s for the map to say so.
expect() {
    local want="$1" lang="${2:-}" got gotlang
    checks=$((checks + 1))
    for _ in $(seq 60); do
        got="$(field .screen)"
        gotlang="$(field .lang)"
        if [ "$got" = "$want" ] && { [ -z "$lang" ] || [ "$gotlang" = "$lang" ]; }; then
            echo "ok: on $want${lang:+ ($lang)}"
            return 0
        fi
        sleep 0.05
    done
    fail "expected screen '$want'${lang:+ in '$lang'}, map says '$got' in '$gotlang'"
    return 1
}

# centre ID: prints "X Y" of the widget's centre, or fails.
centre() {
    jq -r --arg id "$1" '.widgets[] | select(.id == $id) | "\(.x + (.w / 2 | floor)) \(.y + (.h / 2 | floor))"' "$MAP" 2>/dev/null
}

click() {
    local pos
    pos="$(centre "$1")"
    if [ -z "$pos" ]; then
        fail "no widget '$1' on screen '$(field .screen)'"
        return 1
    fi
    # shellcheck disable=SC2086
    xdotool mousemove $pos click 1
}

label() { jq -r --arg id "$1" '.widgets[] | select(.id == $id) | .label' "$MAP"; }

for _ in $(seq 200); do [ -s "$MAP" ] && break; sleep 0.05; done
[ -s "$MAP" ] || { fail "the kiosk wrote no UI map"; cat "$WORK/kiosk.log"; exit 1; }

expect attract
click attract.start && expect home id

for topic in trafficking scam-jobs work-abroad passport abroad hotlines callback my-request; do
    click "home.tile.$topic" && expect "$topic"
    click nav.back && expect home
done
click home.tile.passport && expect passport
# Bawa pulang: the code opened holds the text its button promised; Back returns to the page.
value() { jq -r --arg id "$1" '.widgets[] | select(.id == $id) | .value' "$MAP"; }
promised="$(value takehome.open)"
checks=$((checks + 1))
[ -n "$promised" ] || fail "no take-home text on the passport page's button"
click takehome.open && expect takehome-passport
checks=$((checks + 1))
[ "$(value takehome.qr)" = "$promised" ] || fail "the take-home code holds other text than its button"
click nav.back && expect passport
click nav.home && expect home

click lang.jv && expect home jv
[ "$(label home.tile.callback)" = "Nyuwun Dipuntelepon" ] || fail "Javanese label not shown: $(label home.tile.callback)"
click lang.en && expect home en
click home.tile.hotlines && expect hotlines en
click lang.id && expect hotlines id
click nav.home && expect home id

# A drag that starts and ends on a tile (out past the threshold and back) never opens it...
pos=($(centre home.tile.work-abroad))
xdotool mousemove "${pos[0]}" "${pos[1]}" mousedown 1
for dy in 20 40 60 80 60 40 20 0; do
    xdotool mousemove "${pos[0]}" $((pos[1] - dy))
    sleep 0.03
done
xdotool mouseup 1
sleep 0.5
checks=$((checks + 1))
if [ "$(field .screen)" = "home" ]; then echo "ok: a drag did not press"; else fail "a drag opened $(field .screen)"; fi
# ...while the same press without the drag does.
click home.tile.work-abroad && expect work-abroad
click nav.home && expect home

# The passport checklist: answer, tick a document, ask for help.
click home.tile.passport && expect passport
click page.link.checklist.passport && expect checklist-passport
click checklist.answer.self && sleep 0.2 && click checklist.answer.work && sleep 0.2
click checklist.answer.18-or-older && sleep 0.2 && click checklist.answer.new
checks=$((checks + 1))
for _ in $(seq 60); do [ -n "$(centre checklist.doc.ktp)" ] && break; sleep 0.05; done
if [ -n "$(centre checklist.doc.ktp)" ]; then echo "ok: documents listed"; else fail "no documents after four answers"; fi
click nav.home && expect home

# wait_for ID: waits up to 3 s for a widget to be in the map.
wait_for() {
    for _ in $(seq 60); do [ -n "$(centre "$1")" ] && return 0; sleep 0.05; done
    fail "no widget '$1' on screen '$(field .screen)'"
    return 1
}

# Reading aloud: Listen starts the voice and turns into Stop; sound reaches the (file) device; a
# second tap stops it. Aa makes the words and buttons larger, and a second tap undoes it.
click home.tile.passport && expect passport
wait_for voice.listen && click voice.listen
checks=$((checks + 1))
voiced() { # the device got more than a second of sound that is not silence
    [ -f "$WORK/voice.wav" ] && [ "$(tail -c +45 "$WORK/voice.wav" | tr -d '\000' | wc -c)" -gt 20000 ]
}
for _ in $(seq 80); do voiced && [ -n "$(centre voice.stop)" ] && break; sleep 0.05; done
if voiced && [ -n "$(centre voice.stop)" ]; then echo "ok: the page is read aloud"; else
    fail "no sound: $(ls -l "$WORK/voice.wav" 2>&1), stop button '$(centre voice.stop)'"; fi
# Someone listening is not idle: past the idle limit (8 s + 3 s here) the visit stays while it reads.
sleep 12
checks=$((checks + 1))
if [ "$(field .screen)" = "passport" ] && [ -n "$(centre voice.stop)" ]; then
    echo "ok: a reading longer than the idle limit keeps the visit"
else
    fail "the reading was cut off: screen '$(field .screen)', stop button '$(centre voice.stop)'"
fi
click voice.stop && wait_for voice.listen && echo "ok: a second tap stops the voice"
back_h() { jq -r '.widgets[] | select(.id == "nav.back") | .h' "$MAP"; }
before="$(back_h)"
click header.text_size
checks=$((checks + 1))
for _ in $(seq 60); do [ "$(back_h)" != "$before" ] && break; sleep 0.05; done
if awk -v a="$before" -v b="$(back_h)" 'BEGIN { exit !(b > a * 1.1) }'; then echo "ok: larger text"; else
    fail "Aa changed nothing: Back is $(back_h) px high, was $before"; fi
click header.text_size
checks=$((checks + 1))
for _ in $(seq 60); do [ "$(back_h)" = "$before" ] && break; sleep 0.05; done
if [ "$(back_h)" = "$before" ]; then echo "ok: normal text again"; else fail "Aa did not switch back"; fi
click nav.home && expect home

wait_value() { # JQ WANT: waits up to 20 s (Argon2id under the sanitizers) for the map to say so
    for _ in $(seq 400); do [ "$(field "$1")" = "$2" ] && return 0; sleep 0.05; done
    return 1
}

# The callback form with the on-screen keyboard alone, sent, and found on disk.
# type_keys TEXT: one on-screen key per character.
type_keys() {
    local text="$1" i c id
    for ((i = 0; i < ${#text}; i++)); do
        c="${text:i:1}"
        case "$c" in
        " ") id=space ;;
        ".") id=period ;;
        "-") id=dash ;;
        *) id="$c" ;;
        esac
        click "osk.key.$id"
    done
}
# reveal_click ID [BUTTON]: scrolls the content with the wheel (5 down, 4 up) until ID is fully in
# sight, then clicks it.
reveal_click() {
    local clipped
    for _ in $(seq 80); do
        clipped="$(jq -r --arg id "$1" '.widgets[] | select(.id == $id) | .clipped' "$MAP" 2>/dev/null)"
        [ "$clipped" = "false" ] && break
        xdotool mousemove $((W / 2)) $((H / 2)) click "${2:-5}"
        sleep 0.1
    done
    click "$1"
}
# The shipped kiosk has no list of companies: the search says so and offers the next steps.
click home.tile.recruiter && expect recruiter
checks=$((checks + 1))
if [ "$(field .values.registry)" = "empty" ] && [ -z "$(label registry.query)" ]; then
    echo "ok: without a list the company search says so"; else fail "company search without a list"; fi
click nav.home && expect home

click home.tile.callback && expect callback
click form.field.name && wait_for osk.key.q
type_keys "siti aminah"
click osk.key.next && wait_for osk.key.0
type_keys "081234567890"
click osk.key.done
reveal_click form.topic.passport
reveal_click form.time.morning
reveal_click form.consent
reveal_click form.review && expect callback-review
click form.send && expect callback-done
reference="$(field .values.reference)"
checks=$((checks + 1))
if "$KIOSK" requests list --db "$WORK/kiosk.db" --json |
    jq -e --arg ref "$reference" '.[] | select(.reference == $ref and .name == "Siti Aminah" and
        .phone == "+6281234567890" and .topic == "passport" and .contact_time == "morning")' >/dev/null; then
    echo "ok: request $reference is in the database"
else
    fail "request '$reference' not found by 'kiosk requests list'"
    "$KIOSK" requests list --db "$WORK/kiosk.db"
fi
click form.finish && expect home

# Idle: a visit in Javanese, left alone, is prompted, then wiped back to the attract screen.
click lang.jv && click home.tile.trafficking && expect trafficking jv
expect_idle() {
    for _ in $(seq 240); do [ "$(field .screen)" = "idle-prompt" ] && return 0; sleep 0.05; done
    return 1
}
checks=$((checks + 1))
if expect_idle; then echo "ok: idle prompt"; else fail "no idle prompt after 8 s"; fi
click idle.continue && expect trafficking jv
checks=$((checks + 1))
if expect_idle; then echo "ok: idle prompt again"; else fail "no second idle prompt"; fi
sleep 3.5
expect attract
click attract.start && expect home id

# Officer mode: hold the top-left corner for 3 s, type the PIN, copy the request with one tap.
xdotool mousemove 20 20 mousedown 1
sleep 3.4
xdotool mouseup 1
expect officer-pin
for d in 1 3 5 7 9 0; do click "officer.pin.$d"; done
click officer.pin.ok
checks=$((checks + 1))
if wait_value .screen officer-dashboard && wait_value .values.requests_new 1; then
    echo "ok: officer dashboard with 1 new request"
else
    fail "no dashboard with the request: screen '$(field .screen)', new '$(field .values.requests_new)'"
fi
click officer.export.new
# No office key in this kiosk.toml: the card asks first what a copy without encryption means.
wait_for officer.export.plain.confirm && click officer.export.plain.confirm
checks=$((checks + 1))
if wait_value .values.export done &&
    grep -q "Siti Aminah" "$WORK"/stick/desa-kiosk/CMG/*/requests.csv 2>/dev/null &&
    wait_value .values.requests_collected 1; then
    echo "ok: copied to the export folder and marked collected"
else
    fail "export: map says '$(field .values.export)' '$(field .values.export_message)'"
    ls -R "$WORK/stick"
fi
# The answer back: the office imports the stick, records the call, and signs each kiosk's news onto
# the stick with the key this kiosk trusts; officer mode takes it from there.
OFFICE_DB="sqlite:$WORK/office.db"
checks=$((checks + 1))
if "$OFFICE" --database "$OFFICE_DB" --config "$WORK/none.toml" import --key "$WORK/office.secret" "$WORK/stick" >"$WORK/office.log" 2>&1 &&
    "$OFFICE" --database "$OFFICE_DB" --config "$WORK/none.toml" follow-up "$reference" --outcome reached \
        --note "Ditelepon" >>"$WORK/office.log" 2>&1 &&
    "$OFFICE" --database "$OFFICE_DB" --config "$WORK/none.toml" status-pack --key "$WORK/kantor.sign.secret" \
        --out "$WORK/stick" >>"$WORK/office.log" 2>&1 && [ -s "$WORK/stick/desa-kiosk-status/CMG.status" ]; then
    echo "ok: the office imported the stick, called $reference, and signed the news onto the stick"
else
    fail "desa-office import / follow-up / status-pack"
    cat "$WORK/office.log"
fi
reveal_click officer.status.take
checks=$((checks + 1))
if wait_value .values.status_update done && [ "$(field .values.status_count)" = 1 ]; then
    echo "ok: officer mode took the signed status pack (1 status)"
else
    fail "status pack: '$(field .values.status_update)' '$(field .values.status_refusal)'"
fi

# A setting changed from the dashboard: stored, audited, and the kiosk in high contrast.
reveal_click officer.setting.theme.high-contrast
checks=$((checks + 1))
if wait_value .values.setting_theme high-contrast; then echo "ok: high contrast chosen"; else
    fail "the theme setting did not change: '$(field .values.setting_theme)'"; fi
reveal_click officer.setting.theme.standard
wait_value .values.setting_theme standard || fail "the theme did not go back to standard"

# "Perbarui konten": the signed pack from the stick is checked, installed, and the kiosk starts
# again on it by itself.
reveal_click officer.content.update 4
checks=$((checks + 1))
if wait_value .values.content_update done; then echo "ok: content pack installed"; else
    fail "content update: '$(field .values.content_update)' '$(field .values.content_refusal)'"; fi
checks=$((checks + 1))
restarted() {
    for _ in $(seq 400); do grep -q "showing content pack" "$WORK/kiosk.log" && return 0; sleep 0.05; done
    return 1
}
if restarted && kill -0 "$KIOSK_PID" 2>/dev/null; then echo "ok: the kiosk started again on the new pack"; else
    fail "no restart on the new content"; fi
rm -f "$MAP"
for _ in $(seq 400); do [ -s "$MAP" ] && break; sleep 0.05; done
expect attract
click attract.start && expect home id
click home.tile.trafficking && expect trafficking id
checks=$((checks + 1))
if jq -e '[.. | strings] | any(test("Paket uji dari kantor"))' "$MAP" >/dev/null; then
    echo "ok: the new content is shown"; else fail "the pack's page title is not on screen"; fi

# "Cek permintaan saya", after the restart: the request's own reference, typed on its keyboard in small
# letters with the dash, is "sudah dihubungi"; one the news does not have is unknown, naming no other.
click nav.home && expect home
click home.tile.my-request && expect my-request && wait_for osk.key.0
type_keys "$(tr '[:upper:]' '[:lower:]' <<<"$reference")"
click status.check
checks=$((checks + 1))
if wait_value .values.status contacted && [ "$(field .values.reference)" = "$reference" ] &&
    jq -e '.areas[] | select(.id == "status.result") | .label | test("Sudah dihubungi")' "$MAP" >/dev/null; then
    echo "ok: $reference typed on the keyboard is 'sudah dihubungi', as the office recorded"
else fail "status of $reference: '$(field .values.status)' '$(field .values.reference)'"; fi
click status.reference && wait_for osk.key.backspace
for _ in $(seq ${#reference}); do click osk.key.backspace; done
type_keys "cmg-0999"
click status.check
checks=$((checks + 1))
if wait_value .values.status unknown && ! jq -e --arg r "$reference" '[.. | strings] | any(contains($r))' "$MAP" >/dev/null; then
    echo "ok: CMG-0999 is unknown, and no other reference is named"
else fail "unknown reference: '$(field .values.status)'"; fi

# The pack brought a list of companies: a misspelt name typed on the keyboard finds the right one,
# and its result leads to the callback form with the company named in the note.
click nav.home && expect home
click home.tile.recruiter && expect recruiter && wait_for osk.key.q
type_keys "sinar harapn"
checks=$((checks + 1))
for _ in $(seq 40); do [ "$(label registry.result.0)" = "PT Sinar Harapan Mandiri Sejahtera" ] && break; sleep 0.05; done
if [ "$(label registry.result.0)" = "PT Sinar Harapan Mandiri Sejahtera" ]; then
    echo "ok: 'sinar harapn' finds PT Sinar Harapan Mandiri Sejahtera"
else fail "the first result for 'sinar harapn' is '$(label registry.result.0)'"; fi
click osk.key.done
click registry.result.0
reveal_click registry.callback && expect callback
reveal_click form.field.note
checks=$((checks + 1))
for _ in $(seq 40); do [[ "$(value form.field.note)" == *Sinar* ]] && break; sleep 0.05; done
case "$(value form.field.note)" in
*"PT Sinar Harapan Mandiri Sejahtera"*) echo "ok: the form's note names the company" ;;
*) fail "the note is '$(value form.field.note)'" ;;
esac
click nav.home && expect home

# Nothing a resident typed reaches the log.
checks=$((checks + 1))
if grep -q -e "Siti" -e "81234567890" "$WORK/kiosk.log"; then fail "a name or number is in the log"; else
    echo "ok: no name or phone number in the log"; fi

# The kiosk stops cleanly when asked to.
kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID"
rc=$?
KIOSK_PID=""
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "kiosk exited with $rc on SIGTERM"
if [ "$failures" -ne 0 ]; then
    echo "--- kiosk log"
    cat "$WORK/kiosk.log"
fi

echo "e2e: $((checks - failures)) of $checks checks passed"
[ "$failures" -eq 0 ]
