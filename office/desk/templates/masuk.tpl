{{%AUTOESCAPE context="HTML"}}
<main id="masuk" class="sempit">
<h1>Masuk <small lang="en">Sign in</small></h1>
{{#ADA_GALAT}}<p class="pesan salah" role="alert">{{GALAT}}</p>{{/ADA_GALAT}}
<form method="post" action="/masuk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="nama">Nama pengguna <small lang="en">User name</small></label>
<input id="nama" name="nama" value="{{NAMA}}" autocomplete="username" autofocus required maxlength="200">
<label for="sandi">Kata sandi <small lang="en">Password</small></label>
<input id="sandi" name="sandi" type="password" autocomplete="current-password" required maxlength="1000">
<button type="submit" class="utama">Masuk <small lang="en">Sign in</small></button>
</form>
</main>
