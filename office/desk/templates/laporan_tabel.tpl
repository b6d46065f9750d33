{{%AUTOESCAPE context="HTML"}}
<table class="daftar laporan">
<thead><tr><th>Desa</th><th>Topik</th><th>Diterima <small lang="en">Received</small></th><th>Dihubungi <small lang="en">Reached</small></th><th>Dirujuk <small lang="en">Referred</small></th><th>Selesai <small lang="en">Done</small></th><th>Hari ke panggilan pertama (median) <small lang="en">Days to first call</small></th><th>Terbuka &gt; 7 hari</th></tr></thead>
<tbody>{{#BARIS}}<tr><td>{{DESA}}</td><td>{{TOPIK}}</td><td>{{DITERIMA}}</td><td>{{DIHUBUNGI}}</td><td>{{DIRUJUK}}</td><td>{{SELESAI}}</td><td>{{HARI}}</td><td>{{TERBUKA}}</td></tr>
{{/BARIS}}</tbody>
<tfoot><tr><th colspan="2">Jumlah <small lang="en">Total</small></th><td>{{T_DITERIMA}}</td><td>{{T_DIHUBUNGI}}</td><td>{{T_DIRUJUK}}</td><td>{{T_SELESAI}}</td><td></td><td>{{T_TERBUKA}}</td></tr></tfoot>
</table>
