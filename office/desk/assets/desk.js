// The desk's little JavaScript: a print button, and the upload's limits told before sending. Every
// page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".cetak-tombol").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("form.unggah").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var main = document.getElementById("unggah");
    if (!input || !main) return;
    var maxMb = Number(main.dataset.maksMb || 0), maxFiles = Number(main.dataset.maksBerkas || 0);
    form.addEventListener("submit", function (e) {
      var files = input.files, bytes = 0;
      for (var i = 0; i < files.length; i++) bytes += files[i].size;
      var why = "";
      if (files.length === 0) why = "Pilih dulu folder atau berkasnya.";
      else if (maxFiles && files.length > maxFiles) why = "Terlalu banyak berkas (" + files.length + ", paling banyak " + maxFiles + ").";
      else if (maxMb && bytes > maxMb * 1048576) why = "Terlalu besar (" + Math.ceil(bytes / 1048576) + " MB, paling banyak " + maxMb + " MB).";
      if (why) {
        e.preventDefault();
        var p = form.querySelector(".pesan") || document.createElement("p");
        p.className = "pesan salah";
        p.setAttribute("role", "alert");
        p.textContent = why;
        form.insertBefore(p, form.firstChild);
      }
    });
  });
});
