/*
 * SocialWatch widget: lists a business's live social profiles on its own site.
 *
 *   <script src="https://APP/api/widget.js" data-business="BUSINESS-ID" data-key="READ-KEY" async></script>
 *
 * Optional: data-target="ELEMENT-ID" renders into that element instead of right after the script tag;
 * data-label="..." names the list for screen readers (default "Our social profiles").
 *
 * The profiles come from the business's plan; when the health endpoint answers, profiles declared dead or abandoned are
 * left out. The key goes in the x-api-key header (never in a URL): the API answers only the origins the business lists
 * (CORS). Use a read key: it is visible to anyone who reads the page. Nothing is added to the page's globals, and data from
 * the API is only ever set as text or a checked link address, never parsed as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }

  var NETWORK_NAMES = {
    'facebook': 'Facebook', 'instagram': 'Instagram', 'x': 'X', 'linkedin': 'LinkedIn', 'pinterest': 'Pinterest',
    'youtube': 'YouTube', 'tiktok': 'TikTok', 'yelp': 'Yelp', 'google-business': 'Google Business Profile',
    'mastodon': 'Mastodon', 'bluesky': 'Bluesky', 'blog': 'Blog', 'other': 'Website'
  };

  var business = script.getAttribute('data-business') || '';
  var key = script.getAttribute('data-key') || '';
  var targetId = script.getAttribute('data-target');
  var label = script.getAttribute('data-label') || 'Our social profiles';
  var api = new URL('.', script.src);
  var businessUrl = new URL('businesses/' + encodeURIComponent(business) + '/', api);

  function read(path) {
    return fetch(new URL(path, businessUrl), { headers: { 'x-api-key': key }, credentials: 'omit', mode: 'cors' });
  }

  function json(response) {
    if (!response.ok) {
      throw new Error('SocialWatch widget: the API answered ' + response.status);
    }
    return response.json();
  }

  // Health is optional: 404 (not deployed) or any failure lists every profile rather than none.
  function readHealth() {
    return read('health').then(function (response) {
      return response.ok ? response.json() : null;
    }, function () {
      return null;
    });
  }

  function hiddenIds(health) {
    var hidden = {};
    var profiles = health && Array.isArray(health.profiles) ? health.profiles : [];
    profiles.forEach(function (p) {
      if (p && (p.health === 'dead' || p.staleness === 'abandoned')) {
        hidden[p.profileId] = true;
      }
    });
    return hidden;
  }

  function isWebAddress(url) {
    try {
      var protocol = new URL(url).protocol;
      return protocol === 'https:' || protocol === 'http:';
    } catch (e) {
      return false;
    }
  }

  function liveProfiles(plan, hidden) {
    var groups = plan && plan.profiles ? plan.profiles : {};
    var list = [];
    Object.keys(groups).forEach(function (network) {
      var profiles = Array.isArray(groups[network]) ? groups[network] : [];
      profiles.forEach(function (p) {
        if (p && !hidden[p.id] && isWebAddress(p.url)) {
          list.push({ network: network, url: p.url, handle: String(p.handle || ''), several: profiles.length > 1 });
        }
      });
    });
    return list;
  }

  function render(profiles) {
    var container = targetId ? document.getElementById(targetId) : null;
    if (!container) {
      container = document.createElement('div');
      script.parentNode.insertBefore(container, script.nextSibling);
    }
    var nav = document.createElement('nav');
    nav.className = 'socialwatch-widget';
    nav.setAttribute('aria-label', label);
    var ul = document.createElement('ul');
    ul.className = 'socialwatch-profiles';
    profiles.forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = p.url;
      a.rel = 'me noopener';
      a.setAttribute('data-network', p.network);
      var name = NETWORK_NAMES[p.network] || p.network;
      a.textContent = p.several && p.handle ? name + ' (' + p.handle + ')' : name;
      li.appendChild(a);
      ul.appendChild(li);
    });
    nav.appendChild(ul);
    container.appendChild(nav);
  }

  if (!business || !key) {
    console.warn('SocialWatch widget: data-business and data-key are required.');
    return;
  }

  Promise.all([read('plan').then(json), readHealth()]).then(function (results) {
    var profiles = liveProfiles(results[0], hiddenIds(results[1]));
    if (profiles.length > 0) {
      render(profiles);
    }
  }).catch(function (error) {
    // Nothing is shown: a missing list is better than a broken one. The browser logs CORS refusals itself.
    console.warn(error && error.message ? error.message : error);
  });
})();
