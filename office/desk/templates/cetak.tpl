{{%AUTOESCAPE context="HTML"}}
<main id="laporan" class="cetak">
<h1>{{KANTOR}}: laporan permintaan bulan {{BULAN}}</h1>
<p class="kecil">Dicetak {{DICETAK}}. Permintaan yang dibuat pada bulan itu, per desa dan topik, sebagaimana keadaannya sekarang.</p>
<p class="layar-saja"><button type="button" class="cetak-tombol">Cetak <small lang="en">Print</small></button> <a href="/laporan?bulan={{BULAN}}">Kembali</a></p>
{{#KOSONG}}<p class="kosong">Tidak ada permintaan yang dibuat bulan ini.</p>{{/KOSONG}}
{{#ADA}}<figure class="grafik"><img src="/laporan/grafik.svg?bulan={{BULAN}}" alt="Grafik per desa pada {{BULAN}}" width="720" height="320"></figure>{{/ADA}}
{{>TABEL}}
</main>
