{{%AUTOESCAPE context="HTML"}}
<main id="unggah" data-maks-mb="{{MAKS_MB}}" data-maks-berkas="{{MAKS_BERKAS}}">
<h1>Unggah dari USB <small lang="en">Upload from a USB stick</small></h1>
{{#ADA_GALAT}}<p class="pesan salah" role="alert">{{GALAT}}</p>{{/ADA_GALAT}}
{{#HASIL}}<section class="hasil">
<h2>Hasil impor <small lang="en">Import result</small></h2>
<p class="pesan{{#ADA_DITOLAK}} salah{{/ADA_DITOLAK}}" role="status">{{T_BATCH}} batch: {{T_BARU}} permintaan baru, {{T_SUDAH}} sudah ada, {{T_KONFLIK}} konflik, {{T_DITOLAK}} batch ditolak.</p>
<table class="daftar">
<thead><tr><th>Folder</th><th>Kios</th><th>Batch</th><th>Hasil</th></tr></thead>
<tbody>{{#BATCH}}<tr><td>{{FOLDER}}</td><td>{{KIOS}}</td><td>{{ID}}</td>
<td>{{#DITERIMA}}{{BARU}} baru, {{SUDAH}} sudah ada, {{KONFLIK}} konflik{{/DITERIMA}}{{#DITOLAK}}<span class="ditolak">Ditolak, tidak ada yang disimpan: {{ALASAN}}</span>{{/DITOLAK}}</td></tr>
{{/BATCH}}</tbody>
</table>
</section>{{/HASIL}}
<p>Colokkan USB dari kios, lalu pilih folder <code>desa-kiosk</code> di USB (atau satu folder batch di dalamnya). Setiap batch diperiksa (tanda tangan, SHA-256, segel) sebelum masuk; batch yang rusak ditolak seluruhnya. <small lang="en">Choose the stick's desa-kiosk folder; every batch is checked before it is imported.</small></p>
<p class="kecil">Batas: {{MAKS_MB}} MB dan {{MAKS_BERKAS}} berkas sekali unggah. <small lang="en">Limits per upload.</small></p>
<form method="post" action="/unggah" enctype="multipart/form-data" class="unggah" id="form-folder">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="berkas-folder">Folder dari USB <small lang="en">Folder</small></label>
<input id="berkas-folder" type="file" name="berkas" multiple webkitdirectory>
<button type="submit" class="utama">Unggah folder <small lang="en">Upload folder</small></button>
</form>
<form method="post" action="/unggah" enctype="multipart/form-data" class="unggah" id="form-berkas">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="berkas-pilih">Atau pilih berkas-berkasnya <small lang="en">Or choose the files</small></label>
<input id="berkas-pilih" type="file" name="berkas" multiple>
<button type="submit">Unggah berkas <small lang="en">Upload files</small></button>
</form>
</main>
