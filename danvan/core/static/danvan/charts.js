// Draws every <canvas data-chart="id"> from the JSON in <script id="id">: bars for registered
// and recognized counts (Chart.js is vendored; no network).
(function () {
  const numberFormat = new Intl.NumberFormat("vi-VN");
  function draw(canvas) {
    const data = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    const type = canvas.dataset.type || "bar";
    new Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: [
          { label: "Đăng ký", data: data.registered, backgroundColor: "#c9a227", borderColor: "#c9a227" },
          { label: "Công nhận", data: data.recognized, backgroundColor: "#a4161a", borderColor: "#a4161a" },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: canvas.dataset.horizontal ? "y" : "x",
        plugins: {
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${numberFormat.format(c.parsed[canvas.dataset.horizontal ? "x" : "y"])}` } },
        },
        scales: {
          [canvas.dataset.horizontal ? "x" : "y"]: { ticks: { callback: (v) => numberFormat.format(v) } },
        },
      },
    });
    canvas.dataset.drawn = "1";
  }
  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("canvas[data-chart]").forEach(draw));
})();
