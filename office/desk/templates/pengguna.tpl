{{%AUTOESCAPE context="HTML"}}
<main id="pengguna">
<h1>Pengguna <small lang="en">Users</small></h1>
<table class="daftar">
<thead><tr><th>Nama</th><th>Peran</th><th>Dibuat</th><th>Salah sandi</th><th>Kunci</th></tr></thead>
<tbody>{{#USER}}<tr data-nama="{{NAMA}}"><td>{{NAMA}}</td><td>{{PERAN}}</td><td>{{DIBUAT}}</td><td>{{GAGAL}}</td>
<td>{{#TERKUNCI}}Terkunci sampai {{SAMPAI}}
<form method="post" action="/pengguna/{{NAMA}}/buka" class="sebaris"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Buka kunci <small lang="en">Unlock</small></button></form>{{/TERKUNCI}}</td></tr>
{{/USER}}</tbody>
</table>
<h2>Tambah pengguna <small lang="en">Add a user</small></h2>
<form method="post" action="/pengguna" class="sempit" id="form-pengguna">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="nama-baru">Nama pengguna <small lang="en">User name</small></label>
<input id="nama-baru" name="nama" required maxlength="64" autocomplete="off">
<label for="peran">Peran <small lang="en">Role</small></label>
<select id="peran" name="peran"><option value="officer">Petugas (officer)</option><option value="admin">Admin</option></select>
<label for="sandi-baru">Kata sandi (paling sedikit 10 huruf) <small lang="en">Password, 10 characters or more</small></label>
<input id="sandi-baru" name="sandi" type="password" required minlength="10" autocomplete="new-password">
<label for="sandi-ulang">Kata sandi sekali lagi <small lang="en">Again</small></label>
<input id="sandi-ulang" name="sandi2" type="password" required minlength="10" autocomplete="new-password">
<button type="submit" class="utama">Tambah <small lang="en">Add</small></button>
</form>
</main>
