{{%AUTOESCAPE context="HTML"}}
<main id="antrean">
<h1>Antrean tindak lanjut <small lang="en">Follow-up queue</small></h1>
<form method="get" action="/antrean" class="saring">
<label>Desa <small lang="en">Village</small>
<select name="desa"><option value="">Semua desa</option>{{#DESA}}<option value="{{NILAI}}"{{#DIPILIH}} selected{{/DIPILIH}}>{{NILAI}}</option>{{/DESA}}</select></label>
<label>Topik <small lang="en">Topic</small>
<select name="topik"><option value="">Semua topik</option>{{#TOPIK}}<option value="{{NILAI}}"{{#DIPILIH}} selected{{/DIPILIH}}>{{NAMA}}</option>{{/TOPIK}}</select></label>
<label>Status
<select name="status">{{#STATUS}}<option value="{{NILAI}}"{{#DIPILIH}} selected{{/DIPILIH}}>{{NAMA}}</option>{{/STATUS}}</select></label>
<label>Umur <small lang="en">Age</small>
<select name="umur">{{#UMUR}}<option value="{{NILAI}}"{{#DIPILIH}} selected{{/DIPILIH}}>{{NAMA}}</option>{{/UMUR}}</select></label>
<label>Cari nama, telepon atau nomor <small lang="en">Search</small>
<input type="search" name="cari" value="{{CARI}}" maxlength="100"></label>
<button type="submit">Tampilkan <small lang="en">Show</small></button>
</form>
<p class="ringkas">{{TOTAL}} permintaan · halaman {{HAL}} dari {{HALAMAN}} · target kantor: dihubungi dalam {{TARGET}} hari <small lang="en">requests; office target in days</small></p>
{{#KOSONG}}<p class="kosong">Tidak ada permintaan yang cocok. <small lang="en">No matching requests.</small></p>{{/KOSONG}}
<table class="daftar">
<thead><tr><th></th><th>Nomor</th><th>Desa</th><th>Topik</th><th>Nama</th><th>Telepon</th><th>Status</th><th>Dibuat</th><th>Menunggu <small lang="en">Waiting</small></th></tr></thead>
<tbody>
{{#BARIS}}<tr data-uid="{{UID}}" class="{{KELAS}}">
<td>{{#TPPO}}<span class="tanda" title="Dugaan perdagangan orang">!</span>{{/TPPO}}</td>
<td><a href="/permintaan/{{UID}}">{{REF}}</a>{{#KONFLIK}} <span class="konflik">konflik</span>{{/KONFLIK}}</td>
<td>{{DESA}}</td><td>{{TOPIK}}</td><td>{{NAMA}}</td><td>{{TELEPON}}</td><td>{{STATUS}}</td><td>{{DIBUAT}}</td>
<td class="hari">{{HARI}} hari</td>
</tr>
{{/BARIS}}</tbody>
</table>
<nav class="halaman" aria-label="Halaman">
{{#ADA_SEBELUM}}<a href="{{SEBELUM}}" rel="prev">← Sebelumnya</a>{{/ADA_SEBELUM}}
{{#ADA_SESUDAH}}<a href="{{SESUDAH}}" rel="next">Berikutnya →</a>{{/ADA_SESUDAH}}
</nav>
</main>
