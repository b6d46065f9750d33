{{%AUTOESCAPE context="HTML"}}
<main id="status">
<h1>Status untuk kios <small lang="en">Status for the kiosks</small></h1>
<p class="pesan salah" role="alert">Berkas status belum tersedia di versi program ini: pembuatnya (desa-office status-pack) belum terpasang. Tidak ada berkas yang dibuat. <small lang="en">Status files are not available in this version yet; nothing was made.</small></p>
<p>Berkas status memberi tahu kios nomor permintaan mana yang sudah diterima kantor, sudah dihubungi, atau selesai, tanpa nama, telepon atau catatan.</p>
</main>
