// Draws the statistics page's trend: one line per organization and the total (dashed), from the JSON in
// <script id="..."> named by the canvas's data-chart (Chart.js is vendored; no network, no inline script).
(function () {
  const numberFormat = new Intl.NumberFormat("vi-VN");
  const colours = ["#a4161a", "#c9a227", "#1d4e89", "#2a9d8f", "#6a4c93", "#e76f51", "#495057", "#8d6e63"];
  function draw(canvas) {
    const data = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.lines.map((line, i) => {
          const colour = line.total ? "#212529" : colours[i % colours.length];
          return { label: line.label, data: line.data, borderColor: colour, backgroundColor: colour, borderDash: line.total ? [6, 4] : [], spanGaps: true };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${numberFormat.format(c.parsed.y)}` } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: (v) => numberFormat.format(v) } } },
      },
    });
    canvas.dataset.drawn = "1";
  }
  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("canvas[data-chart='membership-trend']").forEach(draw));
})();
