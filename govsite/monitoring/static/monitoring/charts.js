/* Charts of the monitoring screens. Data comes from json_script blocks; ECharts is served
   from our own static files (the CSP allows 'self' only). Without ECharts the tables stay. */
(function () {
  "use strict";

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function trend(el, data) {
    return {
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 40 },
      xAxis: { type: "category", data: data.labels },
      yAxis: { type: "value", minInterval: 1, name: "问题数" },
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "kinds", data: s.data };
      })
    };
  }

  function weekly(el, data) {
    return {
      tooltip: {
        trigger: "axis",
        valueFormatter: function (v) { return v === null || v === undefined ? "—" : v + "%"; }
      },
      grid: { left: 48, right: 64, top: 24, bottom: 32 },
      xAxis: { type: "category", data: data.labels, name: "周" },
      yAxis: {
        type: "value", name: "失败率", min: 0,
        max: function (v) { return Math.max(v.max, data.line * 2); },
        axisLabel: { formatter: "{value}%" }
      },
      series: [{
        name: "失败率", type: "bar", data: data.rates.map(function (v) {
          return { value: v, itemStyle: { color: v !== null && v >= data.line ? "#cd4444" : "#2e7d32" } };
        }),
        markLine: {
          symbol: "none", lineStyle: { color: "#cd4444", type: "dashed" },
          label: { formatter: "否决线 " + data.line + "%" },
          data: [{ yAxis: data.line }]
        }
      }]
    };
  }

  var builders = { trend: trend, weekly: weekly };

  document.querySelectorAll(".monitoring-chart").forEach(function (el) {
    var data = read(el.dataset.source);
    var build = builders[el.dataset.chart];
    if (!data || !build) { return; }
    if (!window.echarts) {
      el.style.height = "auto";
      el.textContent = "图表组件未安装（运行 scripts/install_assets.sh）/ ECharts is not installed";
      return;
    }
    var chart = window.echarts.init(el);
    chart.setOption(build(el, data));
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
