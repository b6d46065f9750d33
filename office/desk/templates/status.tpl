{{%AUTOESCAPE context="HTML"}}
<main id="status">
<h1>Status untuk kios <small lang="en">Status for the kiosks</small></h1>
<p>Berkas status memberi tahu kios bahwa kantor sudah menerima, menghubungi atau menyelesaikan permintaan warga: hanya nomor permintaan, status dan tanggalnya, tanpa nama, telepon atau catatan. Berkas ditandatangani kantor; kios menolak berkas yang diubah. <small lang="en">Reference, status and date only, signed by the office.</small></p>
{{#TANPA_KUNCI}}<p class="pesan salah" role="alert">Kunci tanda tangan kantor belum diatur ([status] signing_key di office.toml), jadi berkas status tidak dapat dibuat. <small lang="en">The office's signing key is not configured.</small></p>{{/TANPA_KUNCI}}
{{#KOSONG}}<p class="kosong">Belum ada kios: unggah isi USB dulu. <small lang="en">No kiosk yet.</small></p>{{/KOSONG}}
<table class="daftar">
<thead><tr><th>Kios</th><th>Desa</th><th>Berkas</th></tr></thead>
<tbody>{{#KIOS}}<tr data-kios="{{ID}}"><td>{{ID}}</td><td>{{DESA}}</td><td><a href="/status/{{ID}}.status" download>Unduh {{ID}}.status <small lang="en">Download</small></a></td></tr>
{{/KIOS}}</tbody>
</table>
<p class="kecil">Salin berkas ke folder <code>desa-kiosk-status</code> di USB, lalu di kios: mode petugas, <strong>Ambil status permintaan</strong>. Atau di server: <code>desa-office status-pack --out /media/USB</code>. <small lang="en">Copy the file into desa-kiosk-status on the stick.</small></p>
</main>
