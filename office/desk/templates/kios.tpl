{{%AUTOESCAPE context="HTML"}}
<main id="kios">
<h1>Kios <small lang="en">Kiosks</small></h1>
<p class="ringkas">Kios tanpa batch lebih dari {{SENYAP}} hari ditandai <span class="sepi-tanda">sepi</span>. <small lang="en">Kiosks with no batch for longer are flagged silent.</small></p>
{{#KOSONG}}<p class="kosong">Belum ada kios: unggah isi USB dulu. <small lang="en">No kiosk yet: upload a stick first.</small></p>{{/KOSONG}}
<table class="daftar">
<thead><tr><th>Kios</th><th>Desa</th><th>Batch pertama</th><th>Batch terakhir</th><th>Batch</th><th>Permintaan</th><th></th></tr></thead>
<tbody>{{#KIOS}}<tr class="{{KELAS}}" data-kios="{{ID}}"><td>{{ID}}</td><td>{{DESA}}</td><td>{{PERTAMA}}</td><td>{{TERAKHIR}} ({{HARI}} hari lalu)</td><td>{{BATCH}}</td><td>{{PERMINTAAN}}</td>
<td>{{#SEPI}}<span class="sepi-tanda">Sepi: {{HARI}} hari tanpa batch</span>{{/SEPI}}</td></tr>
{{/KIOS}}</tbody>
</table>
</main>
