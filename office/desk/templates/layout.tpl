{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Meja kantor</title>
<link rel="stylesheet" href="/aset/desk.css">
<script src="/aset/desk.js" defer></script>
</head>
<body>
<header class="kepala">
<div class="kantor">{{KANTOR}} · Meja tindak lanjut <small lang="en">Follow-up desk</small></div>
{{#SIGNED_IN}}<div class="akun"><span class="nama">{{USER}}</span> <small>{{ROLE}}</small>
<form method="post" action="/keluar" class="keluar"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Keluar <small lang="en">Sign out</small></button></form></div>{{/SIGNED_IN}}
</header>
{{#SIGNED_IN}}<nav class="menu" aria-label="Menu">
<a href="/antrean" class="{{NAV_ANTREAN}}">Antrean <small lang="en">Queue</small></a>
<a href="/kios" class="{{NAV_KIOS}}">Kios <small lang="en">Kiosks</small></a>
<a href="/laporan" class="{{NAV_LAPORAN}}">Laporan <small lang="en">Report</small></a>
<a href="/unggah" class="{{NAV_UNGGAH}}">Unggah dari USB <small lang="en">Upload</small></a>
<a href="/status" class="{{NAV_STATUS}}">Status untuk kios <small lang="en">Status for kiosks</small></a>
{{#ADMIN}}<a href="/pengguna" class="{{NAV_PENGGUNA}}">Pengguna <small lang="en">Users</small></a>{{/ADMIN}}
</nav>{{/SIGNED_IN}}
<div class="isi">
{{#PESAN_OK}}<p class="pesan" role="status">{{PESAN}}</p>{{/PESAN_OK}}
{{#PESAN_SALAH}}<p class="pesan salah" role="alert">{{PESAN}}</p>{{/PESAN_SALAH}}
{{>BODY}}
</div>
</body>
</html>
