// Draws the statistics page's charts from the tables beside them: the table is the source of truth, the chart only
// shows it. A canvas names its table (data-table) and the columns to plot (data-series: the data-key of <th> cells);
// each row's label is its <th scope="row">, each value a <td data-value>. Without JavaScript the tables stay alone.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var palette = ['#a4161a', '#0a4ea0', '#1a6b2f', '#7a4a00', '#5b2c83', '#4a5058'];

  function columnIndex(table, key) {
    var cells = table.tHead.rows[0].cells;
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].getAttribute('data-key') === key) {
        return { index: i, label: cells[i].textContent.trim() };
      }
    }
    return null;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table || !table.tHead || !table.tBodies.length) {
      return;
    }

    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var type = canvas.getAttribute('data-chart');
    var series = (canvas.getAttribute('data-series') || '').split(' ').filter(Boolean);
    var datasets = series.map(function (key, n) {
      var column = columnIndex(table, key);
      if (!column) {
        return null;
      }
      var data = rows.map(function (row) {
        var value = row.cells[column.index].getAttribute('data-value');
        return value === null || value === '' ? null : Number(value);
      });
      var color = type === 'doughnut' ? palette.slice(0, data.length) : palette[n % palette.length];
      return { label: column.label, data: data, backgroundColor: color, borderColor: type === 'line' ? color : '#fff', borderWidth: type === 'line' ? 2 : 1, spanGaps: true };
    }).filter(Boolean);

    var horizontal = canvas.getAttribute('data-horizontal') === 'true';
    var stacked = canvas.getAttribute('data-stacked') === 'true';
    var max = canvas.getAttribute('data-max');
    var options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } };
    if (type !== 'doughnut') {
      var valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } };
      if (max) {
        valueAxis.max = Number(max);
      }
      options.indexAxis = horizontal ? 'y' : 'x';
      options.scales = horizontal ? { x: valueAxis, y: { stacked: stacked } } : { y: valueAxis, x: { stacked: stacked } };
    }

    canvas.parentElement.hidden = false;
    new window.Chart(canvas, { type: type, data: { labels: labels, datasets: datasets }, options: options });
  }

  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
