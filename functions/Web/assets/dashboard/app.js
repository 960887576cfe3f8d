/*
 * SocialWatch dashboard. Signs in with a business API key (swk.{businessId}.{keyId}.{secret}), or with the signed link of an
 * alert email (…/api/dashboard#link=swl.dashboard.{businessId}.…, read-only, expiring): the token comes in the address's
 * fragment (never sent to a server) and is dropped from the address bar at once. Either is kept in sessionStorage (this tab
 * only). It shows the business, its plan, profile health, the website's links, engagement over time against baseline and
 * industry median, goals, the campaign log and the year-over-year review.
 *
 * Each view is an entry of VIEWS: load(session) fetches what it needs (an optional endpoint answers null on 404), then
 * render(data) returns the view's content, and shown() runs once it is in the page. Charts are inline SVG drawn here
 * (no library). Data from the API is only ever set as text (el() and svg() never parse markup).
 */
(function () {
  'use strict';

  var KEY_STORAGE = 'socialwatch.apiKey';
  var KEY_PATTERN = /^swk\.([a-z0-9-]{3,40})\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/;
  var LINK_PATTERN = /^swl\.[a-z-]+\.([a-z0-9-]{3,40})\.[0-9]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
  var API = new URL('.', window.location.href);

  var NETWORK_NAMES = {
    'facebook': 'Facebook', 'instagram': 'Instagram', 'x': 'X', 'linkedin': 'LinkedIn', 'pinterest': 'Pinterest',
    'youtube': 'YouTube', 'tiktok': 'TikTok', 'yelp': 'Yelp', 'google-business': 'Google Business Profile',
    'mastodon': 'Mastodon', 'bluesky': 'Bluesky', 'blog': 'Blog', 'other': 'Other'
  };
  var HEALTH_TONES = { alive: 'good', dead: 'bad', moved: 'warn', unknown: '' };
  var STALENESS_TONES = { active: 'good', slowing: 'warn', stale: 'warn', abandoned: 'bad', unknown: '' };
  var GOAL_TONES = { 'on-track': 'good', 'achieved': 'good', 'behind': 'warn', 'at-risk': 'bad', 'missed': 'bad', 'not-enough-data': '' };
  var OUTCOME_TONES = { 'worked': 'good', 'did-not-work': 'bad', 'unclear': 'warn' };
  /* performance.mark set when the engagement charts are in the page (read by the first-render benchmark). */
  var CHARTS_DRAWN = 'socialwatch:charts-drawn';

  /* ---- DOM helpers: text only ---- */

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes.text;
      } else if (name === 'className') {
        node.className = attributes.className;
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function details(pairs) {
    var list = el('dl');
    pairs.forEach(function (pair) {
      list.appendChild(el('dt', { text: pair[0] }));
      list.appendChild(el('dd', {}, [typeof pair[1] === 'string' ? document.createTextNode(pair[1]) : pair[1]]));
    });
    return list;
  }

  function table(caption, headings, rows) {
    var head = el('tr', {}, headings.map(function (h) { return el('th', { scope: 'col', text: h }); }));
    var body = el('tbody', {}, rows.map(function (row) {
      return el('tr', {}, row.map(function (cell) {
        return cell instanceof Node ? el('td', {}, [cell]) : el('td', { text: cell === null || cell === undefined ? '—' : String(cell) });
      }));
    }));
    return el('div', { className: 'table-wrap' }, [el('table', {}, [el('caption', { text: caption }), el('thead', {}, [head]), body])]);
  }

  function link(url, text) {
    var safe = /^https?:\/\//i.test(url || '');
    return safe ? el('a', { href: url, rel: 'noopener noreferrer', text: text }) : el('span', { text: text });
  }

  function badge(text, tone) {
    return el('span', { className: 'badge' + (tone ? ' ' + tone : ''), text: text });
  }

  function networkName(network) {
    return NETWORK_NAMES[network] || network;
  }

  /* ---- Sign-in link ---- */

  /* The token of an email's sign-in link (#link=…), removed from the address bar and history at once; null without one. */
  function takeLinkFromAddress() {
    var token = new URLSearchParams(window.location.hash.slice(1)).get('link');
    if (token !== null) {
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return token;
  }

  function isLink(credential) {
    return LINK_PATTERN.test(credential);
  }

  /* A key goes in x-api-key; a link's token as Authorization: SocialWatch-Link (read-only for its business). */
  function credentialHeaders(credential) {
    return isLink(credential)
      ? { 'authorization': 'SocialWatch-Link ' + credential, 'accept': 'application/json' }
      : { 'x-api-key': credential, 'accept': 'application/json' };
  }

  /* The API's own words from a problem+json refusal (the first error it names), or null. */
  function problemMessage(problem) {
    var errors = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k]; }) : [];
    return errors.length > 0 && errors[0].length > 0 ? String(errors[0][0]) : null;
  }

  /* ---- API session ---- */

  function Session(key) {
    this.key = key;
    this.businessId = (isLink(key) ? LINK_PATTERN : KEY_PATTERN).exec(key)[1];
  }

  Session.prototype.fetch = function (path) {
    var url = new URL('businesses/' + encodeURIComponent(this.businessId) + (path ? '/' + path : ''), API);
    return fetch(url, { headers: credentialHeaders(this.key), credentials: 'omit' });
  };

  Session.prototype.get = function (path) {
    return this.fetch(path).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return null; }).then(function (problem) {
          var error = new Error('The API answered ' + response.status + ' for ' + (path || 'the business') + '.');
          error.status = response.status;
          error.reason = problemMessage(problem);
          throw error;
        });
      }
      return response.json();
    });
  };

  /* One request per path for the session: views that need the same resource (the profile list) share its answer. */
  Session.prototype.shared = function (path) {
    this.answers = this.answers || {};
    if (!this.answers[path]) {
      this.answers[path] = this.getOptional(path);
    }
    return this.answers[path];
  };

  /* Resolves null when the resource does not exist (404): a plan not written yet, an endpoint not deployed yet. */
  Session.prototype.getOptional = function (path) {
    return this.get(path).catch(function (error) {
      if (error.status === 404) {
        return null;
      }
      throw error;
    });
  };

  /* ---- Formatting ---- */

  function number(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    var size = Math.abs(value);
    return value.toFixed(size >= 100 ? 0 : size >= 10 ? 1 : 2);
  }

  function withUnit(value, unit) {
    return value === null || value === undefined ? '—' : number(value) + (unit === 'percent' || unit === '%' ? ' %' : unit ? ' ' + unit : '');
  }

  function day(timestamp) {
    return timestamp ? String(timestamp).slice(0, 10) : null;
  }

  function words(wireName) {
    var text = String(wireName).replace(/-/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function mean(values) {
    var known = values.filter(function (v) { return v !== null && v !== undefined; });
    return known.length ? known.reduce(function (a, b) { return a + b; }, 0) / known.length : null;
  }

  /* The profile list's answer as a map from id to profile (empty when there is none). */
  function profilesById(list) {
    var byId = {};
    ((list && list.items) || []).forEach(function (p) { byId[p.id] = p; });
    return byId;
  }

  function profileName(profile) {
    return networkName(profile.network) + ': ' + profile.handle;
  }

  /* ---- Charts: inline SVG, styled by app.css (the page's CSP allows no inline style) ---- */

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var PLOT = { width: 360, height: 200, left: 44, right: 10, top: 10, bottom: 26 };

  function svg(tag, attributes, children) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes.text;
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  /* A step of 1, 2, 2.5 or 5 × 10^n giving at most `count` intervals over `span`. */
  function tickStep(span, count) {
    var raw = span / count;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 2.5, 5, 10].map(function (m) { return m * power; }).filter(function (s) { return s >= raw; })[0];
  }

  function dayNumber(isoDate) {
    return Date.parse(isoDate) / 86400000;
  }

  /*
   * One profile's metric per period as a line, its baseline (dashed) and industry median (dotted) as horizontal lines,
   * with axes. Lines differ by dash as well as colour, so the legend reads in grey too.
   */
  function lineChart(label, series) {
    var values = series.values;
    var references = [series.baseline, series.industryMedian].filter(function (v) { return v !== null && v !== undefined; });
    var top = Math.max.apply(null, values.filter(function (v) { return v !== null; }).concat(references, [0]));
    var step = tickStep(top > 0 ? top : 1, 4);
    var yMax = Math.ceil((top > 0 ? top : 1) / step) * step;
    var first = dayNumber(series.periodStarts[0]);
    var span = Math.max(dayNumber(series.periodStarts[series.periodStarts.length - 1]) - first, 1);
    var innerWidth = PLOT.width - PLOT.left - PLOT.right;
    var innerHeight = PLOT.height - PLOT.top - PLOT.bottom;
    function x(isoDate) { return (PLOT.left + (dayNumber(isoDate) - first) / span * innerWidth).toFixed(1); }
    function y(value) { return (PLOT.top + innerHeight - value / yMax * innerHeight).toFixed(1); }

    var parts = [];
    for (var tick = 0; tick <= yMax + step / 2; tick += step) {
      parts.push(svg('line', { 'class': 'grid', x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: y(tick), y2: y(tick) }));
      parts.push(svg('text', { 'class': 'tick', x: PLOT.left - 4, y: y(tick), dy: '0.32em', 'text-anchor': 'end', text: number(tick) }));
    }
    var last = series.periodStarts.length - 1;
    [0, Math.round(last / 3), Math.round(last * 2 / 3), last].filter(function (v, i, all) { return all.indexOf(v) === i; }).forEach(function (index, i, all) {
      var at = series.periodStarts[index];
      var anchor = i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle';
      parts.push(svg('text', { 'class': 'tick', x: x(at), y: PLOT.height - 6, 'text-anchor': anchor, text: at.slice(0, 7) }));
    });
    parts.push(svg('line', { 'class': 'axis', x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.top + innerHeight }));
    parts.push(svg('line', { 'class': 'axis', x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: PLOT.top + innerHeight, y2: PLOT.top + innerHeight }));
    if (series.baseline !== null && series.baseline !== undefined) {
      parts.push(svg('line', { 'class': 'baseline', x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: y(series.baseline), y2: y(series.baseline) }));
    }
    if (series.industryMedian !== null && series.industryMedian !== undefined) {
      parts.push(svg('line', { 'class': 'industry', x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: y(series.industryMedian), y2: y(series.industryMedian) }));
    }
    // A period without a value breaks the line rather than drawing it down to 0.
    var path = '';
    var pen = 'M';
    values.forEach(function (value, i) {
      if (value === null) {
        pen = 'M';
        return;
      }
      path += pen + x(series.periodStarts[i]) + ',' + y(value);
      pen = 'L';
    });
    parts.push(svg('path', { 'class': 'series', d: path }));
    return svg('svg', { 'class': 'plot', viewBox: '0 0 ' + PLOT.width + ' ' + PLOT.height, role: 'img', 'aria-label': label, focusable: 'false' }, parts);
  }

  function legendItem(className, text) {
    var key = svg('svg', { 'class': 'key', viewBox: '0 0 24 8', 'aria-hidden': 'true', focusable: 'false' }, [svg('line', { 'class': className, x1: 0, x2: 24, y1: 4, y2: 4 })]);
    return el('li', {}, [key, text]);
  }

  function engagementFigure(profile, series, unit) {
    var known = series.values.filter(function (v) { return v !== null; });
    var latest = known.length ? known[known.length - 1] : null;
    var first = series.periodStarts[0];
    var lastStart = series.periodStarts[series.periodStarts.length - 1];
    var name = profile ? profileName(profile) : networkName(series.network);
    var label = name + ': engagement rate per week, ' + series.periodStarts.length + ' weeks from ' + first + ' to ' + lastStart
      + '; latest ' + withUnit(latest, '%') + ', baseline ' + withUnit(series.baseline, '%') + ', industry median ' + withUnit(series.industryMedian, '%') + '.';
    var legend = el('ul', { className: 'legend' }, [
      legendItem('series', 'Engagement rate (' + unit + '), weekly; latest ' + withUnit(latest, '%')),
      series.baseline === null ? null : legendItem('baseline', 'Your baseline ' + withUnit(series.baseline, '%')),
      series.industryMedian === null ? null : legendItem('industry', 'Industry median ' + withUnit(series.industryMedian, '%') + (series.industrySource ? ' (' + series.industrySource + ')' : ''))
    ]);
    var recent = series.periodStarts.map(function (start, i) { return [start, withUnit(series.values[i], '%')]; }).slice(-8).reverse();
    var figures = el('details', {}, [
      el('summary', { text: 'Figures as a table' }),
      table('Latest weeks of ' + name, ['Week starting', 'Engagement rate'], recent)
    ]);
    return el('figure', { className: 'chart', 'data-profile': series.profileId }, [
      el('figcaption', { text: name }), lineChart(label, series), legend, figures
    ]);
  }

  function progressBar(goal, progress) {
    var target = goal.target;
    var latest = progress.latest ? progress.latest.value : null;
    var projected = progress.projected ? progress.projected.value : null;
    var scale = Math.max(target, latest || 0, projected || 0) || 1;
    function at(value) { return (value / scale * 200).toFixed(1); }
    var parts = [svg('rect', { 'class': 'track', x: 0, y: 2, width: 200, height: 10, rx: 2 })];
    if (latest !== null) {
      parts.push(svg('rect', { 'class': 'done', x: 0, y: 2, width: at(latest), height: 10, rx: 2 }));
    }
    parts.push(svg('line', { 'class': 'target', x1: at(target), x2: at(target), y1: 0, y2: 14 }));
    if (projected !== null) {
      parts.push(svg('line', { 'class': 'projected', x1: at(projected), x2: at(projected), y1: 0, y2: 14 }));
    }
    return svg('svg', {
      'class': 'progress', viewBox: '-1 0 202 14', preserveAspectRatio: 'none', role: 'img', focusable: 'false',
      'aria-label': 'Now ' + number(latest) + ' of a target of ' + number(target) + (projected === null ? '' : '; projected ' + number(projected) + ' at the deadline')
    }, parts);
  }

  /* What the owner should do about one profile, from its health, the last check and its posting rhythm. */
  function advice(health) {
    if (!health) {
      return 'Not checked yet: the next sweep will check it.';
    }
    if (health.health === 'dead') {
      return 'The profile is gone: take its links off your website (see the link audit) or register it again.';
    }
    if (health.health === 'moved') {
      var to = health.lastCheck && health.lastCheck.movedTo;
      return 'The profile moved' + (to ? ' to ' + to : '') + ': update your links and this profile\'s address.';
    }
    if (health.lastResult === 'blocked') {
      return 'The network would not let us look: open the profile yourself to confirm it works.';
    }
    return {
      abandoned: 'Nobody has posted for a long time: post again, or close the profile and remove its links.',
      stale: 'Posting has stopped: plan a post this week.',
      slowing: 'Posting is slowing down: keep to the rhythm of your plan.'
    }[health.staleness] || (health.lastCheck ? 'Nothing to do.' : 'Not checked yet: the next sweep will check it.');
  }

  function linkAdvice(link) {
    if (link.health === 'dead') {
      return 'Remove or replace this link on the pages listed.';
    }
    if (link.health === 'moved') {
      return 'Point this link to the profile\'s new address.';
    }
    return link.isProfile && !link.registered ? 'Register this profile here so that it is watched, or remove the link.' : 'Nothing to do.';
  }

  function pageLinks(pages) {
    return el('span', { className: 'pages' }, pages.map(function (page, i) { return el('span', {}, [i > 0 ? ', ' : '', link(page, page)]); }));
  }

  /* ---- Views ---- */

  var VIEWS = [
    {
      id: 'business',
      title: 'Business',
      load: function (session) { return Promise.resolve(session.business); },
      render: function (business) {
        return [details([
          ['Name', business.name],
          ['Websites', el('span', {}, (business.websites || []).map(function (w, i) {
            return el('span', {}, [i > 0 ? ', ' : '', link(w, w)]);
          }))],
          ['Audience', business.audience],
          ['Time zone', business.timeZone],
          ['Owner', business.owner ? business.owner.name + ' <' + business.owner.email + '>' : '—']
        ])];
      }
    },
    {
      id: 'plan',
      title: 'Plan',
      load: function (session) { return session.getOptional('plan'); },
      render: function (plan) {
        if (!plan) {
          return [el('p', { className: 'muted', text: 'No plan has been written for this business yet.' })];
        }
        return [
          details([
            ['Next review', plan.nextReviewDate || '—'],
            ['Accountable', plan.accountableOwner ? plan.accountableOwner.name : '—']
          ]),
          table('Goals', ['Goal', 'Target', 'Baseline', 'Deadline'], (plan.goals || []).map(function (g) {
            var unit = g.unit ? ' ' + g.unit : '';
            return [g.metric, g.target + unit, g.baseline === null || g.baseline === undefined ? null : g.baseline + unit, g.deadline];
          })),
          table('Networks', ['Network', 'Role', 'Posts per week', 'Core message'], (plan.networks || []).map(function (n) {
            return [networkName(n.network), n.role, n.postsPerWeek, n.coreMessage];
          }))
        ];
      }
    },
    {
      id: 'profiles',
      title: 'Profile health',
      wide: true,
      load: function (session) {
        return Promise.all([session.shared('profiles'), session.getOptional('health')]);
      },
      render: function (data) {
        var profiles = (data[0] && data[0].items) || [];
        var health = {};
        ((data[1] && data[1].profiles) || []).forEach(function (p) { health[p.profileId] = p; });
        if (profiles.length === 0) {
          return [el('p', { className: 'muted', text: 'No profiles registered yet.' })];
        }
        var summary = data[1] ? el('p', { className: 'summary', text: profiles.length + ' profiles. Health: ' + counts(data[1].byHealth) + '. Posting: ' + counts(data[1].byStaleness) + '.' }) : null;
        var list = el('ul', { className: 'profiles', 'aria-label': 'Profiles' }, profiles.map(function (p) {
          var h = health[p.id];
          var status = h
            ? [badge('health: ' + h.health, HEALTH_TONES[h.health]), badge('posting: ' + h.staleness, STALENESS_TONES[h.staleness]),
              h.lastResult === 'blocked' ? badge('last check: blocked', 'warn') : null]
            : [badge('not checked yet', '')];
          var facts = h ? el('p', { className: 'facts', text: 'Last post: ' + (h.lastActivity ? day(h.lastActivity.at) : 'not known')
            + ' · Last check: ' + (h.lastCheck ? day(h.lastCheck.checkedAt) + ' (' + h.lastCheck['class'] + ')' : 'none yet') }) : null;
          return el('li', { 'data-profile': p.id }, [link(p.url, profileName(p))].concat(status, [facts, el('p', { className: 'advice', text: advice(h) })]));
        }));
        var note = data[1] ? null : el('p', { className: 'muted', text: 'Health checks are not available yet.' });
        return [summary, list, note];
      }
    },
    {
      id: 'links',
      title: 'Links on your website',
      wide: true,
      load: function (session) { return session.getOptional('link-audit'); },
      render: function (audit) {
        if (!audit || !audit.auditedAt) {
          return [el('p', { className: 'muted', text: 'Your website has not been audited yet: the weekly audit lists every social link it finds.' })];
        }
        var problems = audit.links.filter(function (l) { return l.health === 'dead' || l.health === 'moved' || (l.isProfile && !l.registered); });
        var summary = el('p', { className: 'summary', text: 'Audited ' + day(audit.auditedAt) + ': ' + audit.links.length + ' social links, '
          + audit.deadLinks + ' dead, ' + audit.unregisteredProfileLinks + ' to profiles not registered here.' });
        if (problems.length === 0) {
          return [summary, el('p', { text: 'Every social link on your website works.' })];
        }
        return [summary, table('Links to fix', ['Link', 'Status', 'Found on', 'What to do'], problems.map(function (l) {
          return [link(l.url, l.url), badge(l.health + (l.registered ? '' : ', not registered'), HEALTH_TONES[l.health]), pageLinks(l.pages), linkAdvice(l)];
        }))];
      }
    },
    {
      id: 'engagement',
      title: 'Engagement over time',
      wide: true,
      load: function (session) { return Promise.all([session.shared('profiles'), session.getOptional('series')]); },
      render: function (data) {
        var profiles = profilesById(data[0]);
        var all = (data[1] && data[1].profiles) || [];
        if (all.length === 0) {
          return [el('p', { className: 'muted', text: 'No scored snapshots yet: send weekly snapshots (docs/engagement.md) and the charts show here.' })];
        }
        return [
          el('p', { className: 'muted', text: 'Engagement rate per post by followers, each week, against your baseline (the median of your first weeks) and the median of your industry on that network.' }),
          el('div', { className: 'charts' }, all.map(function (series) { return engagementFigure(profiles[series.profileId], series, data[1].unit); }))
        ];
      },
      shown: function () {
        // Before the frame that paints the charts: what the first-render benchmark reads.
        window.requestAnimationFrame(function () { performance.mark(CHARTS_DRAWN); });
      }
    },
    {
      id: 'goals',
      title: 'Goals',
      wide: true,
      load: function (session) { return session.getOptional('goals'); },
      render: function (report) {
        if (!report || report.goals.length === 0) {
          return [el('p', { className: 'muted', text: 'No goals yet: write them in your plan.' })];
        }
        return [el('ul', { className: 'goals' }, report.goals.map(function (g) {
          var title = el('h3', { text: words(g.metric) });
          if (!g.progress) {
            return el('li', { 'data-goal': g.goalId }, [title, el('p', { className: 'muted', text: g.notTracked })]);
          }
          var p = g.progress;
          return el('li', { 'data-goal': g.goalId }, [
            title,
            badge(words(p.status), GOAL_TONES[p.status]),
            el('p', { className: 'facts', text: 'Now ' + withUnit(p.latest ? p.latest.value : null, g.unit) + ' · target ' + withUnit(p.goal.target, g.unit)
              + ' by ' + p.goal.deadline + ' · projected ' + withUnit(p.projected.value, g.unit) }),
            progressBar(p.goal, p),
            el('p', { text: p.explanation })
          ]);
        }))];
      }
    },
    {
      id: 'campaigns',
      title: 'Campaign log',
      wide: true,
      load: function (session) { return session.getOptional('campaigns'); },
      render: function (log) {
        var items = (log && log.items) || [];
        if (items.length === 0) {
          return [el('p', { className: 'muted', text: 'No campaigns recorded yet: note each decision, then mark whether it worked.' })];
        }
        var worked = items.filter(function (i) { return i.campaign.outcome === 'worked'; }).map(function (i) { return i.campaign.what; });
        var summary = el('p', { className: 'summary', text: worked.length + ' of ' + items.length + ' campaigns worked' + (worked.length ? ': ' + worked.join(', ') + '.' : '.') });
        return [summary, table('Decisions and their outcomes', ['Campaign', 'When', 'Expected', 'Engagement rate before → after', 'Outcome'], items.map(function (i) {
          var c = i.campaign;
          var before = mean(i.before.map(function (p) { return p.engagementRatePercent; }));
          var after = mean(i.after.map(function (p) { return p.engagementRatePercent; }));
          var outcome = el('span', {}, [badge(c.outcome ? words(c.outcome) : 'not marked yet', OUTCOME_TONES[c.outcome]), c.outcomeNote ? ' ' + c.outcomeNote : '']);
          return [c.what + ' — ' + c.message, c.startDate + (c.endDate ? ' to ' + c.endDate : ''), c.expectedEffect, withUnit(before, '%') + ' → ' + withUnit(after, '%'), outcome];
        }))];
      }
    },
    {
      id: 'year-over-year',
      title: 'Year over year',
      wide: true,
      onDemand: 'Compare the latest week with last year',
      load: function (session) { return Promise.all([session.shared('profiles'), session.getOptional('year-over-year')]); },
      render: function (data) {
        var profiles = profilesById(data[0]);
        var review = (data[1] && data[1].profiles) || [];
        if (review.length === 0) {
          return [el('p', { className: 'muted', text: 'No scored snapshots yet.' })];
        }
        return [table('Latest week against the same week last year', ['Profile', 'Week', 'Engagement rate', 'Followers', 'Note'], review.map(function (r) {
          var metrics = {};
          r.metrics.forEach(function (m) { metrics[m.metric] = m.change; });
          return [profiles[r.profileId] ? profileName(profiles[r.profileId]) : r.profileId, r.periodStart,
            change(metrics['engagement-rate'], '%'), change(metrics.followers, ''), r.note];
        }))];
      }
    }
  ];

  function counts(byName) {
    return Object.keys(byName || {}).filter(function (k) { return byName[k] > 0; }).map(function (k) { return byName[k] + ' ' + k; }).join(', ') || 'none';
  }

  function change(c, unit) {
    if (!c) {
      return null;
    }
    var percent = c.percentChange === null ? '' : ' (' + (c.percentChange > 0 ? '+' : '') + number(c.percentChange) + ' %)';
    return withUnit(c.current, unit) + ' against ' + withUnit(c.reference, unit) + percent;
  }

  /* ---- Shell ---- */

  var signInSection = document.getElementById('sign-in');
  var form = document.getElementById('sign-in-form');
  var keyInput = document.getElementById('api-key');
  var signInError = document.getElementById('sign-in-error');
  var viewsContainer = document.getElementById('views');
  var who = document.getElementById('who');
  var signOutButton = document.getElementById('sign-out');

  function showSignIn(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    viewsContainer.hidden = true;
    viewsContainer.textContent = '';
    who.hidden = true;
    signOutButton.hidden = true;
    signInSection.hidden = false;
    signInError.textContent = message || '';
    keyInput.value = '';
    keyInput.focus();
  }

  function renderView(view, session) {
    var headingId = 'view-' + view.id + '-title';
    var section = el('section', { id: 'view-' + view.id, className: 'view' + (view.wide ? ' wide' : ''), 'aria-labelledby': headingId, 'aria-busy': 'true' },
      [el('h2', { id: headingId, tabindex: '-1', text: view.title }), el('p', { className: 'muted', text: 'Loading…' })]);
    viewsContainer.appendChild(section);
    if (!view.onDemand) {
      return fillView(section, view, session);
    }
    // A view whose data is heavy loads when asked, so that it does not weigh on the first render.
    var button = el('button', { type: 'button', text: view.onDemand });
    button.addEventListener('click', function () {
      section.setAttribute('aria-busy', 'true');
      fillView(section, view, session).then(function () { section.firstChild.focus(); });
    });
    section.replaceChildren(section.firstChild, button);
    section.setAttribute('aria-busy', 'false');
    return Promise.resolve();
  }

  function fillView(section, view, session) {
    return view.load(session).then(function (data) {
      return view.render(data);
    }, function (error) {
      return [el('p', { className: 'error', role: 'alert', text: error.message })];
    }).then(function (content) {
      section.replaceChildren(section.firstChild);
      content.forEach(function (node) {
        if (node) {
          section.appendChild(node);
        }
      });
      section.setAttribute('aria-busy', 'false');
      if (view.shown) {
        view.shown();
      }
    });
  }

  /* In-page links to each view's heading (focusable), so the keyboard reaches any view in a few presses. */
  function viewLinks() {
    return el('nav', { className: 'wide jump', 'aria-label': 'Views' }, [el('ul', {}, VIEWS.map(function (view) {
      return el('li', {}, [el('a', { href: '#view-' + view.id + '-title', text: view.title })]);
    }))]);
  }

  function open(session, business) {
    sessionStorage.setItem(KEY_STORAGE, session.key);
    signInSection.hidden = true;
    who.textContent = 'Signed in to ' + business.name;
    who.hidden = false;
    signOutButton.hidden = false;
    viewsContainer.textContent = '';
    var title = el('h1', { id: 'business-title', className: 'wide', tabindex: '-1', text: business.name });
    viewsContainer.appendChild(title);
    viewsContainer.appendChild(viewLinks());
    viewsContainer.hidden = false;
    title.focus();
    return Promise.all(VIEWS.map(function (view) { return renderView(view, session); }));
  }

  function signIn(key) {
    if (!KEY_PATTERN.test(key) && !isLink(key)) {
      showSignIn(/^swl\./.test(key) ? 'This sign-in link is incomplete: open the whole link from the email, or sign in with an API key.' :
        'This is not a business API key: it starts with swk. followed by the business id.');
      return Promise.resolve();
    }
    var session = new Session(key);
    return session.get('').then(function (business) {
      session.business = business;
      return open(session, business);
    }, function (error) {
      showSignIn(refusalMessage(key, error));
    });
  }

  function refusalMessage(key, error) {
    if (isLink(key) && (error.status === 401 || error.status === 404)) {
      return 'This sign-in link was refused. ' + (error.reason || 'Sign in with an API key instead.');
    }
    return error.status === 401 || error.status === 404
      ? 'This key was refused: it is unknown, revoked or mistyped.'
      : 'The dashboard could not reach SocialWatch (' + error.message + ').';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    signInError.textContent = '';
    signIn(keyInput.value.trim());
  });

  signOutButton.addEventListener('click', function () {
    showSignIn('');
  });

  var kept = takeLinkFromAddress() || sessionStorage.getItem(KEY_STORAGE);
  if (kept) {
    signIn(kept);
  }
})();
