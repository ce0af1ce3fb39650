// The centre's report charts (ECharts from its WebJar): one column across provinces for the period shown and across
// the months of its year. The data comes from the page's <script type="application/json" id="report-chart-data">.
(function () {
  'use strict';

  function render() {
    var source = document.getElementById('report-chart-data');
    var select = document.querySelector('[data-report-chart-select]');
    if (!source || !select || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var months = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
    var byProvince = echarts.init(document.querySelector('[data-report-chart=provinces]'), null, { renderer: 'svg' });
    var byMonth = echarts.init(document.querySelector('[data-report-chart=months]'), null, { renderer: 'svg' });

    function draw() {
      var key = select.value;
      var label = data.labels[key] || key;
      byProvince.setOption({
        title: { text: label, textStyle: { fontSize: 13 } },
        tooltip: {},
        grid: { bottom: 110 },
        xAxis: { type: 'category', data: data.provinces, axisLabel: { rotate: 60, interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: label, data: data.byProvince[key] || [] }]
      }, true);
      byMonth.setOption({
        title: { text: label, textStyle: { fontSize: 13 } },
        tooltip: {},
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', name: label, data: data.months[key] || [] }]
      }, true);
      document.querySelectorAll('[data-report-chart]').forEach(function (el) { el.dataset.rendered = key; });
    }

    select.addEventListener('change', draw);
    window.addEventListener('resize', function () { byProvince.resize(); byMonth.resize(); });
    draw();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
})();
