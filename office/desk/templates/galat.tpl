{{%AUTOESCAPE context="HTML"}}
<main id="galat">
<h1>{{JUDUL}}</h1>
<p class="pesan salah" role="alert">{{TEKS}}</p>
<p><a href="/antrean">Kembali ke antrean</a> <small lang="en">Back to the queue</small></p>
</main>
