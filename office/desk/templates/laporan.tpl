{{%AUTOESCAPE context="HTML"}}
<main id="laporan">
<h1>Laporan bulan {{BULAN}} <small lang="en">Monthly report</small></h1>
<form method="get" action="/laporan" class="saring">
<a href="/laporan?bulan={{SEBELUM}}">← {{SEBELUM}}</a>
<label>Bulan <small lang="en">Month</small> <input type="month" name="bulan" value="{{BULAN}}" pattern="[0-9]{4}-[0-9]{2}"></label>
<button type="submit">Tampilkan</button>
<a href="/laporan?bulan={{SESUDAH}}">{{SESUDAH}} →</a>
</form>
<p class="aksi"><a href="/laporan.csv?bulan={{BULAN}}" download>Unduh CSV <small lang="en">Download CSV</small></a> · <a href="/laporan/cetak?bulan={{BULAN}}">Versi cetak <small lang="en">Printable</small></a></p>
{{#KOSONG}}<p class="kosong">Tidak ada permintaan yang dibuat bulan ini. <small lang="en">No requests made this month.</small></p>{{/KOSONG}}
{{#ADA}}<figure class="grafik"><img src="/laporan/grafik.svg?bulan={{BULAN}}" alt="Grafik per desa: diterima, dihubungi, dirujuk, selesai pada {{BULAN}}" width="720" height="320"></figure>{{/ADA}}
{{>TABEL}}
</main>
