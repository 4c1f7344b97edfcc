/* global document */
// The fleet page: reads GET /v1/fleet with the admin token typed into the page (kept in this tab's
// sessionStorage, sent as a header, never in an address) and draws every pillar, grouped by store,
// sortable, refreshed every 30 seconds. Plain script served by HQ: no build step.
'use strict';

const TOKEN_KEY = 'pillar-hq-admin-token';
const REFRESH_MS = 30_000;

/** Worst first: what IT should look at comes first when sorting by state. */
const STATE_ORDER = ['failing', 'offline', 'stale', 'never-seen', 'healthy'];
const STATE_TEXT = { healthy: 'Healthy', stale: 'Stale', offline: 'Offline', failing: 'Failing', 'never-seen': 'Never seen' };
/** A shape per state, so a state is never told by colour alone. */
const STATE_ICON = { healthy: '\u25CF', stale: '\u25D0', offline: '\u25CB', failing: '\u25B2', 'never-seen': '\u25CC' };

const sort = { key: 'store', direction: 'ascending' };
let fleet = null;

const $ = (id) => document.getElementById(id);

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function showSignIn(message) {
  $('sign-in').hidden = false;
  $('fleet').hidden = true;
  $('sign-out').hidden = true;
  $('message').textContent = message || '';
  $('token').focus();
}

async function load() {
  const admin = token();
  if (!admin) return showSignIn('');
  let response;
  try {
    response = await fetch('/v1/fleet', { headers: { Authorization: `Bearer ${admin}` }, cache: 'no-store' });
  } catch {
    $('message').textContent = 'HQ cannot be reached. The page tries again in 30 seconds.';
    return;
  }
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(TOKEN_KEY);
    return showSignIn('HQ refused this token. Type the admin token again.');
  }
  if (!response.ok) {
    $('message').textContent = `HQ answered ${response.status}. The page tries again in 30 seconds.`;
    return;
  }
  fleet = await response.json();
  $('message').textContent = '';
  $('sign-in').hidden = true;
  $('fleet').hidden = false;
  $('sign-out').hidden = false;
  $('updated').textContent = `Updated ${new Date(fleet.at).toLocaleTimeString('en-GB')}; refreshes every 30 seconds`;
  render();
}

function compare(a, b) {
  const by = {
    store: () => a.storeName.localeCompare(b.storeName) || a.store.localeCompare(b.store),
    state: () => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state),
    lastSeen: () => (a.lastSeenAt ?? 0) - (b.lastSeenAt ?? 0),
    version: () => compareVersions(a.version, b.version),
  }[sort.key]();
  const ordered = sort.direction === 'ascending' ? by : -by;
  // Ties keep a calm order: by store, then by label.
  return ordered || a.storeName.localeCompare(b.storeName) || (a.label ?? a.kioskId).localeCompare(b.label ?? b.kioskId);
}

function compareVersions(a, b) {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const pa = a.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pb = b.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    if (pa[i] === undefined) return 1;
    if (pb[i] === undefined) return -1;
    return typeof pa[i] === 'number' && typeof pb[i] === 'number' ? pa[i] - pb[i] : String(pa[i]).localeCompare(String(pb[i]));
  }
  return 0;
}

function element(tag, options, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(options || {})) {
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children || []) if (child) node.append(child);
  return node;
}

function ago(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function row(pillar, withStore) {
  const state = element('span', { className: `state state-${pillar.state}` }, [
    element('span', { className: 'icon', 'aria-hidden': 'true', text: STATE_ICON[pillar.state] }),
    element('span', { text: STATE_TEXT[pillar.state] }),
  ]);
  const reasons = pillar.reasons.length === 0 ? document.createTextNode('—') : element('ul', { className: 'reasons' }, pillar.reasons.map((reason) => element('li', { text: reason })));
  const seen = pillar.lastSeenAt === null ? element('span', { text: 'Never' }) : element('time', { datetime: new Date(pillar.lastSeenAt).toISOString(), title: new Date(pillar.lastSeenAt).toLocaleString('en-GB'), text: ago(fleet.at - pillar.lastSeenAt) });
  const wanted = element('span', { text: pillar.wantedVersion ?? 'No rollout' });
  const pending = pillar.wantedVersion !== null && pillar.version !== null && pillar.wantedVersion !== pillar.version ? element('span', { className: 'pending', text: 'Update pending' }) : null;
  const name = element('span', { text: pillar.label ?? pillar.kioskId });
  const detail = element('span', { className: 'kiosk', text: [pillar.kioskId, pillar.device && pillar.device.hostname].filter(Boolean).join(' · ') });
  return element('tr', { 'data-kiosk': pillar.kioskId, 'data-state': pillar.state }, [
    element('td', { text: withStore ? pillar.storeName : '' }),
    element('th', { scope: 'row' }, [name, detail]),
    element('td', {}, [state]),
    element('td', {}, [reasons]),
    element('td', {}, [seen]),
    element('td', { text: pillar.version ?? '—' }),
    element('td', {}, [wanted, pending]),
  ]);
}

function render() {
  const table = $('pillars');
  for (const body of table.querySelectorAll('tbody')) body.remove();
  const pillars = [...fleet.pillars].sort(compare);
  $('empty').hidden = pillars.length > 0;
  const summary = $('summary');
  summary.replaceChildren(
    ...STATE_ORDER.map((state) =>
      element('li', {}, [element('span', { className: `state state-${state}` }, [element('span', { className: 'icon', 'aria-hidden': 'true', text: STATE_ICON[state] }), element('span', { text: `${STATE_TEXT[state]}: ${fleet.counts[state] ?? 0}` })])]),
    ),
  );
  if (sort.key === 'store') {
    // Grouped by store: a heading row per store, its pillars below it.
    const groups = new Map();
    for (const pillar of pillars) {
      if (!groups.has(pillar.store)) groups.set(pillar.store, []);
      groups.get(pillar.store).push(pillar);
    }
    for (const members of groups.values()) {
      const first = members[0];
      const heading = element('tr', {}, [element('th', { scope: 'rowgroup', colspan: '7', text: `${first.storeName} (${first.store}) — ${members.length === 1 ? '1 pillar' : `${members.length} pillars`}` })]);
      table.append(element('tbody', {}, [heading, ...members.map((pillar) => row(pillar, true))]));
    }
  } else {
    table.append(element('tbody', {}, pillars.map((pillar) => row(pillar, true))));
  }
  for (const th of table.querySelectorAll('th[data-sort]')) th.setAttribute('aria-sort', th.dataset.sort === sort.key ? sort.direction : 'none');
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = $('token').value.trim();
    if (!typed) return;
    sessionStorage.setItem(TOKEN_KEY, typed);
    $('token').value = '';
    void load();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    fleet = null;
    showSignIn('');
  });
  for (const th of document.querySelectorAll('th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.sort;
      sort.direction = sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
      sort.key = key;
      if (fleet) render();
    });
  }
  void load();
  setInterval(() => void load(), REFRESH_MS);
});

