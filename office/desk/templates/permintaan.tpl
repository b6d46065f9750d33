{{%AUTOESCAPE context="HTML"}}
<main id="permintaan">
<p class="jejak"><a href="/antrean">← Antrean</a></p>
<h1>Permintaan {{REF}} {{#TPPO}}<span class="tanda">Dugaan perdagangan orang</span>{{/TPPO}}</h1>
<div class="dua">
<section>
<h2>Data permintaan <small lang="en">Request</small></h2>
<dl class="rincian">
<dt>Status</dt><dd class="status">{{STATUS}}</dd>
<dt>Topik <small lang="en">Topic</small></dt><dd>{{TOPIK}}</dd>
<dt>Desa <small lang="en">Village</small></dt><dd>{{DESA}} (kios {{KIOS}})</dd>
<dt>Dibuat <small lang="en">Made</small></dt><dd>{{DIBUAT}} ({{HARI}} hari lalu)</dd>
{{#PRIBADI}}<dt>Nama <small lang="en">Name</small></dt><dd class="nama-warga">{{NAMA}}</dd>
<dt>Telepon <small lang="en">Phone</small></dt><dd><a href="tel:{{TEL}}" class="telepon">{{TELEPON}}</a>{{#ADA_WA}} · <a href="{{WA}}" target="_blank" rel="noopener noreferrer">WhatsApp</a>{{/ADA_WA}}</dd>
<dt>Dusun</dt><dd>{{DUSUN}}</dd>
<dt>RT / RW</dt><dd>{{RTRW}}</dd>
<dt>Catatan warga <small lang="en">Resident's note</small></dt><dd class="catatan-warga">{{CATATAN}}</dd>{{/PRIBADI}}
{{#DIHAPUS}}<dt>Data pribadi</dt><dd>Sudah dihapus (retensi). <small lang="en">Personal data deleted.</small></dd>{{/DIHAPUS}}
<dt>Waktu dihubungi <small lang="en">Best time</small></dt><dd>{{WAKTU}}</dd>
<dt>Bahasa <small lang="en">Language</small></dt><dd>{{BAHASA}}</dd>
<dt>Nomor global</dt><dd class="kecil">{{UID}}</dd>
<dt>Batch</dt><dd class="kecil">{{BATCH}} ({{BERKAS}}), diimpor {{DIIMPOR}}</dd>
</dl>
</section>
<section>
{{#TINDAK}}<h2>Catat tindak lanjut <small lang="en">Record follow-up</small></h2>
<form method="post" action="/permintaan/{{UID}}/tindak" class="tindak" id="form-panggilan">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Hasil panggilan <small lang="en">Call outcome</small></legend>
<label><input type="radio" name="hasil" value="reached" required> Tersambung <small lang="en">Reached</small></label>
<label><input type="radio" name="hasil" value="no-answer"> Tidak diangkat <small lang="en">No answer</small></label>
<label><input type="radio" name="hasil" value="not-active"> Nomor tidak aktif <small lang="en">Not active</small></label>
<label><input type="radio" name="hasil" value="wrong-person"> Salah orang <small lang="en">Wrong person</small></label>
<label><input type="radio" name="hasil" value="note"> Catatan saja <small lang="en">Note only</small></label>
</fieldset>
<label for="catatan-panggilan">Catatan <small lang="en">Note</small></label>
<textarea id="catatan-panggilan" name="catatan" rows="3" maxlength="4000"></textarea>
<button type="submit" class="utama">Simpan <small lang="en">Save</small></button>
</form>
<form method="post" action="/permintaan/{{UID}}/tindak" class="tindak" id="form-rujuk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="hasil" value="referred">
<label for="mitra">Rujuk ke <small lang="en">Refer to</small></label>
<select id="mitra" name="mitra" required><option value="">Pilih mitra…</option>{{#MITRA}}<option value="{{NAMA}}">{{NAMA}}</option>{{/MITRA}}</select>
{{#TANPA_MITRA}}<p class="kecil">office.toml belum menyebut mitra ([office] partners).</p>{{/TANPA_MITRA}}
<label for="catatan-rujuk">Catatan <small lang="en">Note</small></label>
<textarea id="catatan-rujuk" name="catatan" rows="2" maxlength="4000"></textarea>
<button type="submit">Rujuk <small lang="en">Refer</small></button>
</form>
<form method="post" action="/permintaan/{{UID}}/tindak" class="tindak" id="form-selesai">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="hasil" value="done">
<label for="catatan-selesai">Catatan penutup <small lang="en">Closing note</small></label>
<textarea id="catatan-selesai" name="catatan" rows="2" maxlength="4000"></textarea>
<button type="submit" class="selesai">Selesai <small lang="en">Done</small></button>
</form>{{/TINDAK}}
{{#BUKA_LAGI}}<h2>Permintaan ini selesai <small lang="en">Done</small></h2>
<form method="post" action="/permintaan/{{UID}}/tindak" class="tindak" id="form-buka">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="hasil" value="reopened">
<label for="catatan-buka">Alasan dibuka lagi <small lang="en">Why reopen</small></label>
<textarea id="catatan-buka" name="catatan" rows="2" maxlength="4000"></textarea>
<button type="submit">Buka lagi <small lang="en">Reopen</small></button>
</form>{{/BUKA_LAGI}}
</section>
</div>
{{#KONFLIK}}<section class="konflik-blok">
<h2>Konflik: permintaan ini datang lagi dengan isi lain <small lang="en">Conflict: two versions</small></h2>
<p>Versi yang dipegang tetap dipakai; versi lain disimpan di sampingnya. Bandingkan di bawah dan hubungi warga bila perlu. <small lang="en">The held version stays; the other is kept beside it.</small></p>
{{#VERSI}}<table class="banding">
<caption>Versi lain dari batch {{BATCH}}, diimpor {{DIIMPOR}}</caption>
<thead><tr><th>Bidang</th><th>Dipegang <small lang="en">Held</small></th><th>Versi lain <small lang="en">Other</small></th></tr></thead>
<tbody>{{#BIDANG}}<tr class="{{#BEDA}}beda{{/BEDA}}"><th>{{NAMA}}</th><td>{{DIPEGANG}}</td><td>{{LAIN}}</td></tr>{{/BIDANG}}</tbody>
</table>{{/VERSI}}
<form method="post" action="/permintaan/{{UID}}/konflik" class="tindak" id="form-konflik">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Versi mana yang dipakai? <small lang="en">Which version is kept?</small></legend>
<label><input type="radio" name="versi" value="0" required> Versi yang dipegang sekarang <small lang="en">The one held now</small></label>
{{#VERSI}}<label><input type="radio" name="versi" value="{{ID}}"> Versi dari batch {{BATCH}} <small lang="en">The other one</small></label>
{{/VERSI}}</fieldset>
<p class="kecil">Versi yang tidak dipakai tetap disimpan. <small lang="en">The other is kept.</small></p>
<button type="submit">Simpan pilihan <small lang="en">Save the choice</small></button>
</form>
</section>{{/KONFLIK}}
<section>
<h2>Riwayat <small lang="en">History</small></h2>
<table class="daftar riwayat">
<thead><tr><th>Waktu</th><th>Oleh</th><th>Peristiwa</th><th>Catatan</th></tr></thead>
<tbody>{{#PERISTIWA}}<tr><td>{{WAKTU}}</td><td>{{SIAPA}}</td><td>{{APA}}</td><td class="catatan-petugas">{{CATATAN}}</td></tr>
{{/PERISTIWA}}</tbody>
</table>
</section>
</main>
