/*
 * SocialWatch dashboard. Signs in with a business API key (swk.{businessId}.{keyId}.{secret}), or with the signed link of an
 * alert email (…/api/dashboard#link=swl.dashboard.{businessId}.…, read-only, expiring): the token comes in the address's
 * fragment (never sent to a server) and is dropped from the address bar at once. Either is kept in sessionStorage (this tab
 * only) and shows the business, its plan and its profiles.
 *
 * Each view is an entry of VIEWS: load(session) fetches what it needs (an optional endpoint answers null on 404), then
 * render(data) returns the view's content. More views (engagement over time, goals progress, campaign log) slot in as
 * further entries. Data from the API is only ever set as text (el() never parses HTML).
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
      return el('tr', {}, row.map(function (cell) { return el('td', { text: cell === null || cell === undefined ? '—' : String(cell) }); }));
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

  /* Resolves null when the resource does not exist (404): a plan not written yet, an endpoint not deployed yet. */
  Session.prototype.getOptional = function (path) {
    return this.get(path).catch(function (error) {
      if (error.status === 404) {
        return null;
      }
      throw error;
    });
  };

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
      title: 'Profiles',
      wide: true,
      load: function (session) {
        return Promise.all([session.get('profiles'), session.getOptional('health')]);
      },
      render: function (data) {
        var profiles = data[0].items || [];
        var health = {};
        ((data[1] && data[1].profiles) || []).forEach(function (p) { health[p.profileId] = p; });
        if (profiles.length === 0) {
          return [el('p', { className: 'muted', text: 'No profiles registered yet.' })];
        }
        var list = el('ul', { className: 'profiles', 'aria-label': 'Profiles' }, profiles.map(function (p) {
          var h = health[p.id];
          var status = h
            ? [badge('health: ' + h.health, HEALTH_TONES[h.health]), badge('posting: ' + h.staleness, STALENESS_TONES[h.staleness])]
            : [badge('not checked yet', '')];
          return el('li', { 'data-profile': p.id }, [link(p.url, networkName(p.network) + ': ' + p.handle)].concat(status));
        }));
        var note = data[1] ? null : el('p', { className: 'muted', text: 'Health checks are not available yet.' });
        return [list, note];
      }
    }
  ];

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
      [el('h2', { id: headingId, text: view.title }), el('p', { className: 'muted', text: 'Loading…' })]);
    viewsContainer.appendChild(section);
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
    });
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
