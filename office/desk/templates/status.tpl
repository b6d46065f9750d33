{{%AUTOESCAPE context="HTML"}}
<main id="status">
<h1>Status untuk kios <small lang="en">Status for the kiosks</small></h1>
<p>Berkas status memberi tahu kios nomor permintaan mana yang sudah diterima kantor, sudah dihubungi, atau selesai, tanpa nama, telepon atau catatan. <small lang="en">A status file tells a kiosk which references the office has received, called or finished: no name, phone or note.</small></p>
{{#TANPA_KUNCI}}<p class="pesan salah" role="alert">Berkas status belum tersedia: kunci tanda tangan kantor belum diatur ([status] signing_key di office.toml, kunci dari kiosk content keygen). <small lang="en">Status files are not available yet: the office's signing key is not set.</small></p>{{/TANPA_KUNCI}}
{{#KOSONG}}<p class="kosong">Belum ada kios: unggah isi USB dulu. <small lang="en">No kiosk yet: upload a stick first.</small></p>{{/KOSONG}}
{{#KIOS}}<p class="status-kios" data-kios="{{ID}}"><a class="tombol" href="/status/{{BERKAS}}" download>Unduh status {{ID}} ({{DESA}})</a></p>
{{/KIOS}}
<p class="ringkas">Salin berkas ke USB di folder <code>desa-kiosk-status</code>, lalu di kios: mode petugas, <b>Ambil status permintaan</b>. <small lang="en">Copy the file into the folder desa-kiosk-status on the stick; at the kiosk: officer mode, Ambil status permintaan.</small></p>
</main>
