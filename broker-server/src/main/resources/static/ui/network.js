// Accord broker: the contract network on a <canvas>. No library: the layout comes from the server
// (GraphLayout, layered by dependency depth), this script only draws, zooms, pans, searches and focuses.
// window.accordNetworkReady holds the time (ms since navigation start) the first full drawing finished, and
// window.accordNetworkLastDrawMs how long the latest redraw took (benchmarks/ui/measure.py reads both).
(function () {
  'use strict';
  var COLOURS = { verified: '#2e7d32', failed: '#c62828', unverified: '#9e9e9e' };
  var canvas = document.getElementById('network-canvas');
  if (!canvas) { return; }
  var ctx = canvas.getContext('2d');
  var panel = document.getElementById('network-panel');
  var query = document.getElementById('network-query');
  var focusButton = document.getElementById('network-focus');
  var usageBase = canvas.getAttribute('data-usage');
  var pageUrl = canvas.getAttribute('data-page');

  var nodes = [], edges = [], consumersOf = [], providersOf = [], byName = new Map();
  var view = { scale: 1, tx: 0, ty: 0 };
  var selected = -1, hovered = -1;
  var focus = -1;            // >= 0: only this node's neighbourhood is shown
  var shown = null;          // in focus mode: {index: {x, y}}; null = whole network at server positions
  var ready = false;

  function pos(i) { return shown ? shown.get(i) : nodes[i]; }
  function visible(i) { return !shown || shown.has(i); }

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    var rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  function fit() {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < nodes.length; i++) {
      if (!visible(i)) { continue; }
      var p = pos(i);
      minX = Math.min(minX, p.x - (shown && p.x < 0 ? 160 : 0)); maxX = Math.max(maxX, p.x + 160);
      minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    }
    if (minX === Infinity) { view = { scale: 1, tx: 20, ty: 20 }; return; }
    var rect = canvas.getBoundingClientRect();
    var w = Math.max(maxX - minX, 1), h = Math.max(maxY - minY, 1);
    var scale = Math.min((rect.width - 40) / w, (rect.height - 40) / h, 2);
    view = { scale: scale, tx: 20 - minX * scale + (rect.width - 40 - w * scale) / 2, ty: 20 - minY * scale + (rect.height - 40 - h * scale) / 2 };
  }

  function screen(p) { return { x: p.x * view.scale + view.tx, y: p.y * view.scale + view.ty }; }

  function related(i) {
    if (selected < 0) { return true; }
    if (i === selected) { return true; }
    return consumersOf[selected].some(function (e) { return edges[e].source === i; })
      || providersOf[selected].some(function (e) { return edges[e].target === i; });
  }

  function drawEdge(e, curve) {
    var a = screen(pos(e.source)), b = screen(pos(e.target));
    ctx.moveTo(a.x, a.y);
    if (curve) {
      var mx = (a.x + b.x) / 2;
      ctx.bezierCurveTo(mx, a.y, mx, b.y, b.x, b.y);
    } else {
      ctx.lineTo(b.x, b.y);
    }
  }

  function draw() {
    var started = performance.now();
    var rect = canvas.getBoundingClientRect();
    ctx.clearRect(0, 0, rect.width, rect.height);
    var highlight = selected >= 0;
    var curve = !!shown || view.scale > 0.6;
    // one path per status: three strokes for 1,500 edges instead of 1,500
    ['unverified', 'verified', 'failed'].forEach(function (status) {
      ctx.beginPath();
      for (var k = 0; k < edges.length; k++) {
        var e = edges[k];
        if (e.status !== status || !visible(e.source) || !visible(e.target)) { continue; }
        if (highlight && (e.source === selected || e.target === selected)) { continue; }
        drawEdge(e, curve);
      }
      ctx.strokeStyle = COLOURS[status];
      ctx.globalAlpha = highlight ? 0.06 : (shown ? 0.8 : 0.35);
      ctx.lineWidth = 1;
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    if (highlight) {
      consumersOf[selected].concat(providersOf[selected]).forEach(function (k) {
        var e = edges[k];
        if (!visible(e.source) || !visible(e.target)) { return; }
        ctx.beginPath();
        drawEdge(e, curve);
        ctx.strokeStyle = COLOURS[e.status];
        ctx.lineWidth = 2;
        ctx.stroke();
        arrow(e);
      });
    }
    var labels = !!shown || view.scale * 22 >= 11;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (var i = 0; i < nodes.length; i++) {
      if (!visible(i)) { continue; }
      var near = related(i);
      var p = screen(pos(i));
      ctx.globalAlpha = near ? 1 : 0.15;
      ctx.beginPath();
      ctx.arc(p.x, p.y, i === selected ? 6 : 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = i === selected ? '#0d47a1' : (nodes[i].failing ? '#c62828' : '#37474f');
      ctx.fill();
      if ((labels && (near || !highlight)) || i === hovered || (highlight && near)) {
        // in focus mode the consumers' column is on the left: their labels go left, away from the edges
        var leftSide = shown && pos(i).x < 0;
        ctx.textAlign = leftSide ? 'right' : 'left';
        ctx.fillStyle = '#111';
        ctx.fillText(nodes[i].name, leftSide ? p.x - 7 : p.x + 7, p.y);
        ctx.textAlign = 'left';
      }
    }
    ctx.globalAlpha = 1;
    window.accordNetworkLastDrawMs = performance.now() - started;
    if (!ready) {
      ready = true;
      window.accordNetworkReady = performance.now();
      document.documentElement.setAttribute('data-network-ready', String(Math.round(window.accordNetworkReady)));
    }
  }

  function arrow(e) {
    var a = screen(pos(e.source)), b = screen(pos(e.target));
    var angle = (!!shown || view.scale > 0.6) ? 0 : Math.atan2(b.y - a.y, b.x - a.x);
    if (a.x > b.x && (!!shown || view.scale > 0.6)) { angle = Math.PI; }
    var x = b.x - 6 * Math.cos(angle), y = b.y - 6 * Math.sin(angle);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - 7 * Math.cos(angle - 0.4), y - 7 * Math.sin(angle - 0.4));
    ctx.lineTo(x - 7 * Math.cos(angle + 0.4), y - 7 * Math.sin(angle + 0.4));
    ctx.closePath();
    ctx.fillStyle = COLOURS[e.status];
    ctx.fill();
  }

  var frame = 0;
  function redraw() {
    if (!frame) { frame = requestAnimationFrame(function () { frame = 0; draw(); }); }
  }

  function nodeAt(clientX, clientY) {
    var rect = canvas.getBoundingClientRect();
    var x = clientX - rect.left, y = clientY - rect.top, best = -1, bestD = 100; // 10 px radius
    for (var i = 0; i < nodes.length; i++) {
      if (!visible(i)) { continue; }
      var p = screen(pos(i)), dx = p.x - x, dy = p.y - y, d = dx * dx + dy * dy;
      if (d < bestD) { best = i; bestD = d; }
    }
    return best;
  }

  function link(text, onClick) {
    var a = document.createElement('a');
    a.textContent = text;
    a.tabIndex = 0;
    a.addEventListener('click', onClick);
    a.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { onClick(ev); } });
    return a;
  }

  function list(title, indexes, other) {
    var h = document.createElement('h3');
    h.textContent = title + ' (' + indexes.length + ')';
    panel.appendChild(h);
    var ul = document.createElement('ul');
    indexes.map(function (k) { return edges[k]; })
      .sort(function (a, b) { return nodes[other(a)].name.localeCompare(nodes[other(b)].name); })
      .forEach(function (e) {
        var li = document.createElement('li');
        var dot = document.createElement('span');
        dot.className = 'dot ' + e.status;
        dot.title = e.status;
        li.appendChild(dot);
        li.appendChild(link(nodes[other(e)].name, function () { select(other(e), true); }));
        ul.appendChild(li);
      });
    if (!indexes.length) {
      var li = document.createElement('li');
      li.textContent = 'none';
      ul.appendChild(li);
    }
    panel.appendChild(ul);
  }

  function showPanel() {
    panel.textContent = '';
    focusButton.disabled = selected < 0;
    if (selected < 0) {
      var p = document.createElement('p');
      p.className = 'hint';
      p.textContent = 'Click a service to see its consumers and providers. Scroll to zoom, drag to pan, double-click to show only its neighbourhood.';
      panel.appendChild(p);
      return;
    }
    var h = document.createElement('h2');
    h.textContent = nodes[selected].name;
    panel.appendChild(h);
    if (consumersOf[selected].length) {
      var u = document.createElement('a');
      u.href = usageBase + encodeURIComponent(nodes[selected].name) + '/usage';
      u.textContent = 'Usage map: which consumer uses which field';
      panel.appendChild(u);
    }
    list('Consumers', consumersOf[selected], function (e) { return e.source; });
    list('Providers', providersOf[selected], function (e) { return e.target; });
  }

  function centreOn(i) {
    var rect = canvas.getBoundingClientRect();
    var p = pos(i);
    if (view.scale < 1) { view.scale = 1; }
    view.tx = rect.width / 2 - p.x * view.scale;
    view.ty = rect.height / 2 - p.y * view.scale;
  }

  function select(i, centre) {
    selected = i;
    if (focus >= 0 && i >= 0 && i !== focus) { focusOn(i); return; }
    if (centre && i >= 0) { centreOn(i); }
    showPanel();
    redraw();
  }

  // Focus mode: the service in the middle, its consumers in a column on the left, its providers on the right.
  function focusOn(i) {
    focus = i;
    selected = i;
    shown = new Map();
    shown.set(i, { x: 0, y: 0 });
    var left = consumersOf[i].map(function (k) { return edges[k].source; }).filter(function (v) { return v !== i; });
    var right = providersOf[i].map(function (k) { return edges[k].target; }).filter(function (v) { return v !== i && left.indexOf(v) < 0; });
    [[left, -320], [right, 320]].forEach(function (side) {
      side[0].sort(function (a, b) { return nodes[a].name.localeCompare(nodes[b].name); });
      side[0].forEach(function (v, k) { shown.set(v, { x: side[1], y: (k - (side[0].length - 1) / 2) * 26 }); });
    });
    history.replaceState(null, '', pageUrl + '?focus=' + encodeURIComponent(nodes[i].name));
    query.value = nodes[i].name;
    fit();
    showPanel();
    redraw();
  }

  function showAll() {
    focus = -1;
    shown = null;
    history.replaceState(null, '', pageUrl);
    fit();
    if (selected >= 0) { centreOn(selected); }
    showPanel();
    redraw();
  }

  function find(text) {
    var t = text.trim().toLowerCase();
    if (!t) { return -1; }
    if (byName.has(text.trim())) { return byName.get(text.trim()); }
    var hit = -1;
    for (var i = 0; i < nodes.length && hit < 0; i++) { if (nodes[i].name.toLowerCase() === t) { hit = i; } }
    for (var j = 0; j < nodes.length && hit < 0; j++) { if (nodes[j].name.toLowerCase().indexOf(t) >= 0) { hit = j; } }
    return hit;
  }

  function message(text) {
    panel.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    panel.appendChild(p);
  }

  document.getElementById('network-search').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var i = find(query.value);
    if (i < 0) { message('No service named like "' + query.value + '".'); return; }
    if (focus >= 0) { focusOn(i); } else { select(i, true); }
  });
  focusButton.addEventListener('click', function () { if (selected >= 0) { focusOn(selected); } });
  document.getElementById('network-all').addEventListener('click', showAll);
  document.getElementById('network-fit').addEventListener('click', function () { fit(); redraw(); });

  var drag = null;
  canvas.addEventListener('pointerdown', function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, moved: false };
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener('pointermove', function (ev) {
    if (drag) {
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; canvas.classList.add('dragging'); }
      view.tx = drag.tx + dx;
      view.ty = drag.ty + dy;
      redraw();
      return;
    }
    var h = nodeAt(ev.clientX, ev.clientY);
    if (h !== hovered) { hovered = h; canvas.style.cursor = h >= 0 ? 'pointer' : ''; redraw(); }
  });
  canvas.addEventListener('pointerup', function (ev) {
    if (drag && !drag.moved) { select(nodeAt(ev.clientX, ev.clientY), false); }
    drag = null;
    canvas.classList.remove('dragging');
  });
  canvas.addEventListener('dblclick', function (ev) {
    var i = nodeAt(ev.clientX, ev.clientY);
    if (i >= 0) { focusOn(i); }
  });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var rect = canvas.getBoundingClientRect();
    var x = ev.clientX - rect.left, y = ev.clientY - rect.top;
    var factor = Math.exp(-ev.deltaY * 0.0015);
    var scale = Math.min(Math.max(view.scale * factor, 0.05), 8);
    view.tx = x - (x - view.tx) * scale / view.scale;
    view.ty = y - (y - view.ty) * scale / view.scale;
    view.scale = scale;
    redraw();
  }, { passive: false });
  window.addEventListener('resize', function () { resize(); redraw(); });

  fetch(canvas.getAttribute('data-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) {
      if (!r.ok) { throw new Error('GET ' + canvas.getAttribute('data-src') + ' answered ' + r.status); }
      return r.json();
    })
    .then(function (graph) {
      nodes = graph.nodes;
      edges = graph.edges;
      nodes.forEach(function (n, i) { byName.set(n.name, i); consumersOf.push([]); providersOf.push([]); });
      edges.forEach(function (e, k) {
        consumersOf[e.target].push(k);
        providersOf[e.source].push(k);
        if (e.status === 'failed') { nodes[e.target].failing = true; }
      });
      var names = document.getElementById('network-names');
      var options = document.createDocumentFragment();
      nodes.forEach(function (n) { var o = document.createElement('option'); o.value = n.name; options.appendChild(o); });
      names.appendChild(options);
      var c = graph.counts;
      document.getElementById('network-counts').textContent = c.pacticipants + ' services, ' + c.integrations + ' integrations: '
        + c.verified + ' verified, ' + c.failed + ' failed, ' + c.unverified + ' not verified';
      resize();
      var wanted = canvas.getAttribute('data-focus');
      var f = wanted ? find(wanted) : -1;
      if (wanted && f < 0) { message('No service named like "' + wanted + '"; showing the whole network.'); }
      if (f >= 0) { focusOn(f); } else { fit(); }
      draw();
    })
    .catch(function (err) {
      message('The network could not be loaded: ' + err.message + '. Reload the page; if it persists, check the broker log.');
      document.documentElement.setAttribute('data-network-error', err.message);
    });
})();
